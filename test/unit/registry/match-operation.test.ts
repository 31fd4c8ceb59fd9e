// Operation matching: precedence of literal over templated segments, mixed segments, decoding, 405/404, HEAD, scale.
import { describe, expect, it, vi } from 'vitest';
import { createOperationMatcher } from '../../../src/registry/match-operation.js';
import type { HttpMethod, MatchResult, Operation } from '../../../src/registry/types.js';

function op(method: HttpMethod, pathTemplate: string, id = `${method.toUpperCase()} ${pathTemplate}`): Operation {
  return { id, method, pathTemplate, operation: {} };
}

function matched(result: MatchResult): { id: string; params: Readonly<Record<string, string>> } {
  if (result.kind !== 'match') throw new Error(`expected a match, got ${JSON.stringify(result)}`);
  return { id: result.operation.id, params: result.params };
}

describe('createOperationMatcher', () => {
  const match = createOperationMatcher([
    op('get', '/users/{id}', 'getUser'),
    op('get', '/users/me', 'getMe'),
    op('delete', '/users/{id}', 'deleteUser'),
    op('get', '/users/{id}/posts/{postId}', 'getPost'),
    op('get', '/users/export/csv', 'exportCsv'),
    op('get', '/files/{file}.{ext}', 'getFile'),
    op('get', '/files/{name}', 'getFileByName'),
    op('get', '/api/v{version}/status', 'status'),
    op('get', '/api/{anything}/status', 'anyStatus'),
    op('put', '/docs/', 'putDocsSlash'),
    op('get', '/docs', 'getDocs'),
    op('get', '/', 'root'),
    op('head', '/ping', 'headPing'),
    op('get', '/ping', 'getPing'),
    op('post', '/ping', 'postPing'),
  ]);

  it('prefers a literal segment over a parameter', () => {
    expect(matched(match('GET', '/users/me'))).toEqual({ id: 'getMe', params: {} });
    expect(matched(match('GET', '/users/42'))).toEqual({ id: 'getUser', params: { id: '42' } });
  });

  it('backtracks into a templated branch when the literal one dead-ends', () => {
    // `export` is a literal child of /users, but only /users/export/csv exists below it.
    expect(matched(match('GET', '/users/export/posts/7'))).toEqual({ id: 'getPost', params: { id: 'export', postId: '7' } });
    expect(matched(match('GET', '/users/export/csv')).id).toBe('exportCsv');
  });

  it('falls through to a templated path that declares the method when the literal one does not', () => {
    expect(matched(match('DELETE', '/users/me'))).toEqual({ id: 'deleteUser', params: { id: 'me' } });
  });

  it('matches mixed segments, preferring them over pure parameters', () => {
    expect(matched(match('GET', '/files/report.pdf'))).toEqual({ id: 'getFile', params: { file: 'report', ext: 'pdf' } });
    expect(matched(match('GET', '/files/archive.tar.gz')).params).toEqual({ file: 'archive.tar', ext: 'gz' });
    expect(matched(match('GET', '/files/README'))).toEqual({ id: 'getFileByName', params: { name: 'README' } });
    expect(matched(match('GET', '/api/v2/status'))).toEqual({ id: 'status', params: { version: '2' } });
    expect(matched(match('GET', '/api/beta/status'))).toEqual({ id: 'anyStatus', params: { anything: 'beta' } });
    // `v` alone leaves nothing for {version}: the pure parameter takes it.
    expect(matched(match('GET', '/api/v/status')).id).toBe('anyStatus');
  });

  it('URI-decodes parameters and treats a malformed escape as not found', () => {
    expect(matched(match('GET', '/users/Jos%C3%A9%20Mar%C3%ADa')).params).toEqual({ id: 'José María' });
    expect(matched(match('GET', '/users/a%2Fb')).params).toEqual({ id: 'a/b' });
    expect(matched(match('GET', '/users/a+b')).params).toEqual({ id: 'a+b' });
    expect(match('GET', '/users/%E0%A4%A')).toEqual({ kind: 'not-found' });
    expect(match('GET', '/users/100%')).toEqual({ kind: 'not-found' });
  });

  it('ignores a query string', () => {
    expect(matched(match('GET', '/users/42?expand=posts#top')).params).toEqual({ id: '42' });
  });

  it('treats the trailing slash strictly', () => {
    expect(matched(match('GET', '/docs')).id).toBe('getDocs');
    expect(matched(match('PUT', '/docs/')).id).toBe('putDocsSlash');
    expect(match('PUT', '/docs')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'HEAD'] });
    expect(match('GET', '/docs/')).toEqual({ kind: 'method-not-allowed', allow: ['PUT'] });
    expect(match('GET', '/users/42/')).toEqual({ kind: 'not-found' });
    expect(match('GET', '/users/')).toEqual({ kind: 'not-found' });
    expect(matched(match('GET', '/')).id).toBe('root');
    expect(matched(match('GET', '')).id).toBe('root');
  });

  it('answers 405 with the allowed methods in upper case, HEAD included when GET exists', () => {
    expect(match('PATCH', '/users/me')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'DELETE', 'HEAD'] });
    expect(match('POST', '/users/42')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'DELETE', 'HEAD'] });
    expect(match('PROPFIND', '/ping')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'POST', 'HEAD'] });
  });

  it('answers not-found for an unknown path', () => {
    expect(match('GET', '/nowhere')).toEqual({ kind: 'not-found' });
    expect(match('GET', '/users/42/posts')).toEqual({ kind: 'not-found' });
    expect(match('GET', '/users//posts/1')).toEqual({ kind: 'not-found' });
  });

  it('lets HEAD reach a GET operation unless an explicit HEAD exists', () => {
    expect(matched(match('HEAD', '/users/42')).id).toBe('getUser');
    expect(matched(match('HEAD', '/ping')).id).toBe('headPing');
    expect(match('HEAD', '/docs/')).toEqual({ kind: 'method-not-allowed', allow: ['PUT'] });
  });

  it('takes the method case-insensitively', () => {
    expect(matched(match('get', '/users/me')).id).toBe('getMe');
    expect(matched(match('Delete', '/users/9')).id).toBe('deleteUser');
  });

  it('keeps parameter names per template when shapes are shared', () => {
    const m = createOperationMatcher([op('get', '/a/{id}', 'byId'), op('post', '/a/{name}', 'byName'), op('get', '/a/{x}.{y}', 'xy'), op('put', '/a/{p}.{q}', 'pq')]);
    expect(matched(m('GET', '/a/1')).params).toEqual({ id: '1' });
    expect(matched(m('POST', '/a/1')).params).toEqual({ name: '1' });
    expect(matched(m('GET', '/a/1.2')).params).toEqual({ x: '1', y: '2' });
    expect(matched(m('PUT', '/a/1.2')).params).toEqual({ p: '1', q: '2' });
    expect(matched(m('POST', '/a/1.2')).params).toEqual({ name: '1.2' });
  });

  it('does not let a parameter named __proto__ touch the prototype', () => {
    const m = createOperationMatcher([op('get', '/x/{__proto__}')]);
    const { params } = matched(m('GET', '/x/polluted'));
    expect(Object.getOwnPropertyNames(params)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
  });

  it('matches every operation of a 500-operation document correctly and quickly', () => {
    const methods: HttpMethod[] = ['get', 'post', 'put', 'delete', 'patch'];
    const operations: Operation[] = [];
    for (let r = 0; r < 50; r++) {
      for (let k = 0; k < 2; k++) {
        const base = `/service${r}/v${k + 1}`;
        const templates = [`${base}/items`, `${base}/items/{itemId}`, `${base}/items/{itemId}/files/{file}.{ext}`, `${base}/items/search`, `${base}/meta`];
        templates.forEach((t, i) => operations.push(op(methods[i % methods.length] as HttpMethod, t, `op-${r}-${k}-${i}`)));
      }
    }
    expect(operations).toHaveLength(500);
    const m = createOperationMatcher(operations);

    const concrete = (template: string) => template.replace('{itemId}', 'it%20em-7').replace('{file}.{ext}', 'scan.final.pdf');
    for (const o of operations) {
      const result = matched(m(o.method, concrete(o.pathTemplate)));
      expect(result.id).toBe(o.id);
      if (o.pathTemplate.includes('{itemId}')) expect(result.params.itemId).toBe('it em-7');
      if (o.pathTemplate.includes('{file}')) expect(result.params).toMatchObject({ file: 'scan.final', ext: 'pdf' });
    }
    // /items/search (DELETE) and /items/{itemId} (POST) both match the path, so both methods are allowed.
    expect(m('PUT', '/service3/v2/items/search')).toEqual({ kind: 'method-not-allowed', allow: ['POST', 'DELETE'] });
    expect(m('GET', '/service50/v1/items')).toEqual({ kind: 'not-found' });

    // No linear scan: a lookup tries the few templates along its own path, not all 500. Counted in pattern runs
    // (a scan of compiled templates would run hundreds per lookup), not in milliseconds.
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    const test = vi.spyOn(RegExp.prototype, 'test');
    try {
      for (let i = 0; i < 100; i++) expect(m('PUT', `/service${i % 50}/v2/items/${i}/files/a.b`).kind).toBe('match');
      expect(exec.mock.calls.length + test.mock.calls.length).toBeLessThanOrEqual(100 * 2);
    } finally {
      exec.mockRestore();
      test.mockRestore();
    }
  });
});
