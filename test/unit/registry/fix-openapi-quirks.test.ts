// Structural quirks of real documents, each on a tiny input: path keys, server URLs, parameters, responses, media types.
import { describe, expect, it } from 'vitest';
import { fixOpenApiQuirks, normalisePathKeys } from '../../../src/registry/fix-openapi-quirks.js';
import type { JsonObject } from '../../../src/registry/types.js';

const ok = { '200': { description: 'ok' } };
/** A document with one GET /a operation built from `get`, plus optional top-level fields. */
const withGet = (get: JsonObject, extra: JsonObject = {}): JsonObject => ({ openapi: '3.0.3', paths: { '/a': { get: { responses: ok, ...get } } }, ...extra });
const getOf = (doc: JsonObject) => ((doc.paths as JsonObject)['/a'] as { get: JsonObject }).get;
const fix = (doc: JsonObject, placeholders = new WeakSet<object>()) => fixOpenApiQuirks(doc, placeholders);

describe('normalisePathKeys', () => {
  it('adds the missing leading slash, keeping order and extensions', () => {
    const doc: JsonObject = { paths: { 'users/{id}': { get: {} }, '/b': {}, 'x-ext': 1 } };
    expect(normalisePathKeys(doc)).toEqual(['#/paths/users~1{id}: path without a leading \'/\'; read as "/users/{id}"']);
    expect(Object.keys(doc.paths as JsonObject)).toEqual(['/users/{id}', '/b', 'x-ext']);
  });

  it('ignores a slash-less key that duplicates an existing path', () => {
    const kept = { get: { summary: 'kept' } };
    const doc: JsonObject = { paths: { b: { get: {} }, '/b': kept } };
    expect(normalisePathKeys(doc)).toEqual(['#/paths/b: path without a leading \'/\' duplicates "/b"; ignored']);
    expect(doc.paths).toEqual({ '/b': kept });
  });

  it('leaves well-formed paths as the same object', () => {
    const paths = { '/a': {} };
    const doc: JsonObject = { paths };
    expect(normalisePathKeys(doc)).toEqual([]);
    expect(doc.paths).toBe(paths);
  });
});

describe('fixOpenApiQuirks', () => {
  it('turns unsubstituted ${name} server placeholders into server variables', () => {
    const doc = withGet({}, { servers: [{ url: 'https://${host}/${base}/v1', variables: { base: { default: 'api' } } }, { url: 'https://{x}/' }] });
    expect(fix(doc)).toEqual(['#/servers/0: URL "https://${host}/${base}/v1" holds an unsubstituted deploy-time placeholder; read as "https://{host}/{base}/v1"']);
    expect((doc.servers as JsonObject[])[0]).toEqual({ url: 'https://{host}/{base}/v1', variables: { base: { default: 'api' }, host: { default: 'host' } } });
  });

  it('reports fields that do not belong on an Operation', () => {
    expect(fix(withGet({ required: true, 'x-ok': 1, summary: 's' }))).toEqual(['#/paths/~1a/get: "required" is not an Operation field; ignored']);
  });

  it('gives a parameter without schema or content an any-value schema, or one built from its misplaced keywords', () => {
    const doc = withGet({ parameters: [{ name: 'q', in: 'query' }, { name: 'n', in: 'query', type: 'integer', minimum: 1 }] });
    expect(fix(doc)).toEqual([
      '#/paths/~1a/get/parameters/0: parameter "q" has neither schema nor content; read as schema {} (any value)',
      '#/paths/~1a/get/parameters/1: parameter "n" has no schema; built one from its "type", "minimum"',
    ]);
    expect(getOf(doc).parameters).toEqual([{ name: 'q', in: 'query', schema: {} }, { name: 'n', in: 'query', schema: { type: 'integer', minimum: 1 } }]);
  });

  it('moves misplaced keywords into an existing schema without overriding it', () => {
    const doc = withGet({ parameters: [{ name: 'lang', in: 'query', default: 'fr', type: 'number', schema: { type: 'string' } }] });
    expect(fix(doc)).toEqual(['#/paths/~1a/get/parameters/0: parameter "lang": "type", "default" belong(s) inside its schema; moved there']);
    expect(getOf(doc).parameters).toEqual([{ name: 'lang', in: 'query', schema: { type: 'string', default: 'fr' } }]);
  });

  it('stays silent on a parameter whose remote $ref was dropped', () => {
    const header: JsonObject = {};
    const doc = withGet({ responses: { '200': { description: 'ok', headers: { 'X-Limit': header } } } });
    expect(fix(doc, new WeakSet([header]))).toEqual([]);
    expect(header).toEqual({ schema: {} });
  });

  it('drops a parameters field that is not a list', () => {
    const doc = withGet({ parameters: { name: 'q' } });
    expect(fix(doc)).toEqual(['#/paths/~1a/get/parameters: not a list; ignored']);
    expect(getOf(doc).parameters).toBeUndefined();
  });

  it('reads an empty response and an empty media type object', () => {
    const doc = withGet({ responses: { '200': { description: 'ok', content: { 'application/zip': null } }, '404': null } });
    expect(fix(doc)).toEqual([
      '#/paths/~1a/get/responses/200/content/application~1zip: empty media type object, read as {}',
      '#/paths/~1a/get/responses/404: empty response, read as { description: "" }',
    ]);
    expect(getOf(doc).responses).toEqual({ '200': { description: 'ok', content: { 'application/zip': {} } }, '404': { description: '' } });
  });

  it('repairs a shared schema once, at its own location, through $refs', () => {
    const media = { schema: { $ref: '#/components/schemas/Day' } };
    const doc = withGet(
      { requestBody: { content: { 'application/json': media } }, responses: { '200': { description: 'ok', content: { 'application/json': media } } } },
      { components: { schemas: { Day: { type: 'date' } } } },
    );
    expect(fix(doc)).toEqual(['#/components/schemas/Day: type "date" is not a JSON Schema type; read as "string" with format "date"']);
  });

  it('walks nested schemas and hoists required: true on properties', () => {
    const doc = withGet({}, {
      components: { schemas: { P: { type: 'object', properties: { tags: { type: 'array', items: { type: 'text' } }, name: { type: 'string', required: true } } } } },
    });
    expect(fix(doc)).toEqual([
      '#/components/schemas/P/properties/tags/items: type "text" is not a JSON Schema type; read as "string"',
      '#/components/schemas/P/properties/name: "required: true" on a property; read as listed in the parent\'s "required"',
    ]);
    expect(((doc.components as JsonObject).schemas as JsonObject).P).toMatchObject({ required: ['name'] });
  });

  it('never mistakes example payloads for schemas', () => {
    const example = { type: 'date', minlength: 3 };
    const doc = withGet({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, example } } } } });
    expect(fix(doc)).toEqual([]);
    expect(example).toEqual({ type: 'date', minlength: 3 });
  });

  it('visits webhooks, callbacks and component path items', () => {
    const bad = () => ({ parameters: [{ name: 'q', in: 'query' }], responses: ok });
    const doc: JsonObject = {
      openapi: '3.1.0',
      webhooks: { ping: { post: bad() } },
      components: { pathItems: { Item: { get: bad() } }, callbacks: { Cb: { '{$request.body#/url}': { post: bad() } } } },
    };
    expect(fix(doc).map((w) => w.split(': ')[0])).toEqual([
      '#/webhooks/ping/post/parameters/0',
      '#/components/callbacks/Cb/{$request.body#~1url}/post/parameters/0',
      '#/components/pathItems/Item/get/parameters/0',
    ]);
  });
});
