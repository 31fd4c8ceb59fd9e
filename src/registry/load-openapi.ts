// Reads an OpenAPI 3.0/3.1 or Swagger 2.0 document from disk and turns it into a LoadedDocument: one OpenAPI 3.x shape,
// local and relative-file $refs resolved, real-world quirks tolerated and reported as warnings instead of refusing the API.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { $RefParser, type FileInfo } from '@apidevtools/json-schema-ref-parser';
import { parseDocument } from 'yaml';
import { OpenApiLoadError } from './openapi-load-error.js';
import { HTTP_METHODS, type JsonObject, type LoadedDocument, type Operation, type SourceFormat } from './types.js';

// swagger2openapi ships no type declarations; this is the slice of its API we use.
interface Swagger2OpenApi {
  convertObj(spec: JsonObject, options: { patch: boolean; warnOnly: boolean; resolve: boolean; text: string }): Promise<{ openapi: JsonObject; patches?: number }>;
}
const swagger2openapi = createRequire(import.meta.url)('swagger2openapi') as Swagger2OpenApi;

/** Loads, normalises and dereferences one document; throws OpenApiLoadError when it cannot be used at all. */
export async function loadOpenApi(file: string): Promise<LoadedDocument> {
  const source = path.resolve(file);
  const warnings: string[] = [];
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (err) {
    throw new OpenApiLoadError(source, [`cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`], { cause: err });
  }
  // Objects whose remote $ref was dropped: already reported once, so later repairs on them stay silent.
  const placeholders = new WeakSet<object>();
  const raw = parseText(text, source, '', warnings);
  const format = detectFormat(raw, source, warnings);
  normalisePathKeys(raw, warnings);
  dropRemoteRefs(raw, '#', warnings, placeholders);

  let spec: JsonObject = raw;
  if (hasExternalRefs(raw)) spec = await bundleExternalRefs(source, raw, warnings, placeholders);
  if (format === 'swagger-2.0') spec = await convertSwagger2(source, spec, warnings);

  fixServerPlaceholders(spec, warnings);
  new QuirkFixer(spec, warnings, placeholders).document();
  // The clone is taken before dereferencing so the downloadable copy stays acyclic and keeps its $refs.
  const bundled = structuredClone(spec);
  dereferenceInPlace(spec, warnings);
  const operations = buildOperations(spec, warnings);
  return { source, format, document: spec, bundled, operations, warnings };
}

// ---------------------------------------------------------------------------------------------- parsing and sanity

function parseText(text: string, file: string, label: string, warnings: string[]): JsonObject {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart()[0];
  // JSON.parse is an order of magnitude faster than the YAML parser on the large JSON documents agencies publish.
  if (first === '{' || first === '[') {
    try {
      return asDocumentObject(JSON.parse(body), file);
    } catch (err) {
      if (err instanceof OpenApiLoadError) throw err;
      // Not strict JSON (comments, trailing commas...): YAML's flow syntax reads most of those.
    }
  }
  // Merge keys (`<<: *alias`) are YAML 1.1 but common in real documents; without them a literal `<<` response appears.
  let doc = parseDocument(body, { merge: true, uniqueKeys: true });
  if (doc.errors.length > 0 && doc.errors.every((e) => e.code === 'DUPLICATE_KEY')) {
    // Duplicate keys are an authoring slip, not an unreadable file: keep the last one, as most YAML readers do.
    warnings.push(`${label}#: duplicate YAML keys (${doc.errors.length}); the last occurrence of each wins`);
    doc = parseDocument(body, { merge: true, uniqueKeys: false });
  }
  if (doc.errors.length > 0) {
    throw new OpenApiLoadError(file, doc.errors.slice(0, 5).map((e) => `invalid YAML/JSON: ${firstLine(e.message)}`));
  }
  for (const w of doc.warnings) warnings.push(`${label}#: YAML: ${firstLine(w.message)}`);
  // A bounded alias count still protects against "billion laughs" documents while allowing heavy anchor reuse.
  return asDocumentObject(doc.toJS({ maxAliasCount: 10_000 }), file);
}

function asDocumentObject(value: unknown, file: string): JsonObject {
  if (!isObject(value)) {
    const kind = value === null || value === undefined ? 'empty' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    throw new OpenApiLoadError(file, [`the top level is ${kind}, not an object: not an OpenAPI document`]);
  }
  return value;
}

