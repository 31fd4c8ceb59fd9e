// Request validation: the violations list format, parameter types/enums/patterns/required, styles, bodies, 415.
import { describe, expect, it } from 'vitest';
import { parseCookies, parseQueryString, type RequestParts } from '../../../src/mock/parse-parameters.js';
import { validateRequest, type RequestBody } from '../../../src/mock/validate-request.js';
import { ProblemError } from '../../../src/problem/problem.js';
import { prepare } from './operation-fixture.js';

const op = prepare(
  {
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{9}$' } },
      { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
      { name: 'sort', in: 'query', required: true, schema: { type: 'string', enum: ['asc', 'desc'] } },
      { name: 'tags', in: 'query', style: 'pipeDelimited', explode: false, schema: { type: 'array', items: { type: 'integer' } } },
      { name: 'filter', in: 'query', style: 'deepObject', schema: { type: 'object', properties: { year: { type: 'integer' } } } },
      { name: 'X-Trace', in: 'header', schema: { type: 'string', format: 'uuid' } },
      { name: 'Authorization', in: 'header', required: true, schema: { type: 'string' } },
      { name: 'lang', in: 'cookie', schema: { type: 'string', enum: ['it', 'fr'] } },
      { name: 'where', in: 'query', content: { 'application/json': { schema: { type: 'object', required: ['lat'], properties: { lat: { type: 'number' } } } } } },
    ],
    requestBody: {
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['name', 'id'],
            properties: { id: { type: 'string', readOnly: true }, name: { type: 'string', minLength: 2 }, age: { type: 'integer' } },
          },
        },
        'application/x-www-form-urlencoded': {
          schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, age: { type: 'integer' }, ids: { type: 'array', items: { type: 'integer' } } } },
        },
        'text/plain': { schema: { type: 'string' } },
      },
    },
    responses: { '200': { description: 'ok' } },
  },
  'post',
);

function request(url: string, options: { id?: string; headers?: Record<string, string>; body?: RequestBody } = {}) {
  const query = parseQueryString(url);
  const headers = options.headers ?? {};
  const parts: RequestParts = { pathParams: { id: options.id ?? '123456789' }, query, headers, cookies: parseCookies(headers.cookie) };
  return validateRequest(op, parts, options.body ?? { kind: 'none' });
}

const json = (value: unknown): RequestBody => ({ kind: 'raw', bytes: Buffer.from(JSON.stringify(value)) });

describe('validateRequest', () => {
  it('accepts a valid request (readOnly properties are not required in requests)', () => {
    const check = request('sort=asc&page=2&tags=1|2&filter[year]=2024&where=%7B%22lat%22%3A1.5%7D', {
      headers: { 'content-type': 'application/json', 'x-trace': '0b7e5d3c-8a21-4f6e-b9c4-52d1e7a9f302', cookie: 'lang=it' },
      body: json({ name: 'Ada', age: 36 }),
    });
    expect(check.violations).toEqual([]);
    expect(check.body).toEqual({ name: 'Ada', age: 36 });
  });

  it('lists every violation as {in, name, message} for parameters', () => {
    const check = request('page=not-a-number&sort=up&tags=1|x&filter[year]=soon', {
      id: '12',
      headers: { 'x-trace': 'nope', cookie: 'lang=de' },
    });
    expect(check.violations).toEqual([
      { in: 'path', name: 'id', message: 'must match pattern "^\\d{9}$"' },
      { in: 'query', name: 'page', message: 'must be integer' },
      { in: 'query', name: 'sort', message: 'must be equal to one of the allowed values' },
      { in: 'query', name: 'tags', pointer: '/1', message: 'must be integer' },
      { in: 'query', name: 'filter', pointer: '/year', message: 'must be integer' },
      { in: 'header', name: 'X-Trace', message: 'must match format "uuid"' },
      { in: 'cookie', name: 'lang', message: 'must be equal to one of the allowed values' },
    ]);
  });

  it('reports missing required parameters and ignores Authorization/Accept/Content-Type parameters', () => {
    expect(request('').violations).toEqual([{ in: 'query', name: 'sort', message: 'the query parameter "sort" is required' }]);
  });

  it('checks content parameters as JSON', () => {
    expect(request('sort=asc&where=%7B%7D').violations).toEqual([{ in: 'query', name: 'where', pointer: '/lat', message: "must have required property 'lat'" }]);
    expect(request('sort=asc&where=nope').violations).toEqual([{ in: 'query', name: 'where', message: 'must be JSON text' }]);
  });

  it('reports body violations with JSON pointers', () => {
    const check = request('sort=asc', { headers: { 'content-type': 'application/json; charset=utf-8' }, body: json({ name: 'A', age: 'old' }) });
    expect(check.violations).toEqual([
      { in: 'body', pointer: '/name', message: 'must NOT have fewer than 2 characters' },
      { in: 'body', pointer: '/age', message: 'must be integer' },
    ]);
  });

  it('reports malformed JSON', () => {
    const check = request('sort=asc', { headers: { 'content-type': 'application/json' }, body: { kind: 'raw', bytes: Buffer.from('{nope') } });
    expect(check.violations).toHaveLength(1);
    expect(check.violations[0]).toMatchObject({ in: 'body', pointer: '' });
    expect(check.violations[0]?.message).toMatch(/not valid JSON/);
  });

  it('decodes and checks form bodies', () => {
    const form = (text: string): RequestBody => ({ kind: 'raw', bytes: Buffer.from(text) });
    const ok = request('sort=asc', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form('name=Ada&age=36&ids=1&ids=2') });
    expect(ok.violations).toEqual([]);
    expect(ok.body).toEqual({ name: 'Ada', age: 36, ids: [1, 2] });
    const bad = request('sort=asc', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form('age=x') });
    expect(bad.violations.map((v) => v.pointer)).toEqual(['/name', '/age']);
  });

  it('accepts declared non-JSON types without looking inside', () => {
    expect(request('sort=asc', { headers: { 'content-type': 'text/plain' }, body: { kind: 'raw', bytes: Buffer.from('hello') } }).violations).toEqual([]);
  });

  it('answers an undeclared Content-Type with a 415 problem listing the declared ones', () => {
    try {
      request('sort=asc', { headers: { 'content-type': 'application/xml' }, body: { kind: 'raw', bytes: Buffer.from('<a/>') } });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ProblemError);
      expect((err as ProblemError).template.status).toBe(415);
      expect((err as ProblemError).extensions.allowed).toEqual(['application/json', 'application/x-www-form-urlencoded', 'text/plain']);
    }
  });

  it('requires a body only when the document says so', () => {
    expect(request('sort=asc').violations).toEqual([]);
    const required = prepare({ requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: {} }, 'post', '/x');
    const check = validateRequest(required, { pathParams: {}, query: [], headers: {}, cookies: new Map() }, { kind: 'none' });
    expect(check.violations).toEqual([{ in: 'body', pointer: '', message: 'a request body is required' }]);
  });
});
