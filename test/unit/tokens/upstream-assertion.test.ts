// The Portico-Consumer assertion: claims, signature verifiable with the JWKS, production only.
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../../src/pipeline/context.js';
import type { RegisteredApi } from '../../../src/registry/registry.js';
import { createUpstreamHeaders, UPSTREAM_ASSERTION_TYP } from '../../../src/tokens/upstream-assertion.js';
import { frozenClock, generatedKeySet, T0 } from '../../helpers/token-kit.js';

const { keySet } = generatedKeySet();
const headers = createUpstreamHeaders({ keys: keySet, issuer: 'https://gw.test', ttlSeconds: 60, header: 'Portico-Consumer', clock: frozenClock(), newId: () => 'assertion-1' });
const ctxWith = (ctx: Partial<RequestContext>): RequestContext => ({ requestId: 'req-1', clientIp: '127.0.0.1', startedAt: 0n, ...ctx });
const api = { id: 'imprese' } as RegisteredApi;

describe('upstream assertion', () => {
  it('signs who called, for which API and request, verifiable with the public JWKS', async () => {
    const out = await headers(ctxWith({ api, principal: { consumerId: 'acme', env: 'production', plan: 'standard', apis: ['imprese'], tokenId: 'tok-1' } }))!;
    const jwt = out['Portico-Consumer']!;
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet({ keys: keySet.jwks.keys.map((k) => ({ ...k })) }), {
      issuer: 'https://gw.test',
      audience: 'imprese',
      typ: UPSTREAM_ASSERTION_TYP,
      currentDate: new Date(T0),
    });
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: keySet.signing.kid, typ: UPSTREAM_ASSERTION_TYP });
    expect(payload).toEqual({
      iss: 'https://gw.test',
      aud: 'imprese',
      sub: 'acme',
      iat: T0 / 1000,
      exp: T0 / 1000 + 60,
      jti: 'assertion-1',
      env: 'production',
      plan: 'standard',
      request_id: 'req-1',
      token_jti: 'tok-1',
    });
  });

  it('adds nothing for an anonymous call to an open API (no token, no consumer to name)', () => {
    expect(headers(ctxWith({ api, principal: { consumerId: 'anonymous', env: 'production', plan: 'open', apis: '*' } }))).toBeUndefined();
  });

  it('adds nothing for a sandbox principal or an unrouted request', () => {
    expect(headers(ctxWith({ api, principal: { consumerId: 't', env: 'sandbox', plan: 'sandbox', apis: ['imprese'] } }))).toBeUndefined();
    expect(headers(ctxWith({ principal: { consumerId: 'acme', env: 'production', plan: 'standard', apis: '*' } }))).toBeUndefined();
  });
});

describe('upstream assertion, signing per-token', () => {
  const clock = frozenClock();
  let n = 0;
  const reused = createUpstreamHeaders({ keys: keySet, issuer: 'https://gw.test', ttlSeconds: 60, header: 'Portico-Consumer', clock, signing: 'per-token', newId: () => `a-${++n}` });
  const acme = { consumerId: 'acme', env: 'production' as const, plan: 'standard', apis: '*' as const, tokenId: 'tok-1' };
  const header = async (ctx: Partial<RequestContext>) => (await reused(ctxWith(ctx))!)['Portico-Consumer']!;
  const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

  it('signs once per (token, API) and reuses it, without a request id, until half its lifetime has passed', async () => {
    const first = await header({ api, principal: acme, requestId: 'req-1' });
    expect(await header({ api, principal: acme, requestId: 'req-2' })).toBe(first);
    expect(claims(first)).toMatchObject({ sub: 'acme', aud: 'imprese', token_jti: 'tok-1', exp: claims(first).iat as number + 60 });
    expect(claims(first)).not.toHaveProperty('request_id');

    expect(await header({ api: { id: 'anagrafe' } as RegisteredApi, principal: acme })).not.toBe(first);
    expect(await header({ api, principal: { ...acme, tokenId: 'tok-2' } })).not.toBe(first);

    clock.advance(29_999);
    expect(await header({ api, principal: acme })).toBe(first);
    clock.advance(1);
    const renewed = await header({ api, principal: acme });
    expect(renewed).not.toBe(first);
    expect(claims(renewed).iat).toBe((claims(first).iat as number) + 30);
  });
});
