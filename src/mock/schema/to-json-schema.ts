// Converts a dereferenced OpenAPI 3.0/3.1 schema (possibly cyclic, with shared sub-schemas) into one JSON Schema
// 2020-12 document for ajv: shared and recursive sub-schemas become `$defs` entries reached by `$ref`.
import type { JsonObject } from '../../registry/types.js';
import type { Direction } from '../types.js';
import { isJsonObject, readKeywords, type SchemaKeywords, type SubSchema } from './read-keywords.js';
import { applyDiscriminator } from './resolve-discriminator.js';

export interface ConvertOptions {
  direction: Direction;
  /** Format names the validator checks; any other format is an annotation and is dropped. */
  knownFormats: ReadonlySet<string>;
  /** The whole document, to resolve discriminator mappings; optional. */
  document?: JsonObject;
}

export interface ConvertedSchema {
  readonly schema: JsonObject;
  /** Every emitted schema object, so a caller can neutralise one that ajv refuses. */
  readonly nodes: readonly JsonObject[];
  /** Keyword values ignored because they cannot mean anything, one line each. */
  readonly ignored: readonly string[];
}

export function toJsonSchema(root: SubSchema, options: ConvertOptions): ConvertedSchema {
  const keywords = new Map<JsonObject, SchemaKeywords>();
  const read = (s: JsonObject): SchemaKeywords => {
    let k = keywords.get(s);
    if (k === undefined) {
      k = readKeywords(s);
      keywords.set(s, k);
    }
    return k;
  };
  const childrenOf = (s: JsonObject): SubSchema[] => subSchemasOf(s, read(s), options.document);

  // Pass 1: objects reached more than once (shared or recursive) are emitted once, under $defs.
  const incoming = new Map<JsonObject, number>();
  const stack: JsonObject[] = isJsonObject(root) ? [root] : [];
  const visited = new Set<JsonObject>();
  while (stack.length > 0) {
    const s = stack.pop() as JsonObject;
    if (visited.has(s)) continue;
    visited.add(s);
    for (const child of childrenOf(s)) {
      if (!isJsonObject(child)) continue;
      incoming.set(child, (incoming.get(child) ?? 0) + 1);
      if (!visited.has(child)) stack.push(child);
    }
  }
  const names = new Map<JsonObject, string>();
  const defs: JsonObject = {};
  const nodes: JsonObject[] = [];
  const ignored: string[] = [];
  const pending: JsonObject[] = [];

  const emit = (sub: SubSchema): SubSchema => {
    if (!isJsonObject(sub)) return sub;
    if ((incoming.get(sub) ?? 0) > 1 || (sub === root && (incoming.get(sub) ?? 0) > 0)) {
      let name = names.get(sub);
      if (name === undefined) {
        name = `s${names.size}`;
        names.set(sub, name);
        pending.push(sub);
      }
      return { $ref: `#/$defs/${name}` };
    }
    return convert(sub);
  };

  const convert = (s: JsonObject): JsonObject => {
    const k = read(s);
    for (const line of k.ignored) ignored.push(line);
    const out: JsonObject = {};
    nodes.push(out);
    if (k.types !== undefined) out.type = k.types.length === 1 ? k.types[0] : k.types;
    if (k.enum !== undefined) out.enum = k.enum;
    if (k.const !== undefined) out.const = k.const.value;
    if (k.format !== undefined && options.knownFormats.has(k.format)) out.format = k.format;
    for (const key of SCALAR_KEYWORDS) if (k[key] !== undefined) out[key] = k[key];
    const required = k.required.filter((name) => !skippedInDirection(k.properties?.[name], options.direction));
    if (required.length > 0) out.required = required;
    if (k.dependentRequired !== undefined) out.dependentRequired = k.dependentRequired;
    for (const key of ['properties', 'patternProperties'] as const) {
      const map = k[key];
      if (map === undefined) continue;
      const converted: JsonObject = {};
      for (const [name, sub] of Object.entries(map)) converted[name] = emit(sub);
      out[key] = converted;
    }
    for (const key of SINGLE_SUBSCHEMAS) {
      const sub = k[key];
      if (sub !== undefined) out[key] = emit(sub);
    }
    if (k.prefixItems !== undefined) out.prefixItems = k.prefixItems.map(emit);
    const discriminated = applyDiscriminator(s, k, options.document);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = discriminated?.combinator === key ? discriminated.branches : k[key];
      if (list !== undefined) out[key] = list.map(emit);
    }
    // A 3.0 `nullable` next to composition only (the usual way to make a $ref nullable) means "or null".
    if (s.nullable === true && k.types === undefined && k.enum === undefined && (k.allOf || k.anyOf || k.oneOf)) {
      return { anyOf: [{ type: 'null' }, out] };
    }
    return out;
  };

  const top = emit(root);
  while (pending.length > 0) {
    const s = pending.shift() as JsonObject;
    defs[names.get(s) as string] = convert(s);
  }
  const schema: JsonObject = isJsonObject(top) ? top : top ? {} : { not: {} };
  if (names.size > 0) schema.$defs = defs;
  return { schema, nodes, ignored };
}

const SCALAR_KEYWORDS = [
  'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minItems', 'maxItems', 'uniqueItems', 'minContains', 'maxContains', 'minProperties', 'maxProperties',
] as const;
const SINGLE_SUBSCHEMAS = ['additionalProperties', 'propertyNames', 'items', 'contains', 'not', 'if', 'then', 'else'] as const;

/** Responses may leave out writeOnly properties, requests readOnly ones: they stop being required. */
export function skippedInDirection(property: SubSchema | undefined, direction: Direction): boolean {
  if (!isJsonObject(property)) return false;
  return direction === 'response' ? property.writeOnly === true : property.readOnly === true;
}

/** Every sub-schema a schema object's keywords hold, discriminator-constrained branches included. */
export function subSchemasOf(s: JsonObject, k: SchemaKeywords, document?: JsonObject): SubSchema[] {
  const out: SubSchema[] = [];
  for (const map of [k.properties, k.patternProperties]) if (map) out.push(...Object.values(map));
  for (const key of SINGLE_SUBSCHEMAS) {
    const sub = k[key];
    if (sub !== undefined) out.push(sub);
  }
  if (k.prefixItems) out.push(...k.prefixItems);
  const discriminated = applyDiscriminator(s, k, document);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = discriminated?.combinator === key ? discriminated.branches : k[key];
    if (list) out.push(...list);
  }
  return out;
}
