// Prepares a dereferenced schema for generation once, at load: allOf merged, discriminators resolved, patterns
// compiled, sub-schemas turned into nodes. Cached by schema object so shared components are prepared once.
import type { JsonObject } from '../../registry/types.js';
import { createPatternGenerator } from '../generate/create-pattern-generator.js';
import type { PreparedSchema, SchemaDialect } from '../types.js';
import { compilePattern } from './compile-pattern.js';
import type { KeywordPart, PatternInfo, PreparedNode, PreparedProperty } from './prepared-node.js';
import { isJsonObject, readKeywords, type JsonType, type SchemaKeywords, type SubSchema } from './read-keywords.js';
import { applyDiscriminator } from './resolve-discriminator.js';

export interface PrepareOptions {
  /** The whole document, so discriminator mappings resolve; without it branches are matched by title. */
  document?: JsonObject;
}

// Caches keyed by schema objects (weakly, so a reloaded document frees its entries), one per dialect.
const nodeCaches: Record<SchemaDialect, WeakMap<object, PreparedNode>> = { 'openapi-3.0': new WeakMap(), 'openapi-3.1': new WeakMap() };
const preparedNodes = new WeakMap<PreparedSchema, PreparedNode>();
const keywordCache = new WeakMap<JsonObject, SchemaKeywords>();

export function prepareSchema(schema: JsonObject, dialect: SchemaDialect, options: PrepareOptions = {}): PreparedSchema {
  const prepared: PreparedSchema = { source: schema, dialect };
  preparedNodes.set(prepared, prepareNode(schema, dialect, options.document));
  return prepared;
}

/** The root node of a prepared schema (prepared now if it came from elsewhere). */
export function getPreparedNode(prepared: PreparedSchema): PreparedNode {
  let node = preparedNodes.get(prepared);
  if (node === undefined) {
    node = prepareNode(prepared.source, prepared.dialect, undefined);
    preparedNodes.set(prepared, node);
  }
  return node;
}

/** Contradictions found anywhere in the schema (reachable nodes, choices included): reasons it may accept no value. */
export function findConflicts(prepared: PreparedSchema): string[] {
  const out: string[] = [];
  const seen = new Set<PreparedNode>();
  const visit = (node: PreparedNode, at: string): void => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const c of node.conflicts) out.push(`${at || '/'}: ${c}`);
    for (const p of node.properties) visit(p.node, `${at}/${p.name}`);
    if (node.items) visit(node.items, `${at}/items`);
    node.prefixItems.forEach((n, i) => visit(n, `${at}/${i}`));
    if (node.additional) visit(node.additional, `${at}/*`);
    node.choices.forEach((choice, c) => choice.branches.forEach((_, b) => visit(prepareVariant(node, c, b), `${at}(${choice.kind}[${b}])`)));
  };
  visit(getPreparedNode(prepared), '');
  return out;
}

export function prepareNode(schema: SubSchema, dialect: SchemaDialect, document: JsonObject | undefined): PreparedNode {
  const cache = nodeCaches[dialect];
  const key = isJsonObject(schema) ? schema : schema ? TRUE_SCHEMA : FALSE_SCHEMA;
  const cached = cache.get(key);
  if (cached) return cached;
  const node = emptyNode(schema, dialect, document);
  cache.set(key, node);
  fill(node, flatten(schema, new Set()), false);
  return node;
}

/** The node for choice `c` of `node` resolved to its branch `b`: the node's other constraints merged with that branch. */
export function prepareVariant(node: PreparedNode, c: number, b: number): PreparedNode {
  const key = `${c}:${b}`;
  const cached = node.variants.get(key);
  if (cached) return cached;
  const choice = node.choices[c];
  const branch = choice?.branches[b];
  if (choice === undefined || branch === undefined) return node;
  const variant = emptyNode(branch, node.dialect, node.document);
  node.variants.set(key, variant);
  const parts = node.parts.map((part, i) => (i === choice.part ? { source: part.source, k: { ...part.k, [choice.kind]: undefined, discriminator: undefined } } : part));
  fill(variant, [...parts, ...flatten(branch, new Set())], true);
  return variant;
}

