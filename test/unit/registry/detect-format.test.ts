// Detecting Swagger 2.0 / OpenAPI 3.0 / 3.1, and refusing documents that are neither or describe no operations.
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/registry/detect-format.js';
import { OpenApiLoadError } from '../../../src/registry/openapi-load-error.js';
import type { JsonObject } from '../../../src/registry/types.js';

const detect = (doc: JsonObject) => detectFormat(doc, '/docs/api.yaml');

function reasonsOf(doc: JsonObject): readonly string[] {
  try {
    detect(doc);
  } catch (err) {
    expect(err).toBeInstanceOf(OpenApiLoadError);
    return (err as OpenApiLoadError).reasons;
  }
  throw new Error('expected a refusal');
}

describe('detectFormat', () => {
  it('reads each supported version', () => {
    expect(detect({ swagger: '2.0', paths: {} })).toEqual({ format: 'swagger-2.0', warnings: [] });
    expect(detect({ openapi: '3.0.3', paths: {} }).format).toBe('openapi-3.0');
    expect(detect({ openapi: '3.1.0', paths: {} }).format).toBe('openapi-3.1');
  });

  it('accepts a numeric version with a warning', () => {
    expect(detect({ swagger: 2, paths: {} }).warnings).toEqual(['#/swagger: version is a number, read as "2.0"']);
    expect(detect({ openapi: 3.1, paths: {} })).toEqual({ format: 'openapi-3.1', warnings: ['#/openapi: version is a number, read as "3.1"'] });
  });

  it('reads an empty paths as {}', () => {
    const doc: JsonObject = { openapi: '3.0.0', paths: null };
    expect(detect(doc).warnings).toEqual(['#/paths: empty, read as {}']);
    expect(doc.paths).toEqual({});
  });

  it('lets OpenAPI 3.1 omit paths when it has webhooks or components', () => {
    expect(detect({ openapi: '3.1.0', webhooks: {} }).format).toBe('openapi-3.1');
    expect(reasonsOf({ openapi: '3.0.3', components: {} })).toEqual(['no `paths` object: the document describes no operations']);
  });

  it('refuses unsupported versions and documents that are not OpenAPI', () => {
    expect(reasonsOf({ swagger: '1.2', paths: {} })[0]).toMatch(/unsupported Swagger version "1\.2"/);
    expect(reasonsOf({ openapi: '4.0.0', paths: {} })[0]).toMatch(/unsupported OpenAPI version "4\.0\.0"/);
    expect(reasonsOf({ info: {} })[0]).toMatch(/neither an `openapi` nor a `swagger` field/);
    expect(reasonsOf({ openapi: '3.0.3', paths: [] })).toEqual(['`paths` is not an object']);
  });
});
