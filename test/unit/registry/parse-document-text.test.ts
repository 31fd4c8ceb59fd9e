// Parsing document text: JSON fast path and its YAML fallback, merge keys, duplicate keys, refusals.
import { describe, expect, it } from 'vitest';
import { OpenApiLoadError } from '../../../src/registry/openapi-load-error.js';
import { parseDocumentText } from '../../../src/registry/parse-document-text.js';

const parse = (text: string, label = '') => parseDocumentText(text, '/docs/api.yaml', label);

function refusal(text: string): OpenApiLoadError {
  try {
    parse(text);
  } catch (err) {
    expect(err).toBeInstanceOf(OpenApiLoadError);
    return err as OpenApiLoadError;
  }
  throw new Error('expected a refusal');
}

describe('parseDocumentText', () => {
  it('reads JSON behind a byte-order mark', () => {
    expect(parse('\uFEFF {"openapi": "3.0.3"}')).toEqual({ document: { openapi: '3.0.3' }, warnings: [] });
  });

  it('falls back to YAML for JSON with a trailing comma', () => {
    expect(parse('{"openapi": "3.0.3", "paths": {},}').document).toEqual({ openapi: '3.0.3', paths: {} });
  });

  it('applies YAML merge keys', () => {
    const { document } = parse('base: &b { description: x }\nmerged:\n  <<: *b\n  extra: 1\n');
    expect(document.merged).toEqual({ description: 'x', extra: 1 });
  });

  it('keeps the last of duplicate keys, with a warning carrying the label', () => {
    const { document, warnings } = parse('a: 1\na: 2\nb: 3\n', 'shared/common.yaml');
    expect(document).toEqual({ a: 2, b: 3 });
    expect(warnings).toEqual(['shared/common.yaml#: duplicate YAML keys (1); the last occurrence of each wins']);
  });

  it('refuses broken YAML, naming the file', () => {
    const error = refusal('a: [1, 2\nb: 3\n');
    expect(error.file).toBe('/docs/api.yaml');
    expect(error.reasons[0]).toMatch(/^invalid YAML\/JSON: /);
    expect(error.reasons[0]).not.toContain('\n');
  });

  it('refuses a top level that is not an object', () => {
    expect(refusal('[1, 2]').reasons).toEqual(['the top level is a list, not an object: not an OpenAPI document']);
    expect(refusal('').reasons).toEqual(['the top level is empty, not an object: not an OpenAPI document']);
    expect(refusal('just text').reasons).toEqual(['the top level is a string, not an object: not an OpenAPI document']);
  });
});
