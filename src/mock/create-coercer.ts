// Turns the strings a transport carries (path, query, header, cookie, form fields) into the JSON values the schema
// describes, so that `?page=2` validates as an integer. Built once per schema; a string that does not convert stays a
// string, so the validator reports it ("must be integer") instead of the coercer hiding it.

import { itemsSchema, schemaProperties, schemaTypes, isObject } from './schema-types.js';

export type Coercer = (value: unknown) => unknown;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function createCoercer(schema: unknown): Coercer {
  return build(schema, new Map());
}

function build(schema: unknown, cache: Map<unknown, Coercer>): Coercer {
  const cached = cache.get(schema);
  if (cached !== undefined) return cached;
  // A forwarding slot first, so a cyclic schema (a tree of nodes) refers to itself instead of recursing forever.
  let target: Coercer = (v) => v;
  cache.set(schema, (v) => target(v));

  const types = schemaTypes(schema);
  const keepsStrings = types.size === 0 || types.has('string');
  const numeric = types.has('number') || types.has('integer');
  const items = types.has('array') ? build(itemsSchema(schema) ?? {}, cache) : undefined;
  const properties = types.has('object') ? new Map([...schemaProperties(schema)].map(([name, sub]) => [name, build(sub, cache)])) : undefined;
  const additional = types.has('object') && isObject(schema) && isObject(schema.additionalProperties) ? build(schema.additionalProperties, cache) : undefined;

  target = (value) => {
    if (typeof value === 'string') {
      if (keepsStrings) return value;
      if (numeric && NUMBER.test(value.trim())) return Number(value);
      if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
      if (types.has('null') && value === 'null') return null;
      return value;
    }
    if (Array.isArray(value) && items !== undefined) return value.map(items);
    if (isObject(value) && properties !== undefined) {
      // fromEntries defines own properties, so a field named `__proto__` stays data.
      return Object.fromEntries(Object.entries(value).map(([name, v]) => [name, (properties.get(name) ?? additional ?? identity)(v)]));
    }
    return value;
  };
  return target;
}

function identity(value: unknown): unknown {
  return value;
}
