// Claims (pure, frozen clock): sandbox and production shapes, scope parsing, and the principal a verified payload names.
import { describe, expect, it } from 'vitest';
import { buildProductionClaims, buildSandboxClaims, parseScope, principalFromClaims } from '../../../src/tokens/claims.js';
import { TokenError } from '../../../src/tokens/token-error.js';

const NOW = Date.UTC(2025, 0, 15, 9, 0, 0, 750);
const S = Math.floor(NOW / 1000);
const common = { issuer: 'https://gw.test', audience: 'portico', jti: 'j-1', now: NOW };

describe('building claims', () => {
  it('builds sandbox claims: tester subject, env and plan sandbox, scope of API ids, label kept', () => {
    expect(buildSandboxClaims({ ...common, ttlSeconds: 86_400, testerId: 'tester-1', apis: ['imprese', 'anagrafe'], label: 'my app' })).toEqual({
      iss: 'https://gw.test',
      sub: 'tester-1',
      aud: 'portico',
      iat: S,
      nbf: S,
      exp: S + 86_400,
      jti: 'j-1',
      client_id: 'tester-1',
      scope: 'imprese anagrafe',
      env: 'sandbox',
      plan: 'sandbox',
      label: 'my app',
    });
  });

  it('builds production claims with the consumer plan, and "*" for a consumer allowed every API', () => {
    const claims = buildProductionClaims({ ...common, ttlSeconds: 3600, clientId: 'acme', plan: 'standard', apis: '*' });
    expect(claims).toMatchObject({ sub: 'acme', client_id: 'acme', env: 'production', plan: 'standard', scope: '*', exp: S + 3600 });
    expect(claims).not.toHaveProperty('label');
  });
});

describe('parseScope', () => {
  it('reads space-separated API ids and "*", refuses anything else', () => {
    expect(parseScope('imprese anagrafe imprese')).toEqual(['imprese', 'anagrafe']);
    expect(parseScope('')).toEqual([]);
    expect(parseScope('*')).toBe('*');
    for (const bad of ['Imprese', 'imprese  anagrafe', ' imprese', 'a/b', 'imprese *', 42, undefined, ['imprese']]) {
      expect(parseScope(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('principalFromClaims', () => {
  const valid = { sub: 'acme', env: 'production', plan: 'standard', jti: 'j-1', iat: S, scope: 'imprese' };

  it('names the consumer, environment, plan, APIs and token id', () => {
    expect(principalFromClaims(valid, S, 60)).toEqual({ consumerId: 'acme', env: 'production', plan: 'standard', apis: ['imprese'], tokenId: 'j-1' });
    expect(principalFromClaims({ ...valid, scope: '*' }, S, 60).apis).toBe('*');
  });

  it.each([
    ['no sub', { sub: undefined }],
    ['a sub with spaces', { sub: 'a b' }],
    ['an unknown env', { env: 'staging' }],
    ['no plan', { plan: undefined }],
    ['a sandbox token with a production plan', { env: 'sandbox', plan: 'standard' }],
    ['a sandbox token for every API', { env: 'sandbox', plan: 'sandbox', scope: '*' }],
    ['no jti', { jti: undefined }],
    ['iat beyond the skew', { iat: S + 61 }],
    ['a malformed scope', { scope: 'IMPRESE' }],
    ['no scope', { scope: undefined }],
  ])('refuses %s', (_name, change) => {
    expect(() => principalFromClaims({ ...valid, ...change }, S, 60)).toThrow(TokenError);
  });
});
