// Reads which JSON types a (dereferenced, possibly cyclic) schema admits, looking through allOf/anyOf/oneOf.
// Used to decode string-typed transports (path, query, headers, form bodies) into the values the schema describes.

import type { JsonObject } from '../registry/types.js';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

const KNOWN: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

/** An empty set means "any type": the schema does not say. */
export function schemaTypes(schema: unknown): Set<JsonType> {
  const types = new Set<JsonType>();
  collect(schema, types, new Set(), 0);
  // Properties or items without a `type` are a common shorthand for objects and arrays.
  if (types.size === 0 && isObject(schema)) {
    if (isObject(schema.properties) || schema.additionalProperties !== undefined) types.add('object');
    else if (schema.items !== undefined) types.add('array');
  }
  return types;
}

function collect(schema: unknown, into: Set<JsonType>, seen: Set<object>, depth: number): void {
  if (!isObject(schema) || seen.has(schema) || depth > 8) return;
  seen.add(schema);
  const type = schema.type;
  if (typeof type === 'string' && KNOWN.has(type)) into.add(type as JsonType);
  if (Array.isArray(type)) for (const t of type) if (typeof t === 'string' && KNOWN.has(t)) into.add(t as JsonType);
  if (schema.nullable === true && into.size > 0) into.add('null');
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub of list) collect(sub, into, seen, depth + 1);
  }
}

/** The schema that describes array items, whether 3.0 `items` or the first of 3.1 `prefixItems`; through combinators. */
export function itemsSchema(schema: unknown): unknown {
  return findKeyword(schema, (s) => (s.items !== undefined && typeof s.items === 'object' ? s.items : Array.isArray(s.prefixItems) ? s.prefixItems[0] : undefined));
}

/** Declared properties, merged across allOf/anyOf/oneOf (the first declaration of a name wins). */
export function schemaProperties(schema: unknown): Map<string, unknown> {
  const props = new Map<string, unknown>();
  const visit = (s: unknown, seen: Set<object>, depth: number): void => {
    if (!isObject(s) || seen.has(s) || depth > 8) return;
    seen.add(s);
    if (isObject(s.properties)) for (const [name, sub] of Object.entries(s.properties)) if (!props.has(name)) props.set(name, sub);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = s[key];
      if (Array.isArray(list)) for (const sub of list) visit(sub, seen, depth + 1);
    }
  };
  visit(schema, new Set(), 0);
  return props;
}

function findKeyword(schema: unknown, pick: (s: JsonObject) => unknown, seen = new Set<object>(), depth = 0): unknown {
  if (!isObject(schema) || seen.has(schema) || depth > 8) return undefined;
  seen.add(schema);
  const direct = pick(schema);
  if (direct !== undefined) return direct;
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    for (const sub of list) {
      const found = findKeyword(sub, pick, seen, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
