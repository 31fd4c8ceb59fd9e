// Reads an OpenAPI 3.0/3.1 or Swagger 2.0 document from disk and turns it into a LoadedDocument: one OpenAPI 3.x shape,
// local and relative-file $refs resolved, real-world quirks tolerated and reported as warnings instead of refusing the API.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { $RefParser, type FileInfo } from '@apidevtools/json-schema-ref-parser';
import { buildOperations } from './build-operations.js';
import { convertSwagger2 } from './convert-swagger2.js';
import { dereferenceDocument } from './dereference-document.js';
import { detectFormat } from './detect-format.js';
import { dropRemoteRefs, hasExternalRefs } from './drop-remote-refs.js';
import { fixOpenApiQuirks, normalisePathKeys } from './fix-openapi-quirks.js';
import { firstLine, OpenApiLoadError } from './openapi-load-error.js';
import { parseDocumentText } from './parse-document-text.js';
import type { JsonObject, LoadedDocument } from './types.js';

/** Loads, normalises and dereferences one document; throws OpenApiLoadError when it cannot be used at all. */
export async function loadOpenApi(file: string): Promise<LoadedDocument> {
  const source = path.resolve(file);
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (err) {
    throw new OpenApiLoadError(source, [`cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`], { cause: err });
  }
  // Objects whose remote $ref was dropped: already reported once, so later repairs on them stay silent.
  const placeholders = new WeakSet<object>();
  const parsed = parseDocumentText(text, source, '');
  const raw = parsed.document;
  const detected = detectFormat(raw, source);
  const warnings = [...parsed.warnings, ...detected.warnings, ...normalisePathKeys(raw), ...dropRemoteRefs(raw, '#', placeholders)];

  let spec: JsonObject = raw;
  if (hasExternalRefs(raw)) spec = await bundleExternalRefs(source, raw, warnings, placeholders);
  if (detected.format === 'swagger-2.0') {
    const converted = await convertSwagger2(spec, source);
    spec = converted.document;
    warnings.push(...converted.warnings);
  }

  warnings.push(...fixOpenApiQuirks(spec, placeholders));
  // The clone is taken before dereferencing so the downloadable copy stays acyclic and keeps its $refs.
  const bundled = structuredClone(spec);
  warnings.push(...dereferenceDocument(spec));
  const { operations, warnings: operationWarnings } = buildOperations(spec);
  warnings.push(...operationWarnings);
  return { source, format: detected.format, document: spec, bundled, operations, warnings };
}

/** Inlines relative-file $refs; each file it reads is parsed and stripped of remote $refs exactly like the main one. */
async function bundleExternalRefs(source: string, doc: JsonObject, warnings: string[], placeholders: WeakSet<object>): Promise<JsonObject> {
  const baseDir = path.dirname(source);
  const parsePlugin = {
    order: 1,
    canParse: true,
    parse: (file: FileInfo): JsonObject => {
      const filePath = file.url.startsWith('file:') ? fileURLToPath(file.url) : file.url;
      const label = path.relative(baseDir, filePath) || path.basename(filePath);
      const text = typeof file.data === 'string' ? file.data : file.data.toString('utf8');
      const parsed = parseDocumentText(text, filePath, label);
      warnings.push(...parsed.warnings, ...dropRemoteRefs(parsed.document, `${label}#`, placeholders));
      return parsed.document;
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
    throw new OpenApiLoadError(source, [`cannot resolve a relative-file $ref${typeof code === 'string' ? ` (${code})` : ''}: ${firstLine(err)}`], { cause: err });
  }
}