function detectFormat(doc: JsonObject, file: string, warnings: string[]): SourceFormat {
  let format: SourceFormat;
  if (doc.swagger !== undefined) {
    const version = String(doc.swagger);
    if (version !== '2.0' && version !== '2') throw new OpenApiLoadError(file, [`unsupported Swagger version "${version}" (only 2.0 is)`]);
    if (typeof doc.swagger !== 'string') warnings.push(`#/swagger: version is a number, read as "2.0"`);
    format = 'swagger-2.0';
  } else if (doc.openapi !== undefined) {
    const version = String(doc.openapi);
    if (/^3\.0(\.|$)/.test(version)) format = 'openapi-3.0';
    else if (/^3\.1(\.|$)/.test(version)) format = 'openapi-3.1';
    else throw new OpenApiLoadError(file, [`unsupported OpenAPI version "${version}" (3.0.x and 3.1.x are)`]);
    if (typeof doc.openapi !== 'string') warnings.push(`#/openapi: version is a number, read as "${version}"`);
  } else {
    throw new OpenApiLoadError(file, ['neither an `openapi` nor a `swagger` field: not an OpenAPI or Swagger document']);
  }
  if (doc.paths === null) {
    warnings.push('#/paths: empty, read as {}');
    doc.paths = {};
  }
  if (doc.paths === undefined && !(format === 'openapi-3.1' && (isObject(doc.webhooks) || isObject(doc.components)))) {
    throw new OpenApiLoadError(file, ['no `paths` object: the document describes no operations']);
  }
  if (doc.paths !== undefined && !isObject(doc.paths)) throw new OpenApiLoadError(file, ['`paths` is not an object']);
  return format;
}

function normalisePathKeys(doc: JsonObject, warnings: string[]): void {
  const paths = doc.paths;
  if (!isObject(paths) || Object.keys(paths).every((k) => k.startsWith('/') || k.startsWith('x-'))) return;
  const fixed: JsonObject = {};
  for (const [key, item] of Object.entries(paths)) {
    if (key.startsWith('/') || key.startsWith('x-')) {
      fixed[key] = item;
      continue;
    }
    const slashed = `/${key}`;
    if (slashed in paths) {
      warnings.push(`#/paths/${escapePointer(key)}: path without a leading '/' duplicates "${slashed}"; ignored`);
      continue;
    }
    warnings.push(`#/paths/${escapePointer(key)}: path without a leading '/'; read as "${slashed}"`);
    fixed[slashed] = item;
  }
  doc.paths = fixed;
}

// ---------------------------------------------------------------------------------------------- $ref resolution

function isRemoteRef(ref: string): boolean {
  return ref.startsWith('//') || (/^[a-z][a-z0-9+.-]+:/i.test(ref) && !ref.toLowerCase().startsWith('file:'));
}

/** The gateway never downloads at load time (reproducible, no SSRF, no start-up dependency on a third party). */
function dropRemoteRefs(root: unknown, base: string, warnings: string[], placeholders: WeakSet<object>): void {
  walkObjects(root, base, (node, at) => {
    const ref = node.$ref;
    if (typeof ref === 'string' && isRemoteRef(ref)) {
      warnings.push(`${at}: remote $ref "${ref}" not fetched (no network at load time); replaced by {}`);
      delete node.$ref;
      placeholders.add(node);
    }
  });
}

function hasExternalRefs(root: unknown): boolean {
  let found = false;
  walkObjects(root, '', (node) => {
    if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) found = true;
  });
  return found;
}

async function bundleExternalRefs(source: string, doc: JsonObject, warnings: string[], placeholders: WeakSet<object>): Promise<JsonObject> {
  const baseDir = path.dirname(source);
  const parsePlugin = {
    order: 1,
    canParse: true,
    parse: (file: FileInfo): JsonObject => {
      const filePath = file.url.startsWith('file:') ? fileURLToPath(file.url) : file.url;
      const label = path.relative(baseDir, filePath) || path.basename(filePath);
      const text = typeof file.data === 'string' ? file.data : file.data.toString('utf8');
      const value = parseText(text, filePath, label, warnings);
      dropRemoteRefs(value, `${label}#`, warnings, placeholders);
      return value;
    },
  };
  try {
    // http stays off as a second lock: remote refs were already dropped, so nothing should ever try the network.
    return (await new $RefParser<JsonObject>().bundle(source, doc, {
      mutateInputSchema: true,
      resolve: { external: true, http: false },
      parse: { json: false, yaml: false, text: false, binary: false, portico: parsePlugin },
    })) as JsonObject;
  } catch (err) {
    if (err instanceof OpenApiLoadError) throw err;
    const code = (err as { code?: unknown }).code;
    throw new OpenApiLoadError(source, [`cannot resolve a relative-file $ref${typeof code === 'string' ? ` (${code})` : ''}: ${firstLine(String((err as Error).message ?? err))}`], { cause: err });
  }
}

