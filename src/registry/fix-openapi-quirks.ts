// Repairs the structural quirks of real agencies' OpenAPI documents (path keys, server URLs, parameters, responses,
// media types) in place, returning one warning per repair instead of refusing the API.

import { fixSchemaQuirks, hoistPropertyRequired } from './fix-schema-quirks.js';
import { entriesOf, escapePointer, followRefs, isObject } from './json-tree.js';
import { HTTP_METHODS, type JsonObject } from './types.js';

const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_SINGLES = ['items', 'additionalItems', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema'];
// Schema keywords that Swagger 2.0 habits leave on an OpenAPI 3 Parameter or Header instead of inside its `schema`.
const MISPLACED_SCHEMA_KEYWORDS = ['type', 'format', 'items', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf'];
const OPERATION_FIELDS = new Set(['tags', 'summary', 'description', 'externalDocs', 'operationId', 'parameters', 'requestBody', 'responses', 'callbacks', 'deprecated', 'security', 'servers']);

/** `users/{id}` means `/users/{id}`; works on Swagger 2.0 and OpenAPI alike, so it runs before conversion. */
export function normalisePathKeys(doc: JsonObject): string[] {
  const paths = doc.paths;
  const isPathKey = (key: string) => key.startsWith('/') || key.startsWith('x-');
  if (!isObject(paths) || Object.keys(paths).every(isPathKey)) return [];
  const warnings: string[] = [];
  const fixed: JsonObject = {};
  for (const [key, item] of Object.entries(paths)) {
    if (isPathKey(key)) {
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
  return warnings;
}

/**
 * Repairs an OpenAPI 3.x document not yet dereferenced. `placeholders` are objects whose remote $ref was dropped:
 * already reported once, so repairs on them stay silent.
 */
export function fixOpenApiQuirks(doc: JsonObject, placeholders: WeakSet<object>): string[] {
  const warnings = fixServerPlaceholders(doc);
  new QuirkFixer(doc, warnings, placeholders).document();
  return warnings;
}

/** `${name}` is a deploy-time template (envsubst, Helm) that no one substituted; `{name}` is what OpenAPI means by it. */
function fixServerPlaceholders(doc: JsonObject): string[] {
  const warnings: string[] = [];
  if (!Array.isArray(doc.servers)) return warnings;
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
  return warnings;
}

const quoted = (keys: readonly string[]) => keys.map((k) => `"${k}"`).join(', ');

/**
 * Walks the document along its structure (so example payloads are never mistaken for schemas) and repairs what a
 * reasonable reader repairs. Follows local $refs so shared definitions in any location are visited exactly once.
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

  /** The object a node denotes (its $refs followed) and where it lives; undefined when already visited or not an object. */
  private enter(node: unknown, at: string): { obj: JsonObject; at: string } | undefined {
    const { node: obj, ref } = followRefs(this.root, node);
    if (!isObject(obj) || typeof obj.$ref === 'string' || this.seen.has(obj)) return undefined;
    this.seen.add(obj);
    return { obj, at: ref ?? at };
  }

  private pathItem(node: unknown, at: string): void {
    const entered = this.enter(node, at);
    if (!entered) return;
    const { obj: item } = entered;
    this.parameterList(item, entered.at);
    for (const method of HTTP_METHODS) if (item[method] !== undefined) this.operation(item[method], `${entered.at}/${method}`);
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
        ? `${label} has no schema; built one from its ${quoted(misplaced)}`
        : `${label} has neither schema nor content; read as schema {} (any value)`);
    } else if (isObject(p.schema) && misplaced.length > 0) {
      for (const k of misplaced) {
        // On a $ref schema the keyword becomes a sibling, which dereferencing layers over a copy of the target.
        if (p.schema[k] === undefined) p.schema[k] = p[k];
        delete p[k];
      }
      this.warn(at, `${label}: ${quoted(misplaced)} belong(s) inside its schema; moved there`);
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
    this.warnings.push(...fixSchemaQuirks(s, at));
    for (const key of SCHEMA_MAPS) {
      const map = s[key];
      if (!isObject(map)) continue;
      for (const [name, sub] of Object.entries(map)) {
        if (key === 'properties' && isObject(sub) && typeof sub.required === 'boolean') {
          this.warnings.push(hoistPropertyRequired(s, name, sub, `${at}/properties/${escapePointer(name)}`));
        }
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
}