const TRUE_SCHEMA: JsonObject = {};
const FALSE_SCHEMA: JsonObject = { not: {} };

function keywordsOf(schema: JsonObject): SchemaKeywords {
  let k = keywordCache.get(schema);
  if (k === undefined) {
    k = readKeywords(schema);
    keywordCache.set(schema, k);
  }
  return k;
}

/** The schema and its allOf members, depth first; an allOf that loops back is merged once. */
function flatten(schema: SubSchema, stack: Set<JsonObject>): KeywordPart[] {
  if (schema === true) return [];
  if (schema === false) return [{ source: FALSE_SCHEMA, k: keywordsOf(FALSE_SCHEMA) }];
  if (stack.has(schema)) return [];
  const k = keywordsOf(schema);
  const parts: KeywordPart[] = [{ source: schema, k }];
  if (k.allOf) {
    stack.add(schema);
    for (const member of k.allOf) parts.push(...flatten(member, stack));
    stack.delete(schema);
  }
  return parts;
}

function emptyNode(source: SubSchema, dialect: SchemaDialect, document: JsonObject | undefined): PreparedNode {
  return {
    source, dialect, document, parts: [], types: undefined, enum: undefined, const: undefined, format: undefined, patterns: [],
    minLength: undefined, maxLength: undefined, minimum: undefined, maximum: undefined, exclusiveMinimum: undefined, exclusiveMaximum: undefined,
    multipleOf: [], minItems: undefined, maxItems: undefined, uniqueItems: false, items: undefined, noExtraItems: false, prefixItems: [],
    contains: undefined, minProperties: undefined, maxProperties: undefined, properties: [], closed: false, allowedNames: undefined,
    additional: undefined, additionalDeclared: false, patternProperties: [], propertyNames: undefined, dependentRequired: {}, choices: [],
    discriminator: undefined, excludedTypes: [], readOnly: false, writeOnly: false, check: undefined, conflicts: [], variants: new Map(), memo: {},
  };
}

const maxOf = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
const minOf = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

