// One engine's memo of prepared schemas and validators: dereferenced documents share schema objects between
// operations (every 401 points at the same Problem), so each is prepared and compiled once per engine, not per use.

import type { JsonObject } from '../registry/types.js';
import { createValidator } from './schema/create-validator.js';
import { admitsNoValue } from './schema/find-unsatisfiable.js';
import { prepareSchema } from './schema/prepare-schema.js';
import type { Direction, PreparedSchema, SchemaDialect, ValidateValue } from './types.js';

export interface SchemaCache {
  readonly dialect: SchemaDialect;
  prepared(schema: unknown): PreparedSchema;
  validator(schema: unknown, direction: Direction): ValidateValue;
}

const ANY: JsonObject = {};

/** `document` lets discriminator mappings (`#/components/schemas/...`) resolve. */
export function createSchemaCache(dialect: SchemaDialect, document?: JsonObject): SchemaCache {
  const prepared = new WeakMap<object, PreparedSchema>();
  const validators = { request: new WeakMap<object, ValidateValue>(), response: new WeakMap<object, ValidateValue>() };
  // 3.1 allows boolean schemas and some documents leave `schema` empty; both mean "anything" here.
  const asObject = (schema: unknown): JsonObject => (typeof schema === 'object' && schema !== null && !Array.isArray(schema) ? (schema as JsonObject) : ANY);
  return {
    dialect,
    prepared(schema) {
      const key = asObject(schema);
      let found = prepared.get(key);
      if (found === undefined) {
        prepared.set(key, (found = prepareSchema(key, dialect, { document })));
        // Which parts admit no value is settled here, once per schema, so that generation only looks it up.
        admitsNoValue(found);
      }
      return found;
    },
    validator(schema, direction) {
      const key = asObject(schema);
      const map = validators[direction];
      let found = map.get(key);
      if (found === undefined) map.set(key, (found = createValidator(key, dialect, direction, { document })));
      return found;
    },
  };
}
