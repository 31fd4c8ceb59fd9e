// Repairs the quirks real documents leave on a single Schema Object: non-JSON-Schema type names, misspelt keywords,
// `required: true` where a list was meant. Each fixer works in place and returns its warnings.

import type { JsonObject } from './types.js';

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

/** The quirks local to one schema: its type, its keywords' spelling, a meaningless boolean `required`. */
export function fixSchemaQuirks(schema: JsonObject, at: string): string[] {
  const warnings = [...fixType(schema), ...fixKeywordSpelling(schema)];
  if (typeof schema.required === 'boolean') {
    warnings.push(`"required: ${schema.required}" on a schema outside "properties" means nothing; ignored`);
    delete schema.required;
  }
  return warnings.map((w) => `${at}: ${w}`);
}

/**
 * `required: true` on a property is a Swagger-parameter habit; the author plainly meant the parent's `required` list.
 * Call it only for a property whose `required` is a boolean.
 */
export function hoistPropertyRequired(parent: JsonObject, name: string, prop: JsonObject, at: string): string {
  if (prop.required === true) {
    const list = Array.isArray(parent.required) ? parent.required : [];
    if (!list.includes(name)) list.push(name);
    parent.required = list;
  }
  const warning = `${at}: "required: ${String(prop.required)}" on a property; read as ${prop.required ? 'listed in' : 'absent from'} the parent's "required"`;
  delete prop.required;
  return warning;
}

/** The JSON Schema type a non-standard name stands for (and a format it implies), or none when it means nothing. */
function meantType(name: string): { type?: string; format?: string } {
  if (JSON_TYPES.has(name)) return { type: name };
  const lower = name.toLowerCase();
  if (JSON_TYPES.has(lower)) return { type: lower };
  return TYPE_ALIASES[lower] ?? {};
}

function fixType(s: JsonObject): string[] {
  if (typeof s.type === 'string' && !JSON_TYPES.has(s.type)) {
    const original = s.type;
    const { type, format } = meantType(original);
    if (type === undefined) {
      delete s.type;
      return [`type "${original}" is not a JSON Schema type; dropped (any value accepted)`];
    }
    s.type = type;
    if (format !== undefined && s.format === undefined) s.format = format;
    return [`type "${original}" is not a JSON Schema type; read as "${type}"${format ? ` with format "${format}"` : ''}`];
  }
  if (Array.isArray(s.type) && s.type.some((t) => typeof t !== 'string' || !JSON_TYPES.has(t))) {
    const original = s.type.map(String);
    const types = [...new Set(original.map((t) => meantType(t).type).filter((t): t is string => t !== undefined))];
    s.type = types;
    return [`type [${original.join(', ')}] holds non-JSON-Schema types; read as [${types.join(', ')}]`];
  }
  return [];
}

function fixKeywordSpelling(s: JsonObject): string[] {
  const warnings: string[] = [];
  for (const key of Object.keys(s)) {
    if (KNOWN_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    const meant = KEYWORD_MISSPELLINGS.get(key.toLowerCase());
    if (meant === undefined || s[meant] !== undefined) continue;
    s[meant] = s[key];
    delete s[key];
    warnings.push(`unknown keyword "${key}" read as "${meant}"`);
  }
  return warnings;
}

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
