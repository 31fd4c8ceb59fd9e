// Decides whether a parsed document is Swagger 2.0, OpenAPI 3.0 or 3.1, and refuses one that is none of them
// or describes no operations at all.

import { isObject } from './json-tree.js';
import { OpenApiLoadError } from './openapi-load-error.js';
import type { JsonObject, SourceFormat } from './types.js';

/** Reads the version field; an empty (`null`) `paths` is repaired in place to `{}`. */
export function detectFormat(doc: JsonObject, file: string): { format: SourceFormat; warnings: string[] } {
  const warnings: string[] = [];
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
  // OpenAPI 3.1 made `paths` optional for documents that only describe webhooks or shared components.
  if (doc.paths === undefined && !(format === 'openapi-3.1' && (isObject(doc.webhooks) || isObject(doc.components)))) {
    throw new OpenApiLoadError(file, ['no `paths` object: the document describes no operations']);
  }
  if (doc.paths !== undefined && !isObject(doc.paths)) throw new OpenApiLoadError(file, ['`paths` is not an object']);
  return { format, warnings };
}
