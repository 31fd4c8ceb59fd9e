// The OpenAPI → JSON Schema conversion the validator compiles: nullable, exclusives, formats, cycles, directions.
import { describe, expect, it } from 'vitest';
import { createValidator, getValidatorReport } from '../../../src/mock/schema/create-validator.js';
import type { JsonObject } from '../../../src/registry/types.js';

const valid = (schema: JsonObject, value: unknown, options: { dialect?: 'openapi-3.0' | 'openapi-3.1'; direction?: 'request' | 'response' } = {}) =>
  createValidator(schema, options.dialect ?? 'openapi-3.0', options.direction ?? 'response')(value).length === 0;

describe('createValidator', () => {
  it('reads 3.0 nullable, on plain types, enums and composed references', () => {
    expect(valid({ type: 'string', nullable: true }, null)).toBe(true);
    expect(valid({ type: 'string' }, null)).toBe(false);
    expect(valid({ type: 'string', enum: ['a'], nullable: true }, null)).toBe(true);
    expect(valid({ allOf: [{ type: 'object' }], nullable: true }, null)).toBe(true);
  });

  it('reads 3.0 boolean and 3.1 numeric exclusive bounds', () => {
    expect(valid({ type: 'number', minimum: 1, exclusiveMinimum: true }, 1)).toBe(false);
    expect(valid({ type: 'number', minimum: 1, exclusiveMinimum: false }, 1)).toBe(true);
    expect(valid({ type: 'number', exclusiveMaximum: 5 }, 5, { dialect: 'openapi-3.1' })).toBe(false);
  });

  it('checks OpenAPI formats and ignores unknown ones', () => {
    expect(valid({ type: 'integer', format: 'int32' }, 2 ** 31)).toBe(false);
    expect(valid({ type: 'integer', format: 'int64' }, 2 ** 40)).toBe(true);
    expect(valid({ type: 'string', format: 'byte' }, 'aGVsbG8=')).toBe(true);
    expect(valid({ type: 'string', format: 'byte' }, 'not base64!')).toBe(false);
    expect(valid({ type: 'string', format: 'date' }, '2024-02-30')).toBe(false);
    expect(valid({ type: 'string', format: 'FiscalCode' }, 'anything')).toBe(true);
  });

  it('drops OpenAPI-only keywords and ignores values that mean nothing, reporting them', () => {
    const schema = { type: 'string', example: 1, xml: { name: 'x' }, externalDocs: { url: 'u' }, pattern: '[', maxLength: 'many' };
    const validate = createValidator(schema, 'openapi-3.0', 'response');
    expect(validate('x'.repeat(50))).toEqual([]);
    expect(getValidatorReport(validate).ignored).toEqual(expect.arrayContaining([expect.stringContaining('pattern'), expect.stringContaining('maxLength')]));
    expect(getValidatorReport(validate).degraded).toEqual([]);
  });

  it('accepts patterns that only parse outside Unicode mode', () => {
    expect(valid({ type: 'string', pattern: '^[\\w-\\.]+$' }, 'a.b')).toBe(true);
  });

  it('compiles recursive schemas once and validates nested values', () => {
    const tree: JsonObject = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
    (tree.properties as JsonObject).children = { type: 'array', items: tree };
    expect(valid(tree, { name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] })).toBe(true);
    const violations = createValidator(tree, 'openapi-3.0', 'response')({ name: 'a', children: [{ children: [] }] });
    expect(violations).toEqual([{ pointer: '/children/0/name', message: "must have required property 'name'" }]);
    expect(createValidator(tree, 'openapi-3.0', 'response')).toBe(createValidator(tree, 'openapi-3.0', 'response'));
  });

  it('lets responses omit writeOnly and requests omit readOnly required properties', () => {
    const schema = { type: 'object', required: ['id', 'secret'], properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true } } };
    expect(valid(schema, { id: 'x' }, { direction: 'response' })).toBe(true);
    expect(valid(schema, { secret: 'x' }, { direction: 'response' })).toBe(false);
    expect(valid(schema, { secret: 'x' }, { direction: 'request' })).toBe(true);
  });

  it('requires the mapped discriminator value for each oneOf branch', () => {
    const cat = { type: 'object', properties: { kind: { type: 'string' } } };
    const dog = { type: 'object', properties: { kind: { type: 'string' } } };
    const document = { components: { schemas: { Cat: cat, Dog: dog } } };
    const schema = { oneOf: [cat, dog], discriminator: { propertyName: 'kind' } };
    const validate = createValidator(schema, 'openapi-3.0', 'response', { document });
    expect(validate({ kind: 'Cat' })).toEqual([]);
    expect(validate({ kind: 'Cow' })).not.toEqual([]);
  });

  it('reports violations with a JSON pointer', () => {
    const validate = createValidator({ type: 'object', properties: { a: { type: 'integer' } }, additionalProperties: false }, 'openapi-3.0', 'request');
    expect(validate({ a: 'x', b: 1 })).toEqual([
      { pointer: '/b', message: 'is not a property the schema allows' },
      { pointer: '/a', message: 'must be integer' },
    ]);
  });
});
