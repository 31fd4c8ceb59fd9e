// Builds prepared operations from inline OpenAPI operation objects, for the engine's unit tests.
import type { JsonObject, Operation } from '../../../src/registry/types.js';
import type { SchemaCache } from '../../../src/mock/create-schema-cache.js';
import { prepareOperation, type PreparedOperation } from '../../../src/mock/prepare-operation.js';
import { createValidator } from '../../../src/mock/schema/create-validator.js';

/** Validation is real; nothing in these tests generates, so prepared schemas are just wrapped. */
export function validationCache(): SchemaCache {
  return {
    dialect: 'openapi-3.0',
    prepared: (schema) => ({ source: schema as JsonObject, dialect: 'openapi-3.0' }),
    validator: (schema, direction) => createValidator((schema ?? {}) as JsonObject, 'openapi-3.0', direction),
  };
}

export function prepare(operation: JsonObject, method: Operation['method'] = 'get', pathTemplate = '/things/{id}', id = 'op'): PreparedOperation {
  return prepareOperation({ id, method, pathTemplate, operation }, validationCache());
}