async function convertSwagger2(source: string, doc: JsonObject, warnings: string[]): Promise<JsonObject> {
  let result: { openapi: JsonObject; patches?: number };
  try {
    // `text` is only used for error positions; passing a stub spares a full YAML re-serialisation of big documents.
    result = await swagger2openapi.convertObj(doc, { patch: true, warnOnly: true, resolve: false, text: '{}' });
  } catch (err) {
    throw new OpenApiLoadError(source, [`Swagger 2.0 to OpenAPI 3.0 conversion failed: ${firstLine(String((err as Error).message ?? err))}`], { cause: err });
  }
  const converted = result.openapi;
  walkObjects(converted, '#', (node, at) => {
    if (typeof node['x-s2o-warning'] === 'string') {
      warnings.push(`${at}: Swagger 2.0 conversion: ${node['x-s2o-warning']}`);
      delete node['x-s2o-warning'];
    }
  });
  if (result.patches) warnings.push(`#: Swagger 2.0 conversion patched ${result.patches} invalid construct(s)`);
  return converted;
}

/** Resolves a local JSON pointer (`#/a/b`) against the root, following $ref objects met on the way. */
function resolvePointer(root: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  const pointer = ref.slice(1);
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  for (const rawToken of pointer.slice(1).split('/')) {
    let token: string;
    try {
      token = decodeURIComponent(rawToken).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    for (let hops = 0; isObject(node) && typeof node.$ref === 'string' && hops < 32; hops++) node = resolvePointer(root, node.$ref);
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

/**
 * Replaces every `{ $ref }` by the object it points to, in place and once, so shared definitions stay one object
 * and circular schemas become a cyclic graph instead of an endless expansion. Siblings of a $ref (3.1 style
 * `description`) are layered over a shallow copy of the target.
 */
function dereferenceInPlace(root: JsonObject, warnings: string[]): void {
  const done = new WeakSet<object>();
  const cache = new Map<string, object>();
  const broken = new Set<string>();

  const target = (ref: string): object => {
    const cached = cache.get(ref);
    if (cached) return cached;
    let node = resolvePointer(root, ref);
    const chain = new Set([ref]);
    while (isObject(node) && typeof node.$ref === 'string' && !chain.has(node.$ref)) {
      chain.add(node.$ref);
      node = resolvePointer(root, node.$ref);
    }
    if (!isObject(node) && !Array.isArray(node)) {
      if (!broken.has(ref)) warnings.push(`$ref "${ref}" does not resolve to an object; replaced by {}`);
      broken.add(ref);
      node = {};
    } else if (isObject(node) && typeof node.$ref === 'string') {
      if (!broken.has(ref)) warnings.push(`$ref "${ref}" is a loop of $refs; replaced by {}`);
      broken.add(ref);
      node = {};
    }
    cache.set(ref, node as object);
    return node as object;
  };

  // An explicit stack: real documents nest deeply enough that recursion depth is worth not betting on.
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    if (done.has(node)) continue;
    done.add(node);
    for (const key of Object.keys(node)) {
      let child = node[key];
      if (isObject(child) && typeof child.$ref === 'string') {
        const { $ref, ...siblings } = child;
        const resolved = target($ref);
        child = Object.keys(siblings).length > 0 && isObject(resolved) ? { ...resolved, ...siblings } : resolved;
        node[key] = child;
      }
      if (typeof child === 'object' && child !== null && !done.has(child)) stack.push(child);
    }
  }
}

// ---------------------------------------------------------------------------------------------- quirks

/** `${name}` is a deploy-time template (envsubst, Helm) that no one substituted; `{name}` is what OpenAPI means by it. */
function fixServerPlaceholders(doc: JsonObject, warnings: string[]): void {
  if (!Array.isArray(doc.servers)) return;
  doc.servers.forEach((server: unknown, i) => {
    if (!isObject(server) || typeof server.url !== 'string' || !/\$\{[^}]*\}/.test(server.url)) return;
    const url = server.url.replace(/\$\{([^}]*)\}/g, '{$1}');
    const variables = isObject(server.variables) ? server.variables : {};
    for (const [, name] of url.matchAll(/\{([^}]*)\}/g)) {
      if (name !== undefined && !isObject(variables[name])) variables[name] = { default: name };
    }
    warnings.push(`#/servers/${i}: URL "${server.url}" holds an unsubstituted deploy-time placeholder; read as "${url}"`);
    server.url = url;
    server.variables = variables;
  });
}

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);
// Common non-JSON-Schema spellings and the type (and format) their authors evidently meant.
const TYPE_ALIASES: Record<string, { type: string; format?: string }> = {
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  'date-time': { type: 'string', format: 'date-time' },
  time: { type: 'string', format: 'time' },
  text: { type: 'string' },
  int: { type: 'integer' },
  long: { type: 'integer', format: 'int64' },
  float: { type: 'number', format: 'float' },
  double: { type: 'number', format: 'double' },
  bool: { type: 'boolean' },
};
const SCHEMA_KEYWORDS = [
  'type', 'format', 'title', 'description', 'default', 'example', 'examples', 'enum', 'const', 'multipleOf', 'maximum',
  'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'items', 'additionalItems',
  'prefixItems', 'maxItems', 'minItems', 'uniqueItems', 'contains', 'maxContains', 'minContains', 'maxProperties',
  'minProperties', 'required', 'properties', 'patternProperties', 'additionalProperties', 'propertyNames',
  'dependentRequired', 'dependentSchemas', 'dependencies', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else',
  'nullable', 'discriminator', 'readOnly', 'writeOnly', 'xml', 'externalDocs', 'deprecated', 'contentEncoding',
  'contentMediaType', 'contentSchema', 'unevaluatedItems', 'unevaluatedProperties', '$ref', '$id', '$schema', '$defs',
  '$anchor', '$comment', '$dynamicRef', '$dynamicAnchor', 'definitions',
];
const KNOWN_KEYWORDS = new Set(SCHEMA_KEYWORDS);
/** Lower-cased misspellings (wrong case, or two adjacent letters swapped as in `maxLenght`) → the keyword meant. */
const KEYWORD_MISSPELLINGS = buildMisspellings(SCHEMA_KEYWORDS);
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_SINGLES = ['items', 'additionalItems', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema'];
// Schema keywords that Swagger 2.0 habits leave on an OpenAPI 3 Parameter or Header instead of inside its `schema`.
const MISPLACED_SCHEMA_KEYWORDS = ['type', 'format', 'items', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf'];
const OPERATION_FIELDS = new Set(['tags', 'summary', 'description', 'externalDocs', 'operationId', 'parameters', 'requestBody', 'responses', 'callbacks', 'deprecated', 'security', 'servers']);

function buildMisspellings(keywords: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const keyword of keywords) {
    const lower = keyword.toLowerCase();
    if (lower !== keyword) map.set(lower, keyword);
    // Transpositions only for long keywords: on short ones they collide with plausible custom names.
    if (keyword.length < 7) continue;
    for (let i = 0; i + 1 < lower.length; i++) {
      const swapped = lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2);
      if (swapped !== lower && !map.has(swapped)) map.set(swapped, keyword);
    }
  }
  return map;
}

