// Generated error bodies say what happened: the real status, its title, a sentence of detail, a problem type and
// the request path as instance, each only where the schema takes it.
import { describe, expect, it } from 'vitest';
import { fitProblem, isProblemShaped, statusDetail } from '../../../src/mock/fit-problem.js';
import { generateValue } from '../../../src/mock/generate/generate-value.js';
import { createValidator } from '../../../src/mock/schema/create-validator.js';
import { prepareSchema } from '../../../src/mock/schema/prepare-schema.js';
import type { JsonObject } from '../../../src/registry/types.js';
import type { Obj } from './generate-helpers.js';

const PROBLEM = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 100, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', format: 'uri-reference' },
  },
};

function fit(schema: JsonObject, status: number, seed = 'problem'): Obj {
  const validate = createValidator(schema, 'openapi-3.0', 'response');
  const base = generateValue(prepareSchema(schema, 'openapi-3.0'), { locale: 'fr', seed, direction: 'response' }) as Obj;
  const fitted = fitProblem(base, schema, validate, { status, detail: statusDetail(status, 'GET', '/imprese/v1/unites-legales/552100554'), instance: '/imprese/v1/unites-legales/552100554' });
  expect(validate(fitted)).toEqual([]);
  return fitted;
}

describe('problem bodies', () => {
  it('recognises RFC 9457 shapes by their members', () => {
    expect(isProblemShaped(PROBLEM)).toBe(true);
    expect(isProblemShaped({ type: 'object', properties: { code: {}, message: {} } })).toBe(false);
    expect(isProblemShaped({ allOf: [{ properties: { title: {} } }, { properties: { status: {} } }] })).toBe(true);
  });

  it('fills a documented problem with the actual status, its title, a detail, a type and the path', () => {
    expect(fit(PROBLEM, 404)).toEqual({
      type: 'https://portico.dev/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'No resource matches /imprese/v1/unites-legales/552100554.',
      instance: '/imprese/v1/unites-legales/552100554',
    });
    expect(fit(PROBLEM, 503)).toMatchObject({ type: 'https://portico.dev/problems/service-unavailable', status: 503, detail: 'The service is temporarily unavailable: retry later.' });
    // A status Portico has no problem type for: about:blank and the HTTP reason phrase (RFC 9457 §4.2.1).
    expect(fit(PROBLEM, 409)).toMatchObject({ type: 'about:blank', title: 'Conflict', status: 409 });
  });

  it('keeps to the schema: a string status, a type from an enum, an instance that must be absolute', () => {
    const schema = {
      type: 'object',
      required: ['type', 'status'],
      properties: {
        type: { type: 'string', enum: ['about:blank'] },
        title: { type: 'string', maxLength: 5 },
        status: { type: 'string', pattern: '^\\d{3}$' },
        instance: { type: 'string', format: 'uri' },
      },
    };
    for (const seed of ['a', 'b', 'c']) {
      const v = fit(schema, 404, seed);
      expect(v.type).toBe('about:blank');
      expect(v.status).toBe('404');
      // "Not Found" is too long for this title: the generated one stays; a random absolute URL as instance goes.
      expect(v.title === undefined || (v.title as string).length <= 5).toBe(true);
      expect(v.instance).toBeUndefined();
    }
  });

  it('puts the sentence in `message` when the body has no `detail`', () => {
    const v = fit({ type: 'object', required: ['status', 'message'], properties: { status: { type: 'integer' }, message: { type: 'string' } } }, 401);
    expect(v).toEqual({ status: 401, message: 'The access token is missing, invalid or expired.' });
  });
});