function fill(node: PreparedNode, parts: KeywordPart[], isVariant: boolean): void {
  const { dialect, document } = node;
  const prepare = (s: SubSchema) => prepareNode(s, dialect, document);
  node.parts = parts;
  const propertySchemas = new Map<string, SubSchema[]>();
  const required = new Set<string>();
  const items: SubSchema[] = [];
  const additional: SubSchema[] = [];
  const propertyNames: SubSchema[] = [];
  const closedParts: SchemaKeywords[] = [];
  let needsCheck = false;

  parts.forEach(({ source, k }, index) => {
    if (k.types) node.types = node.types === undefined ? [...k.types] : intersectTypes(node.types, k.types);
    if (k.enum) node.enum = node.enum === undefined ? [...k.enum] : node.enum.filter((v) => k.enum?.some((w) => sameJson(v, w)));
    if (k.const) {
      if (node.const !== undefined && !sameJson(node.const.value, k.const.value)) node.conflicts.push('two different const values');
      node.const = k.const;
    }
    node.format ??= k.format;
    if (k.pattern !== undefined && !node.patterns.some((p) => p.source === k.pattern)) node.patterns.push(patternInfo(k.pattern));
    node.minLength = maxOf(node.minLength, k.minLength);
    node.maxLength = minOf(node.maxLength, k.maxLength);
    node.minimum = maxOf(node.minimum, k.minimum);
    node.maximum = minOf(node.maximum, k.maximum);
    node.exclusiveMinimum = maxOf(node.exclusiveMinimum, k.exclusiveMinimum);
    node.exclusiveMaximum = minOf(node.exclusiveMaximum, k.exclusiveMaximum);
    if (k.multipleOf !== undefined) node.multipleOf.push(k.multipleOf);
    node.minItems = maxOf(node.minItems, k.minItems);
    node.maxItems = minOf(node.maxItems, k.maxItems);
    node.uniqueItems ||= k.uniqueItems === true;
    node.minProperties = maxOf(node.minProperties, k.minProperties);
    node.maxProperties = minOf(node.maxProperties, k.maxProperties);
    for (const r of k.required) required.add(r);
    for (const [name, sub] of Object.entries(k.properties ?? {})) {
      const list = propertySchemas.get(name);
      if (list) list.push(sub);
      else propertySchemas.set(name, [sub]);
    }
    if (k.additionalProperties === false) closedParts.push(k);
    else if (k.additionalProperties !== undefined) {
      node.additionalDeclared = true;
      if (k.additionalProperties !== true) additional.push(k.additionalProperties);
    }
    for (const [pattern, sub] of Object.entries(k.patternProperties ?? {})) node.patternProperties.push({ pattern: patternInfo(pattern), node: prepare(sub) });
    if (k.propertyNames !== undefined) propertyNames.push(k.propertyNames);
    for (const [name, list] of Object.entries(k.dependentRequired ?? {})) node.dependentRequired[name] = [...(node.dependentRequired[name] ?? []), ...list];
    if (k.items !== undefined) {
      if (k.items === false) node.noExtraItems = true;
      else items.push(k.items);
    }
    if (k.prefixItems && node.prefixItems.length === 0) node.prefixItems = k.prefixItems.map(prepare);
    if (k.contains !== undefined && node.contains === undefined) node.contains = prepare(k.contains);
    node.readOnly ||= k.readOnly;
    node.writeOnly ||= k.writeOnly;
    const discriminated = applyDiscriminator(source, k, document);
    for (const kind of ['oneOf', 'anyOf'] as const) {
      const branches = discriminated?.combinator === kind ? discriminated.branches : k[kind];
      if (branches) {
        node.choices.push({ kind, part: index, branches });
        needsCheck = true;
      }
    }
    if (k.discriminator && !k.oneOf && !k.anyOf && node.discriminator === undefined && Object.keys(k.discriminator.mapping).length > 0) {
      node.discriminator = { propertyName: k.discriminator.propertyName, values: Object.keys(k.discriminator.mapping) };
    }
    if (k.not !== undefined || k.if !== undefined) needsCheck = true;
    if (isJsonObject(k.not)) {
      const types = keywordsOf(k.not).types;
      if (types !== undefined && Object.keys(k.not).every((key) => key === 'type' || key === 'description')) node.excludedTypes.push(...types);
    }
    if (source === FALSE_SCHEMA) node.conflicts.push('a `false` schema (or `not: {}`) accepts no value');
  });

  // A closed part allows only its own declared names, whatever other allOf members declare.
  if (closedParts.length > 0) {
    node.closed = true;
    node.allowedNames = new Set([...propertySchemas.keys()].filter((name) => closedParts.every((k) => allowsName(k, name))));
  }
  const properties: PreparedProperty[] = [];
  for (const [name, subs] of propertySchemas) {
    if (node.allowedNames && !node.allowedNames.has(name)) {
      if (required.has(name)) node.conflicts.push(`required property "${name}" is forbidden by additionalProperties: false in an allOf member`);
      continue;
    }
    const child = prepare(subs.length === 1 ? (subs[0] as SubSchema) : syntheticAllOf(subs));
    properties.push({ name, node: child, required: required.has(name), readOnly: child.readOnly, writeOnly: child.writeOnly });
  }
  node.properties = properties;
  for (const name of required) {
    if (!propertySchemas.has(name) && node.closed && !node.patternProperties.some((p) => p.pattern.regexp.test(name))) {
      node.conflicts.push(`required property "${name}" is not declared and additional properties are forbidden`);
    }
  }
  // Required but undeclared names are generated as plain values (additional properties permitting).
  for (const name of required) {
    if (!propertySchemas.has(name) && !(node.closed && !node.patternProperties.some((p) => p.pattern.regexp.test(name)))) {
      const extra = node.patternProperties.find((p) => p.pattern.regexp.test(name))?.node ?? (additional.length > 0 ? prepare(syntheticAllOf(additional)) : prepare(true));
      properties.push({ name, node: extra, required: true, readOnly: false, writeOnly: false });
    }
  }
  if (items.length > 0) node.items = prepare(items.length === 1 ? (items[0] as SubSchema) : syntheticAllOf(items));
  if (additional.length > 0) node.additional = prepare(additional.length === 1 ? (additional[0] as SubSchema) : syntheticAllOf(additional));
  if (propertyNames.length > 0) node.propertyNames = prepare(propertyNames.length === 1 ? (propertyNames[0] as SubSchema) : syntheticAllOf(propertyNames));
  if (needsCheck && !isVariant && isJsonObject(node.source)) node.check = node.source;
  findContradictions(node);
}