/**
 * Walks an OpenAPI 3.x document along its structure (so example payloads are never mistaken for schemas) and
 * repairs the quirks a reasonable reader repairs, recording each one. Follows local $refs so shared definitions
 * in any location are visited exactly once.
 */
class QuirkFixer {
  private readonly seen = new WeakSet<object>();

  constructor(
    private readonly root: JsonObject,
    private readonly warnings: string[],
    private readonly placeholders: WeakSet<object>,
  ) {}

  document(): void {
    const { paths, webhooks, components } = this.root;
    for (const [key, item] of entriesOf(paths)) if (!key.startsWith('x-')) this.pathItem(item, `#/paths/${escapePointer(key)}`);
    for (const [key, item] of entriesOf(webhooks)) this.pathItem(item, `#/webhooks/${escapePointer(key)}`);
    if (!isObject(components)) return;
    const at = (kind: string, name: string) => `#/components/${kind}/${escapePointer(name)}`;
    for (const [name, s] of entriesOf(components.schemas)) this.schema(s, at('schemas', name));
    for (const [name, p] of entriesOf(components.parameters)) this.parameter(p, at('parameters', name));
    for (const [name, h] of entriesOf(components.headers)) this.parameter(h, at('headers', name), name);
    for (const [name, b] of entriesOf(components.requestBodies)) this.requestBody(b, at('requestBodies', name));
    for (const [name, r] of entriesOf(components.responses)) this.response(r, at('responses', name));
    for (const [name, c] of entriesOf(components.callbacks)) this.callback(c, at('callbacks', name));
    for (const [name, p] of entriesOf(components.pathItems)) this.pathItem(p, at('pathItems', name));
  }

