// Test helper: prepares a schema, generates values for many seeds and asserts each one validates with ajv.
import { expect } from 'vitest';
import { generateValue } from '../../../src/mock/generate/generate-value.js';
import { createValidator } from '../../../src/mock/schema/create-validator.js';
import { prepareSchema } from '../../../src/mock/schema/prepare-schema.js';
import type { Direction, Locale, SchemaDialect } from '../../../src/mock/types.js';
import type { JsonObject } from '../../../src/registry/types.js';

export interface SampleOptions {
  dialect?: SchemaDialect;
  direction?: Direction;
  locale?: Locale;
  seeds?: number;
  document?: JsonObject;
}

/** Values for `seeds` seeds, each checked against the schema by the validator (the self-check of the issue). */
export function samples(schema: JsonObject, options: SampleOptions = {}): unknown[] {
  const dialect = options.dialect ?? 'openapi-3.0';
  const direction = options.direction ?? 'response';
  const document = options.document ? { document: options.document } : {};
  const prepared = prepareSchema(schema, dialect, document);
  const validate = createValidator(schema, dialect, direction, document);
  const out: unknown[] = [];
  for (let i = 0; i < (options.seeds ?? 30); i++) {
    const value = generateValue(prepared, { locale: options.locale ?? 'it', seed: `seed-${i}`, direction });
    expect(validate(value), JSON.stringify(value)).toEqual([]);
    out.push(value);
  }
  return out;
}

export type Obj = Record<string, unknown>;
