// Reads the constraining keywords of one schema object into sanitised plain values. The JSON Schema converter
// (validation) and the preparer (generation) both start here, so a quirk is read the same way on both sides.
import type { JsonObject } from '../../registry/types.js';
import { compilePattern } from './compile-pattern.js';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
/** A sub-schema: an object, or a 3.1 boolean schema. */
export type SubSchema = JsonObject | boolean;

export interface SchemaKeywords {
  /** Allowed types, `null` included when the 3.0 `nullable` says so; undefined allows any. */
  types?: JsonType[];
  enum?: unknown[];
  /** Wrapped so that `const: null` is told apart from no const. */
  const?: { value: unknown };
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minContains?: number;
  maxContains?: number;
  minProperties?: number;
  maxProperties?: number;
  required: string[];
  dependentRequired?: Record<string, string[]>;
  properties?: Record<string, SubSchema>;
  patternProperties?: Record<string, SubSchema>;
  additionalProperties?: SubSchema;
  propertyNames?: SubSchema;
  items?: SubSchema;
  prefixItems?: SubSchema[];
  contains?: SubSchema;
  allOf?: SubSchema[];
  anyOf?: SubSchema[];
  oneOf?: SubSchema[];
  not?: SubSchema;
  if?: SubSchema;
  then?: SubSchema;
  else?: SubSchema;
  readOnly: boolean;
  writeOnly: boolean;
  discriminator?: { propertyName: string; mapping: Record<string, string> };
  /** Keyword values that cannot mean anything and were ignored, one line each, for reports. */
  ignored: string[];
}

export const JSON_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Both OpenAPI dialects are read leniently: a 3.1 document with `nullable` or boolean exclusives, or a 3.0 one with
 * type arrays or `const`, means what its author plainly meant. Only the 3.0 array form of `items` is dialect-bound.
 */