  private warn(at: string, message: string): void {
    this.warnings.push(`${at}: ${message}`);
  }

  /** Follows $refs to the object they denote; undefined when already visited or not an object. */
  private enter(node: unknown, at: string): { obj: JsonObject; at: string } | undefined {
    let obj = node;
    for (let hops = 0; isObject(obj) && typeof obj.$ref === 'string' && hops < 32; hops++) {
      at = obj.$ref;
      obj = resolvePointer(this.root, obj.$ref);
    }
    if (!isObject(obj) || typeof obj.$ref === 'string' || this.seen.has(obj)) return undefined;
    this.seen.add(obj);
    return { obj, at };
  }

  private pathItem(node: unknown, at: string): void {
    const entered = this.enter(node, at);
    if (!entered) return;
    const { obj: item } = entered;
    at = entered.at;
    this.parameterList(item, at);
    for (const method of HTTP_METHODS) if (item[method] !== undefined) this.operation(item[method], `${at}/${method}`);
  }

  private operation(node: unknown, at: string): void {
    const entered = this.enter(node, at);
    if (!entered) return;
    const { obj: op } = entered;
    for (const key of Object.keys(op)) {
      if (!OPERATION_FIELDS.has(key) && !key.startsWith('x-')) this.warn(at, `"${key}" is not an Operation field; ignored`);
    }
    this.parameterList(op, at);
    if (op.requestBody !== undefined) this.requestBody(op.requestBody, `${at}/requestBody`);
    for (const [code, response] of entriesOf(op.responses)) {
      if (response === null || response === undefined) {
        this.warn(`${at}/responses/${code}`, 'empty response, read as { description: "" }');
        (op.responses as JsonObject)[code] = { description: '' };
      } else if (!code.startsWith('x-')) this.response(response, `${at}/responses/${escapePointer(code)}`);
    }
    for (const [name, c] of entriesOf(op.callbacks)) this.callback(c, `${at}/callbacks/${escapePointer(name)}`);
  }

  private parameterList(owner: JsonObject, at: string): void {
    if (owner.parameters === undefined) return;
    if (!Array.isArray(owner.parameters)) {
      this.warn(`${at}/parameters`, 'not a list; ignored');
      delete owner.parameters;
      return;
    }
    owner.parameters.forEach((p, i) => this.parameter(p, `${at}/parameters/${i}`));
  }

  /** Parameters and headers share their shape: a schema or a content map. */
  private parameter(node: unknown, at: string, headerName?: string): void {
    const entered = this.enter(node, at);
    if (!entered) return;
    const { obj: p } = entered;
    at = entered.at;
    const label = headerName !== undefined ? `header "${headerName}"` : `parameter "${String(p.name)}"`;
    const misplaced = MISPLACED_SCHEMA_KEYWORDS.filter((k) => p[k] !== undefined);
    if (!isObject(p.schema) && !isObject(p.content)) {
      const schema: JsonObject = {};
      for (const k of misplaced) {
        schema[k] = p[k];
        delete p[k];
      }
      p.schema = schema;
      if (!this.placeholders.has(p)) this.warn(at, misplaced.length > 0
        ? `${label} has no schema; built one from its ${misplaced.map((k) => `"${k}"`).join(', ')}`
        : `${label} has neither schema nor content; read as schema {} (any value)`);
    } else if (isObject(p.schema) && misplaced.length > 0) {
      for (const k of misplaced) {
        // On a $ref schema the keyword becomes a sibling, which dereferencing layers over a copy of the target.
        if (p.schema[k] === undefined) p.schema[k] = p[k];
        delete p[k];
      }
      this.warn(at, `${label}: ${misplaced.map((k) => `"${k}"`).join(', ')} belong(s) inside its schema; moved there`);
    }
    if (isObject(p.schema)) this.schema(p.schema, `${at}/schema`);
    if (isObject(p.content)) this.content(p.content, `${at}/content`);
  }

