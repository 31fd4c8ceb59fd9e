// Converts a Swagger 2.0 document to OpenAPI 3.0 with swagger2openapi, turning the converter's own notes
// (`x-s2o-warning`, patch counts) into load warnings.

import { createRequire } from 'node:module';
import { walkObjects } from './json-tree.js';
import { firstLine, OpenApiLoadError } from './openapi-load-error.js';
import type { JsonObject } from './types.js';

// swagger2openapi ships no type declarations; this is the slice of its API we use.
interface Swagger2OpenApi {
  convertObj(spec: JsonObject, options: { patch: boolean; warnOnly: boolean; resolve: boolean; text: string }): Promise<{ openapi: JsonObject; patches?: number }>;
}
const swagger2openapi = createRequire(import.meta.url)('swagger2openapi') as Swagger2OpenApi;

/** `source` only names the file in a refusal; the converter never resolves or fetches anything. */
export async function convertSwagger2(doc: JsonObject, source: string): Promise<{ document: JsonObject; warnings: string[] }> {
  let result: { openapi: JsonObject; patches?: number };
  try {
    // `text` is only used for error positions; passing a stub spares a full YAML re-serialisation of big documents.
    result = await swagger2openapi.convertObj(doc, { patch: true, warnOnly: true, resolve: false, text: '{}' });
  } catch (err) {
    throw new OpenApiLoadError(source, [`Swagger 2.0 to OpenAPI 3.0 conversion failed: ${firstLine(err)}`], { cause: err });
  }
  const converted = result.openapi;
  const warnings: string[] = [];
  walkObjects(converted, '#', (node, at) => {
    if (typeof node['x-s2o-warning'] === 'string') {
      warnings.push(`${at}: Swagger 2.0 conversion: ${node['x-s2o-warning']}`);
      delete node['x-s2o-warning'];
    }
  });
  if (result.patches) warnings.push(`#: Swagger 2.0 conversion patched ${result.patches} invalid construct(s)`);
  return { document: converted, warnings };
}
