// Response selection: lowest 2xx by default, Prefer code exact → range → default, undeclared code → 422 naming the declared.
import { describe, expect, it } from 'vitest';
import { selectResponse } from '../../../src/mock/select-response.js';
import { ProblemError } from '../../../src/problem/problem.js';
import { prepare } from './operation-fixture.js';

const ok = { description: 'x' };

describe('selectResponse', () => {
  it('chooses the lowest declared 2xx by default', () => {
    const op = prepare({ responses: { '404': ok, '202': ok, '201': ok, default: ok } });
    expect(selectResponse(op, undefined)).toMatchObject({ status: 201, response: { key: '201' } });
  });

  it('falls back to 2XX, then default (as 200), then the lowest code', () => {
    expect(selectResponse(prepare({ responses: { '2XX': ok, '400': ok } }), undefined).status).toBe(200);
    expect(selectResponse(prepare({ responses: { default: ok, '400': ok } }), undefined)).toMatchObject({ status: 200, response: { key: 'default' } });
    expect(selectResponse(prepare({ responses: { '302': ok, '404': ok } }), undefined).status).toBe(302);
    expect(selectResponse(prepare({ responses: {} }), undefined).status).toBe(204);
  });

  it('serves Prefer code from the exact code, its range, then default', () => {
    const op = prepare({ responses: { '200': ok, '4XX': ok, default: ok } });
    expect(selectResponse(op, '200').response.key).toBe('200');
    expect(selectResponse(op, '404')).toMatchObject({ status: 404, response: { key: '4XX' } });
    expect(selectResponse(op, '503')).toMatchObject({ status: 503, response: { key: 'default' } });
  });

  it('refuses an undeclared code with a 422 naming the declared ones', () => {
    const op = prepare({ responses: { '200': ok, '404': ok } });
    try {
      selectResponse(op, '500');
      expect.unreachable();
    } catch (err) {
      expect((err as ProblemError).template.status).toBe(422);
      expect((err as ProblemError).extensions.allowed).toEqual(['200', '404']);
    }
  });

  it('only keeps valid examples for static mode', () => {
    const op = prepare({
      responses: {
        '200': {
          description: 'x',
          content: {
            'application/json': {
              schema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
              examples: { wrong: { value: { n: 'x' } }, right: { value: { n: 1 } }, external: { externalValue: 'http://x' } },
            },
          },
        },
      },
    });
    const media = op.responses.get('200')?.content.get('application/json');
    expect([...(media?.examples.keys() ?? [])]).toEqual(['wrong', 'right']);
    expect(media?.staticExample).toEqual({ value: { n: 1 } });
  });
});