function allowsName(k: SchemaKeywords, name: string): boolean {
  if (k.properties && Object.hasOwn(k.properties, name)) return true;
  return Object.keys(k.patternProperties ?? {}).some((p) => compilePattern(p)?.test(name) === true);
}

function findContradictions(node: PreparedNode): void {
  const c = node.conflicts;
  if (node.types !== undefined && node.types.length === 0) c.push('allOf members allow no common type');
  if (node.enum !== undefined && node.enum.length === 0) c.push('allOf members allow no common enum value');
  if (node.minLength !== undefined && node.maxLength !== undefined && node.minLength > node.maxLength) c.push(`minLength ${node.minLength} > maxLength ${node.maxLength}`);
  if (node.minItems !== undefined && node.maxItems !== undefined && node.minItems > node.maxItems) c.push(`minItems ${node.minItems} > maxItems ${node.maxItems}`);
  const lo = maxOf(node.minimum, node.exclusiveMinimum);
  const hi = minOf(node.maximum, node.exclusiveMaximum);
  if (lo !== undefined && hi !== undefined && (lo > hi || (lo === hi && (node.exclusiveMinimum === lo || node.exclusiveMaximum === hi)))) c.push(`no number between the bounds ${lo} and ${hi}`);
  if (node.enum !== undefined && node.types !== undefined && !node.enum.some((v) => node.types?.includes(jsonTypeOf(v)) || (jsonTypeOf(v) === 'integer' && node.types?.includes('number')))) {
    c.push(`no enum value has the type ${node.types.join('|')}`);
  }
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value as JsonType;
  return 'object';
}

function intersectTypes(a: JsonType[], b: JsonType[]): JsonType[] {
  const out = new Set<JsonType>();
  for (const t of a) {
    if (b.includes(t)) out.add(t);
    else if (t === 'integer' && b.includes('number')) out.add('integer');
    else if (t === 'number' && b.includes('integer')) out.add('integer');
  }
  return [...out];
}

export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function patternInfo(source: string): PatternInfo {
  return { source, regexp: compilePattern(source) ?? /(?:)/, generator: createPatternGenerator(source) };
}

// One synthetic `{ allOf }` per list of member objects, so merges of the same members are prepared once and the
// recursion through recursive members closes on a node already in the cache.
const objectIds = new WeakMap<object, number>();
const synthetic = new WeakMap<object, Map<string, JsonObject>>();

function syntheticAllOf(members: SubSchema[]): JsonObject {
  const objects = members.map((m) => (isJsonObject(m) ? m : m ? TRUE_SCHEMA : FALSE_SCHEMA));
  const first = objects[0] as JsonObject;
  const key = objects.map((o) => {
    let id = objectIds.get(o);
    if (id === undefined) objectIds.set(o, (id = nextId()));
    return id;
  }).join(',');
  let byKey = synthetic.get(first);
  if (byKey === undefined) synthetic.set(first, (byKey = new Map()));
  let schema = byKey.get(key);
  if (schema === undefined) byKey.set(key, (schema = { allOf: objects }));
  return schema;
}

let idCounter = 0;
function nextId(): number {
  idCounter += 1;
  return idCounter;
}
