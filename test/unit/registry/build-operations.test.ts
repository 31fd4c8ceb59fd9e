// Building the operations list: one per path and method, merged parameters, ids unique within the document.
import { describe, expect, it } from 'vitest';
import { buildOperations } from '../../../src/registry/build-operations.js';
import type { JsonObject } from '../../../src/registry/types.js';

const ok = { '200': { description: 'ok' } };
const op = (operationId?: string): JsonObject => ({ ...(operationId === undefined ? {} : { operationId }), responses: ok });

describe('buildOperations', () => {
  it('lists methods in a fixed order, skipping extensions and non-operation keys', () => {
    const { operations, warnings } = buildOperations({
      paths: {
        '/a': { post: op('createA'), get: op('listA'), summary: 'A', parameters: [], 'x-internal': op('hidden') },
        'x-draft': { get: op('draft') },
        '/b': null,
      },
    });
    expect(operations.map((o) => [o.id, o.method, o.pathTemplate])).toEqual([
      ['listA', 'get', '/a'],
      ['createA', 'post', '/a'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('falls back to METHOD /path for a missing, blank or shared operationId, reporting shared ones', () => {
    const { operations, warnings } = buildOperations({
      paths: { '/a': { get: op('same'), put: op('  ') }, '/b': { get: op('same'), delete: op() } },
    });
    expect(operations.map((o) => o.id)).toEqual(['GET /a', 'PUT /a', 'GET /b', 'DELETE /b']);
    expect(warnings).toEqual(['#/paths: operationId "same" is used by 2 operations; each is identified as "METHOD /path" instead']);
  });

  it('numbers an id that collides with one already taken', () => {
    const { operations } = buildOperations({ paths: { '/a': { get: op('GET /x') }, '/x': { get: op(), post: op('GET /x (2)') } } });
    expect(operations.map((o) => o.id)).toEqual(['GET /x', 'GET /x (2)', 'POST /x (2)']);
  });

  it('merges path-level parameters, the operation winning by name and location, without touching the document', () => {
    const shared = [{ name: 'id', in: 'path', description: 'shared' }, { name: 'id', in: 'query' }, 'not-an-object'];
    const own = { name: 'id', in: 'path', description: 'own' };
    const get: JsonObject = { parameters: [own, { name: 'page', in: 'query' }], responses: ok };
    const { operations } = buildOperations({ paths: { '/a/{id}': { parameters: shared, get } } });
    expect(operations[0]?.operation.parameters).toEqual([own, { name: 'id', in: 'query' }, 'not-an-object', { name: 'page', in: 'query' }]);
    expect(operations[0]?.operation.responses).toBe(ok);
    expect(get.parameters).toHaveLength(2);
  });
});
