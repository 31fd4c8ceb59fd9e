// Generation honours every keyword that constrains data; each test also validates every value with ajv.
import { describe, expect, it } from 'vitest';
import { samples, type Obj } from './generate-helpers.js';

describe('types', () => {
  it('honours 3.0 nullable and 3.1 type arrays, preferring the non-null type', () => {
    for (const v of samples({ type: 'string', nullable: true })) expect(typeof v).toBe('string');
    for (const v of samples({ type: ['integer', 'null'] }, { dialect: 'openapi-3.1' })) expect(Number.isInteger(v)).toBe(true);
    for (const v of samples({ type: 'null' }, { dialect: 'openapi-3.1' })) expect(v).toBeNull();
  });

  it('infers the type from other keywords when `type` is missing', () => {
    for (const v of samples({ properties: { a: { type: 'string' } }, required: ['a'] })) expect(typeof (v as Obj).a).toBe('string');
    for (const v of samples({ items: { type: 'integer' }, minItems: 1 })) expect(Array.isArray(v)).toBe(true);
  });
});

describe('enum and const', () => {
  it('picks enum members and const values', () => {
    const values = samples({ type: 'string', enum: ['A', 'B', 'C'] });
    expect(new Set(values).size).toBeGreaterThan(1);
    for (const v of samples({ const: { x: 1 } }, { dialect: 'openapi-3.1' })) expect(v).toEqual({ x: 1 });
  });
});

describe('formats', () => {
  it.each(['date', 'date-time', 'time', 'duration', 'email', 'uuid', 'uri', 'hostname', 'ipv4', 'ipv6', 'byte', 'binary', 'password', 'uri-reference'])('%s', (format) => {
    samples({ type: 'string', format });
  });

  it('generates RFC 4122 version 4 UUIDs', () => {
    for (const v of samples({ type: 'string', format: 'uuid' })) expect(v).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps int32/int64 integers in range and float/double numbers', () => {
    for (const v of samples({ type: 'integer', format: 'int32', minimum: 2_147_483_000 })) expect(v as number).toBeLessThanOrEqual(2_147_483_647);
    for (const v of samples({ type: 'integer', format: 'int64' })) expect(Number.isSafeInteger(v)).toBe(true);
    samples({ type: 'number', format: 'float' });
    samples({ type: 'number', format: 'double', maximum: 0 });
  });

  it('degrades unknown formats to plain strings, reading common misspellings as what they mean', () => {
    samples({ type: 'string', format: 'no-such-format', maxLength: 5 });
    for (const v of samples({ type: 'string', format: 'dateTime' })) expect(v).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  });

  it('fits a date-time into the length the schema demands', () => {
    for (const v of samples({ type: 'string', format: 'date-time', minLength: 24, maxLength: 24 })) expect(v).toMatch(/\.\d{3}Z$/);
  });
});

describe('pattern and lengths', () => {
  it('generates strings matching the pattern, not the word "string"', () => {
    for (const v of samples({ type: 'string', pattern: '^[A-Z]{2}\\d{4}$' })) expect(v).toMatch(/^[A-Z]{2}\d{4}$/);
    samples({ type: 'string', pattern: '^(ITA|FRA)-[0-9]{3,5}(-[a-z]+)?$' });
    samples({ type: 'string', pattern: '^[À-ÿ]{3}$' });
  });

  it('meets exact lengths with open repetitions', () => {
    for (const v of samples({ type: 'string', pattern: '^\\d+$', minLength: 18, maxLength: 18 })) expect(v).toMatch(/^\d{18}$/);
  });

  it('honours min/max length without a pattern', () => {
    for (const v of samples({ type: 'string', minLength: 30, maxLength: 32 })) expect((v as string).length).toBeGreaterThanOrEqual(30);
    samples({ type: 'string', maxLength: 2 });
  });
});

describe('numbers', () => {
  it('honours 3.0 boolean exclusive bounds', () => {
    for (const v of samples({ type: 'integer', minimum: 0, maximum: 2, exclusiveMinimum: true, exclusiveMaximum: true })) expect(v).toBe(1);
    samples({ type: 'number', minimum: 0, maximum: 1, exclusiveMinimum: true });
  });

  it('honours 3.1 numeric exclusive bounds', () => {
    for (const v of samples({ type: 'integer', exclusiveMinimum: 5, exclusiveMaximum: 7 }, { dialect: 'openapi-3.1' })) expect(v).toBe(6);
  });

  it('honours multipleOf, decimal ones included', () => {
    for (const v of samples({ type: 'number', multipleOf: 0.01, maximum: 9999.99 })) expect(Math.round((v as number) * 100) / 100).toBe(v);
    for (const v of samples({ type: 'integer', multipleOf: 5, minimum: 11 })) expect((v as number) % 5).toBe(0);
    samples({ type: 'number', multipleOf: 0.5, minimum: 0, maximum: 99 });
  });
});

describe('objects', () => {
  it('always includes required properties and never invents properties', () => {
    const schema = { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer' } } };
    for (const v of samples(schema)) {
      expect(Object.keys(v as Obj)).toContain('a');
      for (const key of Object.keys(v as Obj)) expect(['a', 'b']).toContain(key);
    }
  });

  it('fills maps when additionalProperties is a schema, and respects min/maxProperties', () => {
    for (const v of samples({ type: 'object', additionalProperties: { type: 'integer' } })) expect(Object.keys(v as Obj).length).toBeGreaterThan(0);
    samples({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } }, maxProperties: 1 });
    samples({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true, minProperties: 3 });
    samples({ type: 'object', patternProperties: { '^x-[a-z]+$': { type: 'boolean' } }, additionalProperties: false });
  });

  it('leaves out writeOnly properties in responses and readOnly ones in requests', () => {
    const schema = { type: 'object', required: ['id', 'password', 'name'], properties: { id: { type: 'string', readOnly: true }, password: { type: 'string', writeOnly: true }, name: { type: 'string' } } };
    for (const v of samples(schema, { direction: 'response' })) expect(Object.keys(v as Obj).sort()).toEqual(['id', 'name']);
    for (const v of samples(schema, { direction: 'request' })) expect(Object.keys(v as Obj).sort()).toEqual(['name', 'password']);
  });
});

