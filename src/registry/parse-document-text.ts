// Parses the text of an OpenAPI document (or of a file it $refs) into a plain object: JSON fast path, YAML with merge
// keys otherwise, duplicate keys tolerated with a warning; anything unreadable becomes an OpenApiLoadError.

import { parseDocument } from 'yaml';
import { isObject } from './json-tree.js';
import { firstLine, OpenApiLoadError } from './openapi-load-error.js';
import type { JsonObject } from './types.js';

/** `file` names the source in errors; `label` prefixes warnings ('' for the main document, a relative path otherwise). */
export function parseDocumentText(text: string, file: string, label: string): { document: JsonObject; warnings: string[] } {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart()[0];
  // JSON.parse is an order of magnitude faster than the YAML parser on the large JSON documents agencies publish.
  if (first === '{' || first === '[') {
    try {
      return { document: asDocumentObject(JSON.parse(body), file), warnings: [] };
    } catch (err) {
      if (err instanceof OpenApiLoadError) throw err;
      // Not strict JSON (comments, trailing commas...): YAML's flow syntax reads most of those.
    }
  }
  const warnings: string[] = [];
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
  return { document: asDocumentObject(doc.toJS({ maxAliasCount: 10_000 }), file), warnings };
}

function asDocumentObject(value: unknown, file: string): JsonObject {
  if (!isObject(value)) {
    const kind = value === null || value === undefined ? 'empty' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    throw new OpenApiLoadError(file, [`the top level is ${kind}, not an object: not an OpenAPI document`]);
  }
  return value;
}
