// Generates values for every JSON response and request body schema of the real corpus and validates each with ajv:
// "an invalid body is a bug". Schemas that accept no value at all are listed with their reason, not counted.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateValue } from '../../src/mock/generate/generate-value.js';
import { createValidator, getValidatorReport } from '../../src/mock/schema/create-validator.js';
import { findConflicts, prepareSchema } from '../../src/mock/schema/prepare-schema.js';
import type { Direction, Locale, SchemaDialect } from '../../src/mock/types.js';
import { loadOpenApi } from '../../src/registry/load-openapi.js';
import type { JsonObject } from '../../src/registry/types.js';

const corpusDir = path.resolve(process.cwd(), '../shared/corpus');
const present = existsSync(corpusDir);
if (!present) console.warn(`\n!!! mock-generate-corpus: ${corpusDir} is missing; the corpus generation test is SKIPPED !!!\n`);
const files = present ? readdirSync(corpusDir).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort() : [];

const SEEDS = ['alpha', 'GET /v1/items?page=2', 'seed-3'];
const JSON_MEDIA = /^(application\/(json|[^;]*\+json)|text\/json)\s*(;|$)/i;

interface Totals {
  schemas: number;
  values: number;
  invalid: string[];
  unsatisfiable: string[];
  unsatisfiableSchemas: Set<string>;
  degraded: string[];
  ms: number;
}
const totals: Totals = { schemas: 0, values: 0, invalid: [], unsatisfiable: [], unsatisfiableSchemas: new Set(), degraded: [], ms: 0 };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonSchemas(content: unknown): JsonObject[] {
  if (!isObject(content)) return [];
  return Object.entries(content).filter(([type, media]) => JSON_MEDIA.test(type) && isObject(media) && isObject(media.schema)).map(([, media]) => (media as JsonObject).schema as JsonObject);
}

/** Array indices read as `items`, the segment findConflicts uses for array elements. */
function normalisePointer(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/items');
}

function localeOf(file: string): Locale {
  return file.startsWith('it-') ? 'it' : file.startsWith('fr-') ? 'fr' : 'en';
}

describe.skipIf(!present)('mock generation over the corpus', () => {
  it.each(files)('%s: every generated value validates', async (file) => {
    const doc = await loadOpenApi(path.join(corpusDir, file));
    const dialect: SchemaDialect = doc.format === 'openapi-3.1' ? 'openapi-3.1' : 'openapi-3.0';
    const started = performance.now();
    const seen = new Map<JsonObject, Set<Direction>>();
    const targets: { schema: JsonObject; direction: Direction; where: string }[] = [];
    const add = (schema: JsonObject, direction: Direction, where: string) => {
      const directions = seen.get(schema) ?? new Set<Direction>();
      if (directions.has(direction)) return;
      directions.add(direction);
      seen.set(schema, directions);
      targets.push({ schema, direction, where });
    };
    for (const op of doc.operations) {
      const o = op.operation;
      if (isObject(o.requestBody)) for (const s of jsonSchemas(o.requestBody.content)) add(s, 'request', `${op.id} request`);
      if (isObject(o.responses)) {
        for (const [code, response] of Object.entries(o.responses)) {
          if (isObject(response)) for (const s of jsonSchemas(response.content)) add(s, 'response', `${op.id} ${code}`);
        }
      }
    }
    for (const { schema, direction, where } of targets) {
      const prepared = prepareSchema(schema, dialect, { document: doc.document });
      const validate = createValidator(schema, dialect, direction, { document: doc.document });
      for (const d of getValidatorReport(validate).degraded) totals.degraded.push(`${file} ${where}: ${d}`);
      totals.schemas++;
      for (const seed of SEEDS) {
        const value = generateValue(prepared, { locale: localeOf(file), seed, direction });
        totals.values++;
        const violations = validate(value);
        if (violations.length === 0) continue;
        const line = `${file} ${where} [${seed}]: ${violations.slice(0, 3).map((v) => `${v.pointer || '/'} ${v.message}`).join('; ')}`;
        // Excused only if every violation sits under a place where the schema contradicts itself.
        const conflicts = findConflicts(prepared).map((c) => ({ at: c.slice(0, c.indexOf(': ')).replace(/\([^)]*\)/g, ''), text: c }));
        const explained = violations.every((v) => conflicts.some((c) => c.at === '/' || normalisePointer(v.pointer).startsWith(c.at)));
        if (conflicts.length > 0 && explained) {
          totals.unsatisfiable.push(`${line} — ${conflicts.slice(0, 2).map((c) => c.text).join('; ')}`);
          totals.unsatisfiableSchemas.add(`${file} ${where}`);
        } else totals.invalid.push(`${line} — value: ${JSON.stringify(value).slice(0, 300)}`);
      }
    }
    totals.ms += performance.now() - started;
  }, 60_000);

  it('generated no invalid value', () => {
    console.log(`mock corpus: ${totals.schemas} schemas, ${totals.values} values generated, ${totals.invalid.length} invalid` +
      ` (excluded: ${totals.unsatisfiable.length} values of ${totals.unsatisfiableSchemas.size} unsatisfiable schemas; ${totals.degraded.length} sub-schemas degraded to permissive; ${Math.round(totals.ms)} ms)`);
    for (const line of totals.unsatisfiable.filter((_, i) => i % SEEDS.length === 0)) console.log(`  unsatisfiable: ${line}`);
    for (const line of totals.degraded) console.log(`  degraded: ${line}`);
    for (const line of totals.invalid.slice(0, 40)) console.log(`  INVALID: ${line}`);
    expect(totals.invalid).toEqual([]);
  });
});
