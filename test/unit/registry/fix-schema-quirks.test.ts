// Quirks local to one schema: type names, keyword spelling, boolean `required`, each repaired with a warning.
import { describe, expect, it } from 'vitest';
import { fixSchemaQuirks, hoistPropertyRequired } from '../../../src/registry/fix-schema-quirks.js';
import type { JsonObject } from '../../../src/registry/types.js';

describe('fixSchemaQuirks', () => {
  it('leaves a valid schema alone', () => {
    const schema: JsonObject = { type: ['string', 'null'], maxLength: 3, 'x-Maxlength': 1, required: ['a'] };
    expect(fixSchemaQuirks(schema, '#/s')).toEqual([]);
    expect(schema).toEqual({ type: ['string', 'null'], maxLength: 3, 'x-Maxlength': 1, required: ['a'] });
  });

  it('reads type aliases and wrong case, adding the implied format unless one is set', () => {
    const date: JsonObject = { type: 'date' };
    expect(fixSchemaQuirks(date, '#/d')).toEqual(['#/d: type "date" is not a JSON Schema type; read as "string" with format "date"']);
    expect(date).toEqual({ type: 'string', format: 'date' });

    const long: JsonObject = { type: 'Long', format: 'custom' };
    fixSchemaQuirks(long, '#/l');
    expect(long).toEqual({ type: 'integer', format: 'custom' });

    const upper: JsonObject = { type: 'String' };
    expect(fixSchemaQuirks(upper, '#/u')).toEqual(['#/u: type "String" is not a JSON Schema type; read as "string"']);
    expect(upper).toEqual({ type: 'string' });
  });

  it('drops a type that means nothing', () => {
    const schema: JsonObject = { type: 'uuid' };
    expect(fixSchemaQuirks(schema, '#/s')).toEqual(['#/s: type "uuid" is not a JSON Schema type; dropped (any value accepted)']);
    expect(schema).toEqual({});
  });

  it('repairs a type list, dropping what cannot be read and duplicates', () => {
    const schema: JsonObject = { type: ['String', 'text', 'null', 'uuid'] };
    expect(fixSchemaQuirks(schema, '#/s')).toEqual(['#/s: type [String, text, null, uuid] holds non-JSON-Schema types; read as [string, null]']);
    expect(schema.type).toEqual(['string', 'null']);
  });

  it('reads wrong-case and transposed keywords, unless the right one is present', () => {
    const schema: JsonObject = { type: 'string', minlength: 1, maxLenght: 30, MinItems: 0, MAXLENGTH: 5 };
    expect(fixSchemaQuirks(schema, '#/s')).toEqual([
      '#/s: unknown keyword "minlength" read as "minLength"',
      '#/s: unknown keyword "maxLenght" read as "maxLength"',
      '#/s: unknown keyword "MinItems" read as "minItems"',
    ]);
    expect(schema).toEqual({ type: 'string', minLength: 1, maxLength: 30, minItems: 0, MAXLENGTH: 5 });
  });

  it('does not read transpositions of short keywords', () => {
    const schema: JsonObject = { tpye: 'x', fromat: 'y' };
    expect(fixSchemaQuirks(schema, '#/s')).toEqual([]);
  });

  it('ignores a boolean required on the schema itself', () => {
    const schema: JsonObject = { type: 'string', required: true };
    expect(fixSchemaQuirks(schema, '#/s')).toEqual(['#/s: "required: true" on a schema outside "properties" means nothing; ignored']);
    expect(schema).toEqual({ type: 'string' });
  });
});

describe('hoistPropertyRequired', () => {
  it('moves required: true into the parent list once', () => {
    const prop: JsonObject = { type: 'string', required: true };
    const parent: JsonObject = { required: ['a'], properties: { b: prop } };
    expect(hoistPropertyRequired(parent, 'b', prop, '#/p/properties/b')).toBe('#/p/properties/b: "required: true" on a property; read as listed in the parent\'s "required"');
    expect(parent.required).toEqual(['a', 'b']);
    expect(prop).toEqual({ type: 'string' });
    hoistPropertyRequired(parent, 'b', { required: true }, '#');
    expect(parent.required).toEqual(['a', 'b']);
  });

  it('drops required: false without touching the parent', () => {
    const prop: JsonObject = { required: false };
    const parent: JsonObject = {};
    expect(hoistPropertyRequired(parent, 'b', prop, '#/b')).toMatch(/read as absent from the parent's "required"$/);
    expect(parent).toEqual({});
    expect(prop).toEqual({});
  });
});