describe('arrays', () => {
  it('honours min/maxItems and uniqueItems', () => {
    for (const v of samples({ type: 'array', items: { type: 'integer', minimum: 1, maximum: 4 }, minItems: 4, maxItems: 4, uniqueItems: true })) {
      expect([...(v as number[])].sort()).toEqual([1, 2, 3, 4]);
    }
    for (const v of samples({ type: 'array', items: { type: 'string', enum: ['x', 'y'] }, uniqueItems: true })) expect((v as unknown[]).length).toBeLessThanOrEqual(2);
  });

  it('honours prefixItems with items: false', () => {
    for (const v of samples({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false, minItems: 2 }, { dialect: 'openapi-3.1' })) {
      expect((v as unknown[]).length).toBe(2);
    }
  });
});

describe('composition', () => {
  it('merges allOf members, additionalProperties: false included', () => {
    const schema = {
      allOf: [
        { type: 'object', required: ['a'], properties: { a: { type: 'string', minLength: 3 } } },
        { type: 'object', required: ['b'], properties: { a: { maxLength: 3 }, b: { type: 'integer', minimum: 10 } } },
      ],
    };
    for (const v of samples(schema)) {
      expect((v as Obj).a as string).toHaveLength(3);
      expect((v as Obj).b as number).toBeGreaterThanOrEqual(10);
    }
  });

  it('makes exactly one oneOf branch valid, even when branches overlap', () => {
    const schema = {
      oneOf: [
        { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, size: { type: 'integer' } } },
        { type: 'object', required: ['kind', 'size'], properties: { kind: { type: 'string' }, size: { type: 'integer' } } },
      ],
    };
    const values = samples(schema) as Obj[];
    expect(values.every((v) => !('size' in v))).toBe(true);
    samples({ oneOf: [{ type: 'integer', multipleOf: 3 }, { type: 'integer', multipleOf: 5 }] });
  });

  it('satisfies anyOf and not', () => {
    samples({ anyOf: [{ type: 'string', format: 'email' }, { type: 'integer' }] });
    for (const v of samples({ type: 'string', enum: ['a', 'b', 'c'], not: { const: 'b' } }, { dialect: 'openapi-3.1' })) expect(v).not.toBe('b');
    for (const v of samples({ not: { type: 'string' } })) expect(typeof v).not.toBe('string');
  });

  it('uses discriminator mappings to pick the value for the chosen branch', () => {
    const cat = { type: 'object', required: ['petType', 'meows'], properties: { petType: { type: 'string' }, meows: { type: 'boolean' } } };
    const dog = { type: 'object', required: ['petType'], properties: { petType: { type: 'string' }, barks: { type: 'boolean' } } };
    const document = { components: { schemas: { Cat: cat, Dog: dog } } };
    const schema = { oneOf: [cat, dog], discriminator: { propertyName: 'petType', mapping: { cat: '#/components/schemas/Cat' } } };
    const values = samples(schema, { document }) as Obj[];
    for (const v of values) expect(v.petType === 'cat' ? 'meows' in v : v.petType === 'Dog').toBe(true);
    expect(new Set(values.map((v) => v.petType))).toEqual(new Set(['cat', 'Dog']));
  });

  it('gives an allOf-inheritance discriminator one of its mapping values', () => {
    const schema = { type: 'object', required: ['type'], properties: { type: { type: 'string' } }, discriminator: { propertyName: 'type', mapping: { MEMBER: 'ClientId', SERVER: 'ServerId' } } };
    for (const v of samples(schema)) expect(['MEMBER', 'SERVER']).toContain((v as Obj).type);
  });

  it('reads pagopa x-one-of allOf as oneOf', () => {
    const schema = { 'x-one-of': true, allOf: [{ type: 'object', required: ['tag'], properties: { tag: { type: 'string', enum: ['A'] } } }, { type: 'object', required: ['tag'], properties: { tag: { type: 'string', enum: ['B'] } } }] };
    samples(schema);
  });
});

describe('recursion', () => {
  it('caps recursive schemas while staying valid', () => {
    const node: Obj = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
    (node.properties as Obj).children = { type: 'array', items: node };
    (node.properties as Obj).parent = node;
    const depth = (v: unknown): number => {
      const o = v as Obj;
      const kids = [...((o.children as unknown[]) ?? []), ...(o.parent ? [o.parent] : [])];
      return 1 + Math.max(0, ...kids.map(depth));
    };
    for (const v of samples(node)) expect(depth(v)).toBeLessThanOrEqual(8);
  });

  it('ends required recursion through a nullable reference', () => {
    const list: Obj = { type: 'object', required: ['value', 'next'], properties: { value: { type: 'integer' } } };
    (list.properties as Obj).next = { allOf: [list], nullable: true };
    const nullableList: Obj = { type: ['object', 'null'], required: ['value', 'next'], properties: { value: { type: 'integer' } } };
    (nullableList.properties as Obj).next = nullableList;
    samples(nullableList, { dialect: 'openapi-3.1', seeds: 5 });
  });
});
