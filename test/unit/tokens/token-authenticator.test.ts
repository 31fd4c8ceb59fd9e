// The authenticate stage for tokens: challenges, the cache sparing signature work, revocation on every call, scope → 403.
import { describe, expect, it, vi } from 'vitest';
import type { IncomingHttpHeaders } from 'node:http';
import { ProblemError } from '../../../src/problem/problem.js';
import type { RegisteredApi } from '../../../src/registry/registry.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';
import { createRevocationList } from '../../../src/tokens/revocation-list.js';
import { createTokenAuthenticator } from '../../../src/tokens/token-authenticator.js';
import { createTokenIssuer } from '../../../src/tokens/token-issuer.js';
import { createTokenVerifier } from '../../../src/tokens/token-verifier.js';
import { createVerificationCache } from '../../../src/tokens/verification-cache.js';
import { frozenClock, generatedKeySet, T0 } from '../../helpers/token-kit.js';

const { keySet } = generatedKeySet();
const issuer = createTokenIssuer({ keys: keySet, issuer: 'https://gw.test', audience: 'portico', sandboxTtlSeconds: 600, productionTtlSeconds: 3600 });
const api = (id: string, access = 'token') => ({ id, config: { access } }) as unknown as RegisteredApi;

function setup(store: Store = createMemoryStore(), cacheSize = 100, revocationFailOpen = false) {
  const clock = frozenClock();
  const verifier = createTokenVerifier({ keys: keySet, issuer: 'https://gw.test', audience: 'portico', clockSkewSeconds: 60, maxTokenBytes: 8192 });
  const verify = vi.spyOn(verifier, 'verify');
  const rejected: string[] = [];
  const unchecked: string[] = [];
  const authenticator = createTokenAuthenticator({
    verifier,
    cache: createVerificationCache(cacheSize),
    revocations: createRevocationList(store),
    clock,
    onRejected: (code) => rejected.push(code),
    revocationFailOpen,
    onRevocationUnchecked: () => unchecked.push('unchecked'),
  });
  const call = (headers: IncomingHttpHeaders, target = api('imprese')) => authenticator.authenticate({ headers }, target);
  return { clock, verify, rejected, unchecked, call, store };
}

async function problemOf(promise: Promise<unknown>): Promise<{ status: number; challenge: string | undefined; detail: string | undefined }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.template.status, challenge: err.headers['WWW-Authenticate'], detail: err.detail };
    throw err;
  }
  throw new Error('expected a ProblemError');
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('token authenticator', () => {
  it('lets an open API be called without a token, and challenges without an error code otherwise', async () => {
    const { call } = setup();
    await expect(call({}, api('open', 'open'))).resolves.toMatchObject({ consumerId: 'anonymous', env: 'production' });
    expect(await problemOf(call({}))).toMatchObject({ status: 401, challenge: 'Bearer realm="portico"' });
    expect(await problemOf(call({ authorization: 'Basic dXNlcjpwYXNz' }, api('open', 'open')))).toMatchObject({ status: 401, challenge: 'Bearer realm="portico"' });
  });

  it('verifies once, then serves the principal from the cache until the token expires', async () => {
    const { call, verify, clock } = setup();
    const { token } = issuer.issueSandbox({ apis: ['imprese'], now: T0 });
    for (let i = 0; i < 5; i++) await expect(call(bearer(token.access_token))).resolves.toMatchObject({ env: 'sandbox' });
    expect(verify).toHaveBeenCalledTimes(1);
    clock.advance(600_000 + 60_000); // past exp and the clock skew
    const expired = await problemOf(call(bearer(token.access_token)));
    expect(expired).toMatchObject({ status: 401, challenge: 'Bearer realm="portico", error="invalid_token", error_description="The access token expired"' });
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('verifies every time with the cache disabled', async () => {
    const { call, verify } = setup(createMemoryStore(), 0);
    const { token } = issuer.issueSandbox({ apis: ['imprese'], now: T0 });
    for (let i = 0; i < 3; i++) await call(bearer(token.access_token));
    expect(verify).toHaveBeenCalledTimes(3);
  });

  it('checks revocation on every call, cache hit or not', async () => {
    const { call, store, rejected } = setup();
    const { token, claims } = issuer.issueProduction({ clientId: 'acme', plan: 'standard', apis: ['imprese'], now: T0 });
    await call(bearer(token.access_token));
    await createRevocationList(store).revoke(claims.jti);
    expect(await problemOf(call(bearer(token.access_token)))).toMatchObject({
      status: 401,
      challenge: 'Bearer realm="portico", error="invalid_token", error_description="The access token is invalid"',
    });
    expect(rejected).toEqual(['revoked']);
  });

  it('fails closed with 503 when the Store cannot say whether a token is revoked', async () => {
    const store = createMemoryStore();
    const { call } = setup(store);
    const { token } = issuer.issueSandbox({ apis: ['imprese'], now: T0 });
    await store.close();
    expect((await problemOf(call(bearer(token.access_token)))).status).toBe(503);
  });

  it('with revocationFailOpen (limits.failOpen), accepts a valid token when the Store is down, and reports it', async () => {
    const store = createMemoryStore();
    const { call, unchecked } = setup(store, 100, true);
    const { token } = issuer.issueSandbox({ apis: ['imprese'], now: T0 });
    await store.close();
    expect((await call(bearer(token.access_token))).env).toBe('sandbox');
    expect(unchecked).toEqual(['unchecked']);
    // an invalid token is still refused: failing open only skips the revocation lookup
    expect((await problemOf(call(bearer(`${token.access_token}x`)))).status).toBe(401);
  });

  it('answers 403 insufficient_scope for a valid token without the API, and 401 for a malformed header', async () => {
    const { call } = setup();
    const { token } = issuer.issueSandbox({ apis: ['anagrafe'], now: T0 });
    const forbidden = await problemOf(call(bearer(token.access_token)));
    expect(forbidden.status).toBe(403);
    expect(forbidden.challenge).toMatch(/error="insufficient_scope"/);
    expect((await problemOf(call({ authorization: 'Bearer a b' }))).challenge).toMatch(/error="invalid_token"/);
  });
});
