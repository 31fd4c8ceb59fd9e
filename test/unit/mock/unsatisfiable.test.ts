// Parts of a schema that admit no value (a required property that additionalProperties: false forbids) are found once
// at preparation; generation leaves such optional properties out and keeps such arrays empty when it may.
import { describe, expect, it } from 'vitest';
import { generateValue } from '../../../src/mock/generate/generate-value.js';
import { admitsNoValue, isUnsatisfiable } from '../../../src/mock/schema/find-unsatisfiable.js';
import { getPreparedNode, prepareSchema } from '../../../src/mock/schema/prepare-schema.js';
import type { JsonObject } from '../../../src/registry/types.js';
import { samples, type Obj } from './generate-helpers.js';

// The catalogApi defect: `creationDate` is required but not declared, and nothing else is allowed.
const IMPOSSIBLE: JsonObject = { type: 'object', additionalProperties: false, required: ['id', 'creationDate'], properties: { id: { type: 'string', format: 'uuid' } } };

const prepared = (schema: JsonObject) => prepareSchema(schema, 'openapi-3.0');

describe('finding schemas that admit no value', () => {
  it('propagates through required properties and minimum items, not through optional ones', () => {
    expect(admitsNoValue(prepared(IMPOSSIBLE))).toBe(true);
    expect(admitsNoValue(prepared({ type: 'object', required: ['d'], properties: { d: IMPOSSIBLE } }))).toBe(true);
    expect(admitsNoValue(prepared({ type: 'object', properties: { d: IMPOSSIBLE } }))).toBe(false);
    expect(admitsNoValue(prepared({ type: 'array', items: IMPOSSIBLE }))).toBe(false);
    expect(admitsNoValue(prepared({ type: 'array', minItems: 1, items: IMPOSSIBLE }))).toBe(true);
    expect(admitsNoValue(prepared({ oneOf: [IMPOSSIBLE, { type: 'string' }] }))).toBe(false);
    expect(admitsNoValue(prepared({ oneOf: [IMPOSSIBLE, { ...IMPOSSIBLE }] }))).toBe(true);
  });

  it('does not call a recursive schema impossible', () => {
    const tree: JsonObject = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
    (tree.properties as JsonObject).children = { type: 'array', items: tree };
    expect(admitsNoValue(prepared(tree))).toBe(false);
    const node = getPreparedNode(prepared(tree));
    expect(isUnsatisfiable(node.properties.find((p) => p.name === 'children')?.node ?? node)).toBe(false);
  });
});

describe('generation around them', () => {
  it('omits an optional property and keeps an array empty when no item can be valid', () => {
    const schema = {
      type: 'object',
      required: ['id', 'descriptors'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', format: 'uuid' },
        descriptors: { type: 'array', items: IMPOSSIBLE },
        latest: IMPOSSIBLE,
        name: { type: 'string' },
      },
    };
    const values = samples(schema, { seeds: 20 }) as Obj[];
    for (const v of values) {
      expect(v.descriptors).toEqual([]);
      expect(v).not.toHaveProperty('latest');
    }
    expect(values.some((v) => 'name' in v)).toBe(true);
  });

  it('takes a oneOf branch that can be valid', () => {
    const schema = { type: 'object', required: ['x'], properties: { x: { oneOf: [IMPOSSIBLE, { type: 'string', maxLength: 5 }] } } };
    for (const v of samples(schema, { seeds: 20 }) as Obj[]) expect(typeof v.x).toBe('string');
  });

  it('still generates something for a schema that admits nothing (the document is at fault)', () => {
    const v = generateValue(prepared(IMPOSSIBLE), { locale: 'en', seed: 's', direction: 'response' }) as Obj;
    expect(typeof v.id).toBe('string');
  });
});
