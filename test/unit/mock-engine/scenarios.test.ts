// Scenarios: checked against the document at load (unknown operation, status, content type, body schema), matched per request.
import { describe, expect, it } from 'vitest';
import { compileScenarios, containsDeep, findScenario, type ScenarioDefinition } from '../../../src/mock/scenarios.js';
import { parseQueryString } from '../../../src/mock/parse-parameters.js';
import { prepare, validationCache } from './operation-fixture.js';

const problem = { type: 'object', required: ['title'], properties: { title: { type: 'string' }, status: { type: 'integer' } } };
const getThing = prepare(
  {
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
      '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } },
      '404': { description: 'nf', content: { 'application/problem+json': { schema: problem } } },
      '204': { description: 'none' },
    },
  },
  'get',
  '/things/{id}',
  'getThing',
);
const operations = new Map([['getThing', getThing]]);

function def(partial: Partial<ScenarioDefinition>): ScenarioDefinition {
  return { file: 'mocks/x/a.yaml', field: 'scenarios[0]', operation: 'getThing', when: {}, status: 200, ...partial };
}

describe('compileScenarios', () => {
  it('accepts scenarios that fit, by operationId or METHOD /path', () => {
    const { scenarios, issues } = compileScenarios(
      [def({ when: { path: { id: '1' } }, status: 404, body: { title: 'Not found' } }), def({ operation: 'get /things/{id}', body: { name: 'x' } })],
      operations,
      validationCache(),
    );
    expect(issues).toEqual([]);
    expect(scenarios.get('getThing')?.map((s) => s.media?.key)).toEqual(['application/problem+json', 'application/json']);
  });

  it('reports every misfit with its file and field', () => {
    const { issues } = compileScenarios(
      [
        def({ operation: 'nope' }),
        def({ field: 'scenarios[1]', status: 500 }),
        def({ field: 'scenarios[2]', status: 404, body: { status: 'x' } }),
        def({ field: 'scenarios[3]', contentType: 'text/csv' }),
        def({ field: 'scenarios[4]', status: 204, body: {} }),
        def({ field: 'scenarios[5]', when: { path: { siren: '1' } } }),
      ],
      operations,
      validationCache(),
    );
    expect(issues.map((i) => `${i.file} ${i.field}`)).toEqual([
      'mocks/x/a.yaml scenarios[0].operation',
      'mocks/x/a.yaml scenarios[1].status',
      'mocks/x/a.yaml scenarios[2].body',
      'mocks/x/a.yaml scenarios[3].contentType',
      'mocks/x/a.yaml scenarios[4].body',
      'mocks/x/a.yaml scenarios[5].when.path.siren',
    ]);
    expect(issues[2]?.message).toMatch(/does not match the 404 response schema of getThing: \/title must have required property 'title'; \/status must be integer/);
  });
});

describe('findScenario', () => {
  const { scenarios } = compileScenarios(
    [
      def({ name: 'by path', when: { path: { id: ['1', '2'] } }, status: 404 }),
      def({ name: 'by query and header', when: { query: { page: 2 }, headers: { 'X-Env': 'test' } } }),
      def({ name: 'by body', when: { body: { who: { cf: 'X' } } } }),
    ],
    operations,
    validationCache(),
  );
  const list = scenarios.get('getThing');
  const find = (p: { params?: Record<string, string>; query?: string; headers?: Record<string, string>; body?: unknown }) =>
    findScenario(list, { params: p.params ?? { id: '9' }, query: parseQueryString(p.query ?? ''), headers: p.headers ?? {}, body: p.body })?.definition.name;

  it('matches path values, one of a list', () => {
    expect(find({ params: { id: '2' } })).toBe('by path');
    expect(find({ params: { id: '3' } })).toBeUndefined();
  });

  it('needs every condition: query values compare as text, header names case-insensitively', () => {
    expect(find({ query: 'page=2', headers: { 'x-env': 'test' } })).toBe('by query and header');
    expect(find({ query: 'page=2' })).toBeUndefined();
  });

  it('matches a partial body', () => {
    expect(find({ body: { who: { cf: 'X', name: 'Y' }, more: 1 } })).toBe('by body');
    expect(find({ body: { who: { cf: 'Z' } } })).toBeUndefined();
  });

  it('containsDeep compares lists item by item', () => {
    expect(containsDeep([1, { a: 1, b: 2 }], [1, { a: 1 }])).toBe(true);
    expect(containsDeep([1, 2], [1])).toBe(false);
  });
});
