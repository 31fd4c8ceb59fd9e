// Compiles a dereferenced OpenAPI schema into a value validator once per schema object, dialect and direction.
// A sub-schema that ajv refuses becomes permissive instead of failing the API; getValidatorReport says which.
import type { ValidateFunction } from 'ajv';
import type { JsonObject } from '../../registry/types.js';
import type { Direction, SchemaDialect, SchemaViolation, ValidateValue } from '../types.js';
import { createAjv, KNOWN_FORMATS } from './create-ajv.js';
import { isJsonObject } from './read-keywords.js';
import { toJsonSchema } from './to-json-schema.js';

export interface ValidatorOptions {
  /** The whole document, so discriminator mappings resolve; without it branches are matched by title. */
  document?: JsonObject;
}

export interface ValidatorReport {
  /** Sub-schemas ajv refused, replaced by "anything goes". */
  readonly degraded: readonly string[];
  /** Keyword values ignored because they cannot mean anything. */
  readonly ignored: readonly string[];
}

// Caches keyed by the schema object itself: a shared component is compiled once, and dropped with its document.
const validators = new WeakMap<JsonObject, Map<string, ValidateValue>>();
const reports = new WeakMap<ValidateValue, ValidatorReport>();

/**
 * Both dialects are read leniently (see readKeywords), so `dialect` only keys the cache; it stays in the signature
 * because 3.0 and 3.1 may yet need to differ.
 */
export function createValidator(schema: JsonObject, dialect: SchemaDialect, direction: Direction, options: ValidatorOptions = {}): ValidateValue {
  let byKind = validators.get(schema);
  if (byKind === undefined) {
    byKind = new Map();
    validators.set(schema, byKind);
  }
  const key = `${dialect}:${direction}`;
  const cached = byKind.get(key);
  if (cached) return cached;
  const validate = compileValidator(schema, direction, options);
  byKind.set(key, validate);
  return validate;
}

export function getValidatorReport(validate: ValidateValue): ValidatorReport {
  return reports.get(validate) ?? { degraded: [], ignored: [] };
}

function compileValidator(schema: JsonObject, direction: Direction, options: ValidatorOptions): ValidateValue {
  const converted = toJsonSchema(schema, { direction, knownFormats: KNOWN_FORMATS, ...(options.document ? { document: options.document } : {}) });
  const ajv = createAjv();
  const degraded: string[] = [];
  let compiled: ValidateFunction | undefined;
  try {
    compiled = ajv.compile(converted.schema);
  } catch {
    // Find the sub-schemas ajv refuses on their own, make them permissive, and try once more.
    for (const node of converted.nodes) {
      try {
        createAjv().compile(shallowStub(node));
      } catch (err) {
        degraded.push(`${JSON.stringify(shallowStub(node)).slice(0, 120)}: ${(err as Error).message.split('\n')[0] ?? ''}`);
        for (const key of Object.keys(node)) delete node[key];
      }
    }
    try {
      compiled = createAjv().compile(converted.schema);
    } catch (err) {
      degraded.push(`whole schema: ${(err as Error).message.split('\n')[0] ?? ''}`);
    }
  }
  const validate: ValidateValue = compiled === undefined ? () => [] : toViolations(compiled);
  reports.set(validate, { degraded, ignored: converted.ignored });
  return validate;
}

function toViolations(compiled: ValidateFunction): ValidateValue {
  return (value: unknown): SchemaViolation[] => {
    if (compiled(value)) return [];
    return (compiled.errors ?? []).map((e) => {
      const params = e.params as Record<string, unknown>;
      let pointer = e.instancePath;
      let message = e.message ?? e.keyword;
      if (e.keyword === 'required' && typeof params.missingProperty === 'string') pointer = `${pointer}/${escapeToken(params.missingProperty)}`;
      if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
        pointer = `${pointer}/${escapeToken(params.additionalProperty)}`;
        message = 'is not a property the schema allows';
      }
      return { pointer, message };
    });
  };
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The node with every sub-schema replaced by `true`: compiles only if the node's own keywords are acceptable. */
function shallowStub(node: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$defs' || key === '$ref') continue;
    if (key === 'properties' || key === 'patternProperties') out[key] = Object.fromEntries(Object.keys(value as JsonObject).map((n) => [n, true]));
    else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf' || key === 'prefixItems') out[key] = (value as unknown[]).map(() => true);
    else if (isJsonObject(value) && key !== 'dependentRequired') out[key] = true;
    else out[key] = value;
  }
  return out;
}
