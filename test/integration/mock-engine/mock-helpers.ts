// Shared set-up for the mock engine's HTTP tests: a standalone mock server for one document, and schema checks.
import type { RequestListener } from 'node:http';
import path from 'node:path';
import { createMockEngine, type MockEngineOptions } from '../../../src/mock/create-mock-engine.js';
import { createMockServer } from '../../../src/mock/mock-server.js';
import { createValidator } from '../../../src/mock/schema/create-validator.js';
import { loadOpenApi } from '../../../src/registry/load-openapi.js';
import type { JsonObject, LoadedDocument } from '../../../src/registry/types.js';
import { captureLogger } from '../../helpers/capture-logger.js';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const CONFIG_APIS = path.join(ROOT, 'config/apis');
export const FIXTURE_DIR = path.join(import.meta.dirname, 'fixtures');

export interface Served {
  app: RequestListener;
  document: LoadedDocument;
}

export async function serve(file: string, options: Partial<Omit<MockEngineOptions, 'document'>> = {}): Promise<Served> {
  const document = await loadOpenApi(file);
  const engine = createMockEngine({ document, locale: 'en', ...options });
  return { app: createMockServer(engine, { logger: captureLogger('silent').logger }), document };
}

/** The declared schema of one response's media type, looked up in the loaded document. */
export function responseSchema(document: LoadedDocument, operationId: string, status: string, mediaType: string): JsonObject | undefined {
  const op = document.operations.find((o) => o.id === operationId);
  const responses = op?.operation.responses as Record<string, { content?: Record<string, { schema?: JsonObject }> }> | undefined;
  return responses?.[status]?.content?.[mediaType]?.schema;
}

export function violationsOf(document: LoadedDocument, schema: JsonObject | undefined, value: unknown) {
  if (schema === undefined) return [];
  return createValidator(schema, document.format === 'openapi-3.1' ? 'openapi-3.1' : 'openapi-3.0', 'response', { document: document.document })(value);
}