export function readKeywords(schema: JsonObject): SchemaKeywords {
  const k: SchemaKeywords = { required: [], readOnly: schema.readOnly === true, writeOnly: schema.writeOnly === true, ignored: [] };
  const ignore = (keyword: string, why: string) => k.ignored.push(`${keyword}: ${why}`);

  const types = readTypes(schema.type);
  if (types === null) ignore('type', 'not a JSON Schema type');
  else if (types !== undefined) k.types = types;
  if (Array.isArray(schema.enum)) {
    if (schema.enum.length > 0) k.enum = [...schema.enum];
    else ignore('enum', 'empty list');
  } else if (schema.enum !== undefined) ignore('enum', 'not a list');
  if (Object.hasOwn(schema, 'const')) k.const = { value: schema.const };
  if (schema.nullable === true) {
    if (k.types !== undefined && !k.types.includes('null')) k.types.push('null');
    if (k.enum !== undefined && !k.enum.includes(null)) k.enum.push(null);
  }
  if (typeof schema.format === 'string') k.format = schema.format;
  if (schema.pattern !== undefined) {
    if (typeof schema.pattern === 'string' && compilePattern(schema.pattern) !== undefined) k.pattern = schema.pattern;
    else ignore('pattern', 'not a valid regular expression');
  }

  for (const key of ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'minContains', 'maxContains'] as const) {
    const value = readNumber(schema[key]);
    if (value === undefined) continue;
    if (value === null || value < 0 || !Number.isInteger(value)) ignore(key, 'not a non-negative integer');
    else k[key] = value;
  }
  for (const key of ['minimum', 'maximum'] as const) {
    const value = readNumber(schema[key]);
    if (value === null) ignore(key, 'not a number');
    else if (value !== undefined) k[key] = value;
  }
  readExclusive(schema, 'exclusiveMinimum', 'minimum', k, ignore);
  readExclusive(schema, 'exclusiveMaximum', 'maximum', k, ignore);
  const multipleOf = readNumber(schema.multipleOf);
  if (multipleOf === null || (multipleOf !== undefined && multipleOf <= 0)) ignore('multipleOf', 'not a positive number');
  else if (multipleOf !== undefined) k.multipleOf = multipleOf;
  if (schema.uniqueItems === true) k.uniqueItems = true;

  if (Array.isArray(schema.required)) k.required = [...new Set(schema.required.filter((r): r is string => typeof r === 'string'))];
  else if (schema.required !== undefined) ignore('required', 'not a list of names');
  if (isJsonObject(schema.dependentRequired)) {
    k.dependentRequired = {};
    for (const [name, list] of Object.entries(schema.dependentRequired)) {
      if (Array.isArray(list)) k.dependentRequired[name] = list.filter((r): r is string => typeof r === 'string');
    }
  }

  for (const key of ['properties', 'patternProperties'] as const) {
    const map = schema[key];
    if (map === undefined) continue;
    if (!isJsonObject(map)) {
      ignore(key, 'not an object');
      continue;
    }
    const out: Record<string, SubSchema> = {};
    for (const [name, sub] of Object.entries(map)) {
      if (key === 'patternProperties' && compilePattern(name) === undefined) {
        ignore(`${key}/${name}`, 'not a valid regular expression');
        continue;
      }
      out[name] = readSub(sub, `${key}/${name}`, ignore);
    }
    k[key] = out;
  }
  for (const key of ['additionalProperties', 'propertyNames', 'contains', 'not', 'if', 'then', 'else'] as const) {
    if (schema[key] !== undefined) k[key] = readSub(schema[key], key, ignore);
  }
  if (Array.isArray(schema.items)) {
    // The draft-4 tuple form: 3.0 forbids it, but it is what the author meant.
    k.prefixItems = schema.items.map((s, i) => readSub(s, `items/${i}`, ignore));
    if (schema.additionalItems !== undefined) k.items = readSub(schema.additionalItems, 'additionalItems', ignore);
  } else if (schema.items !== undefined) {
    k.items = readSub(schema.items, 'items', ignore);
  }
  if (Array.isArray(schema.prefixItems)) k.prefixItems = schema.prefixItems.map((s, i) => readSub(s, `prefixItems/${i}`, ignore));
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    // pagopa's io-utils convention: `x-one-of: true` on an allOf means oneOf (Swagger 2.0 had no oneOf).
    const list = key === 'allOf' && schema['x-one-of'] === true ? undefined : key === 'oneOf' && schema['x-one-of'] === true && schema.oneOf === undefined ? schema.allOf : schema[key];
    if (list === undefined) continue;
    if (Array.isArray(list) && list.length > 0) k[key] = list.map((s, i) => readSub(s, `${key}/${i}`, ignore));
    else ignore(key, 'not a non-empty list');
  }
  const d = schema.discriminator;
  if (isJsonObject(d) && typeof d.propertyName === 'string') {
    const mapping: Record<string, string> = {};
    if (isJsonObject(d.mapping)) for (const [value, target] of Object.entries(d.mapping)) if (typeof target === 'string') mapping[value] = target;
    k.discriminator = { propertyName: d.propertyName, mapping };
  }
  return k;
}

/** undefined: absent; null: present but unusable. Type aliases were already repaired at load. */
function readTypes(type: unknown): JsonType[] | undefined | null {
  if (type === undefined) return undefined;
  const list = Array.isArray(type) ? type : [type];
  const types = list.filter((t): t is JsonType => typeof t === 'string' && JSON_TYPES.has(t));
  if (types.length === 0) return null;
  return [...new Set(types)];
}

function readNumber(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // "maxLength: '10'" happens in hand-written YAML; the author meant the number.
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return null;
}

function readExclusive(schema: JsonObject, key: 'exclusiveMinimum' | 'exclusiveMaximum', bound: 'minimum' | 'maximum', k: SchemaKeywords, ignore: (key: string, why: string) => void): void {
  const value = schema[key];
  if (value === undefined || value === false) return;
  if (value === true) {
    // 3.0: a flag that makes the sibling bound exclusive.
    if (k[bound] !== undefined) {
      k[key] = k[bound];
      delete k[bound];
    } else ignore(key, `true without "${bound}"`);
    return;
  }
  const n = readNumber(value);
  if (n === null || n === undefined) ignore(key, 'neither a boolean nor a number');
  else k[key] = n;
}

function readSub(value: unknown, at: string, ignore: (key: string, why: string) => void): SubSchema {
  if (typeof value === 'boolean' || isJsonObject(value)) return value;
  ignore(at, 'not a schema; read as {}');
  return true;
}