  private requestBody(node: unknown, at: string): void {
    const entered = this.enter(node, at);
    if (entered && isObject(entered.obj.content)) this.content(entered.obj.content, `${entered.at}/content`);
  }

  private response(node: unknown, at: string): void {
    const entered = this.enter(node, at);
    if (!entered) return;
    const { obj: r } = entered;
    for (const [name, h] of entriesOf(r.headers)) this.parameter(h, `${entered.at}/headers/${escapePointer(name)}`, name);
    if (isObject(r.content)) this.content(r.content, `${entered.at}/content`);
  }

  private callback(node: unknown, at: string): void {
    const entered = this.enter(node, at);
    if (!entered) return;
    for (const [expr, item] of Object.entries(entered.obj)) {
      if (!expr.startsWith('x-')) this.pathItem(item, `${entered.at}/${escapePointer(expr)}`);
    }
  }

  private content(content: JsonObject, at: string): void {
    for (const [mediaType, media] of Object.entries(content)) {
      const mat = `${at}/${escapePointer(mediaType)}`;
      if (media === null || media === undefined) {
        this.warn(mat, 'empty media type object, read as {}');
        content[mediaType] = {};
        continue;
      }
      if (!isObject(media)) continue;
      if (media.schema !== undefined) this.schema(media.schema, `${mat}/schema`);
      for (const [prop, enc] of entriesOf(media.encoding)) {
        if (isObject(enc)) for (const [name, h] of entriesOf(enc.headers)) this.parameter(h, `${mat}/encoding/${escapePointer(prop)}/headers/${escapePointer(name)}`, name);
      }
    }
  }

  private schema(node: unknown, at: string): void {
    const entered = this.enter(node, at);
    if (!entered) return;
    const { obj: s } = entered;
    at = entered.at;
    this.fixType(s, at);
    this.fixKeywordSpelling(s, at);
    if (typeof s.required === 'boolean') {
      this.warn(at, `"required: ${s.required}" on a schema outside "properties" means nothing; ignored`);
      delete s.required;
    }
    for (const key of SCHEMA_MAPS) {
      const map = s[key];
      if (!isObject(map)) continue;
      for (const [name, sub] of Object.entries(map)) {
        if (key === 'properties' && isObject(sub) && typeof sub.required === 'boolean') this.hoistRequired(s, name, sub, `${at}/properties/${escapePointer(name)}`);
        this.schema(sub, `${at}/${key}/${escapePointer(name)}`);
      }
    }
    for (const key of SCHEMA_LISTS) {
      const list = s[key];
      if (Array.isArray(list)) list.forEach((sub, i) => this.schema(sub, `${at}/${key}/${i}`));
    }
    for (const key of SCHEMA_SINGLES) {
      const sub = s[key];
      if (Array.isArray(sub)) sub.forEach((item, i) => this.schema(item, `${at}/${key}/${i}`));
      else if (isObject(sub)) this.schema(sub, `${at}/${key}`);
    }
  }

  /** `required: true` on a property is a Swagger-parameter habit; the author plainly meant the parent's `required` list. */
  private hoistRequired(parent: JsonObject, name: string, prop: JsonObject, at: string): void {
    if (prop.required === true) {
      const list = Array.isArray(parent.required) ? parent.required : [];
      if (!list.includes(name)) list.push(name);
      parent.required = list;
    }
    this.warn(at, `"required: ${String(prop.required)}" on a property; read as ${prop.required ? 'listed in' : 'absent from'} the parent's "required"`);
    delete prop.required;
  }

  private fixType(s: JsonObject, at: string): void {
    const fix = (t: string): { type?: string; format?: string } => {
      if (JSON_TYPES.has(t)) return { type: t };
      const lower = t.toLowerCase();
      if (JSON_TYPES.has(lower)) return { type: lower };
      return TYPE_ALIASES[lower] ?? {};
    };
    if (typeof s.type === 'string' && !JSON_TYPES.has(s.type)) {
      const original = s.type;
      const { type, format } = fix(original);
      if (type === undefined) {
        delete s.type;
        this.warn(at, `type "${original}" is not a JSON Schema type; dropped (any value accepted)`);
        return;
      }
      s.type = type;
      if (format !== undefined && s.format === undefined) s.format = format;
      this.warn(at, `type "${original}" is not a JSON Schema type; read as "${type}"${format ? ` with format "${format}"` : ''}`);
    } else if (Array.isArray(s.type) && s.type.some((t) => typeof t !== 'string' || !JSON_TYPES.has(t))) {
      const original = s.type.map(String);
      s.type = [...new Set(original.map((t) => fix(t).type).filter((t): t is string => t !== undefined))];
      this.warn(at, `type [${original.join(', ')}] holds non-JSON-Schema types; read as [${(s.type as string[]).join(', ')}]`);
    }
  }

  private fixKeywordSpelling(s: JsonObject, at: string): void {
    for (const key of Object.keys(s)) {
      if (KNOWN_KEYWORDS.has(key) || key.startsWith('x-')) continue;
      const meant = KEYWORD_MISSPELLINGS.get(key.toLowerCase());
      if (meant === undefined || s[meant] !== undefined) continue;
      s[meant] = s[key];
      delete s[key];
      this.warn(at, `unknown keyword "${key}" read as "${meant}"`);
    }
  }
}

// ---------------------------------------------------------------------------------------------- operations

function buildOperations(document: JsonObject, warnings: string[]): Operation[] {
  interface Draft { method: Operation['method']; pathTemplate: string; operation: JsonObject; operationId: string | undefined }
  const drafts: Draft[] = [];
  for (const [pathTemplate, item] of entriesOf(document.paths)) {
    if (pathTemplate.startsWith('x-') || !isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const parameters = mergeParameters(shared, Array.isArray(op.parameters) ? op.parameters : []);
      const operationId = typeof op.operationId === 'string' && op.operationId.trim() !== '' ? op.operationId : undefined;
      drafts.push({ method, pathTemplate, operation: { ...op, parameters }, operationId });
    }
  }
  const idCounts = new Map<string, number>();
  for (const d of drafts) if (d.operationId !== undefined) idCounts.set(d.operationId, (idCounts.get(d.operationId) ?? 0) + 1);
  const taken = new Set<string>();
  const operations = drafts.map((d): Operation => {
    const fallback = `${d.method.toUpperCase()} ${d.pathTemplate}`;
    let id = d.operationId !== undefined && idCounts.get(d.operationId) === 1 ? d.operationId : fallback;
    // Only a document using "GET /x" as a literal operationId elsewhere can make the fallback collide.
    for (let n = 2; taken.has(id); n++) id = `${fallback} (${n})`;
    taken.add(id);
    return { id, method: d.method, pathTemplate: d.pathTemplate, operation: d.operation };
  });
  for (const [operationId, count] of idCounts) {
    if (count > 1) warnings.push(`#/paths: operationId "${operationId}" is used by ${count} operations; each is identified as "METHOD /path" instead`);
  }
  return operations;
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(shared: readonly unknown[], own: readonly unknown[]): unknown[] {
  const keyOf = (p: unknown) => (isObject(p) ? `${String(p.in)}\u0000${String(p.name)}` : undefined);
  const merged = [...shared];
  for (const p of own) {
    const key = keyOf(p);
    const index = key === undefined ? -1 : merged.findIndex((q) => keyOf(q) === key);
    if (index >= 0) merged[index] = p;
    else merged.push(p);
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------- helpers

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entriesOf(value: unknown): [string, unknown][] {
  return isObject(value) ? Object.entries(value) : [];
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

/** Visits every object (not array) in an acyclic-or-shared tree once, with its JSON pointer. */
function walkObjects(root: unknown, base: string, visit: (node: JsonObject, at: string) => void): void {
  const seen = new WeakSet<object>();
  const stack: [unknown, string][] = [[root, base]];
  while (stack.length > 0) {
    const [node, at] = stack.pop() as [unknown, string];
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push([child, `${at}/${i}`]));
      continue;
    }
    visit(node as JsonObject, at);
    for (const [key, child] of Object.entries(node)) stack.push([child, `${at}/${escapePointer(key)}`]);
  }
}
