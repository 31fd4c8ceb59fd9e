// Token endpoint client authentication with a frozen clock: secret (basic/post), private_key_jwt, replay, generic failures.
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { createClientAuthenticator, JWT_BEARER_ASSERTION, type ClientAuthenticator } from '../../../src/tokens/client-authentication.js';
import { OAuthError } from '../../../src/tokens/oauth-error.js';
import { clientAssertion, clientKey, frozenClock, T0, testConsumers, type TestConsumers } from '../../helpers/token-kit.js';

const ENDPOINT = 'https://gw.test/oauth/token';
const fixtures: TestConsumers = await testConsumers();
const clock = frozenClock();

function build(): ClientAuthenticator {
  return createClientAuthenticator({
    consumers: fixtures.consumers,
    store: createMemoryStore({ now: clock }),
    assertionAudiences: [ENDPOINT, 'https://gw.test'],
    clockSkewSeconds: 60,
  });
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

async function failure(promise: Promise<unknown>): Promise<OAuthError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof OAuthError) return err;
    throw err;
  }
  throw new Error('expected an OAuthError');
}

describe('client_secret_basic and client_secret_post', () => {
  const clients = build();

  it('authenticates with the secret in the Basic header (form-encoded per RFC 6749 §2.3.1) or in the body', async () => {
    await expect(clients.authenticate({ authorization: basic('secret-co', fixtures.secret), params: {} }, T0)).resolves.toEqual({
      clientId: 'secret-co',
      plan: 'standard',
      apis: ['things'],
      method: 'client_secret_basic',
    });
    const post = await clients.authenticate({ authorization: undefined, params: { client_id: 'secret-co', client_secret: fixtures.secret } }, T0);
    expect(post.method).toBe('client_secret_post');
  });

  it('answers the same generic invalid_client for an unknown id, a wrong secret, a key-only client and a disabled client', async () => {
    const cases = [
      clients.authenticate({ authorization: basic('nobody', fixtures.secret), params: {} }, T0),
      clients.authenticate({ authorization: basic('secret-co', 'wrong'), params: {} }, T0),
      clients.authenticate({ authorization: undefined, params: { client_id: 'keyed-co', client_secret: fixtures.secret } }, T0),
      clients.authenticate({ authorization: undefined, params: { client_id: 'off-co', client_secret: fixtures.secret } }, T0),
    ];
    const errors = await Promise.all(cases.map(failure));
    for (const err of errors) expect([err.code, err.status, err.description]).toEqual(['invalid_client', 401, 'Client authentication failed']);
    expect(errors[0]!.headers['WWW-Authenticate']).toMatch(/^Basic realm="portico"/);
    expect(errors[2]!.headers['WWW-Authenticate']).toBeUndefined();
    expect(new Set(errors.map((e) => e.reason)).size).toBe(4);
  });

  it('refuses two methods at once, a post without client_id, and no authentication at all', async () => {
    const twoMethods = await failure(clients.authenticate({ authorization: basic('secret-co', fixtures.secret), params: { client_secret: 'x', client_id: 'secret-co' } }, T0));
    expect(twoMethods.code).toBe('invalid_request');
    expect((await failure(clients.authenticate({ authorization: undefined, params: { client_secret: 'x' } }, T0))).code).toBe('invalid_request');
    expect((await failure(clients.authenticate({ authorization: undefined, params: {} }, T0))).code).toBe('invalid_client');
    expect((await failure(clients.authenticate({ authorization: 'Basic !!!', params: {} }, T0))).code).toBe('invalid_client');
    expect((await failure(clients.authenticate({ authorization: basic('secret-co', fixtures.secret), params: { client_id: 'all-co' } }, T0))).code).toBe('invalid_client');
  });
});

describe('private_key_jwt', () => {
  const params = (assertion: string, extra: Record<string, string> = {}) => ({ client_assertion_type: JWT_BEARER_ASSERTION, client_assertion: assertion, ...extra });

  it('authenticates a fresh assertion addressed to the token endpoint or the issuer', async () => {
    const clients = build();
    for (const aud of [ENDPOINT, 'https://gw.test']) {
      const assertion = await clientAssertion(fixtures.key, 'keyed-co', aud, T0);
      await expect(clients.authenticate({ authorization: undefined, params: params(assertion, { client_id: 'keyed-co' }) }, T0)).resolves.toMatchObject({
        clientId: 'keyed-co',
        method: 'private_key_jwt',
      });
    }
  });

  it('refuses a replayed jti, even an hour later, but lets another client use the same jti', async () => {
    const clients = build();
    const assertion = await clientAssertion(fixtures.key, 'keyed-co', ENDPOINT, T0, { jti: 'once' });
    await clients.authenticate({ authorization: undefined, params: params(assertion) }, T0);
    const replay = await failure(clients.authenticate({ authorization: undefined, params: params(assertion) }, T0 + 1000));
    expect([replay.code, replay.reason]).toEqual(['invalid_client', 'assertion jti already used (replay)']);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>?]>([
    ['iss different from sub', { sub: 'other' }],
    ['a foreign audience', { aud: 'https://elsewhere.test/token' }],
    ['an expired assertion', { exp: T0 / 1000 - 61 }],
    ['an exp too far ahead', { exp: T0 / 1000 + 3600 }],
    ['no exp', { exp: undefined }],
    ['no jti', { jti: undefined }],
    ['iat in the future', { iat: T0 / 1000 + 120, exp: T0 / 1000 + 200 }],
    ['an unknown client', { iss: 'ghost', sub: 'ghost' }],
    ['a secret-only client', { iss: 'secret-co', sub: 'secret-co' }],
    ['another kid', {}, { kid: 'not-the-registered-one' }],
  ])('refuses %s with invalid_client', async (_name, claims, header) => {
    const assertion = await clientAssertion(fixtures.key, 'keyed-co', ENDPOINT, T0, claims, header ?? {});
    const err = await failure(build().authenticate({ authorization: undefined, params: params(assertion) }, T0));
    expect([err.code, err.status, err.description]).toEqual(['invalid_client', 401, 'Client authentication failed']);
  });

  it('refuses an assertion signed by another key, a client_id that differs from iss, a bad type and garbage', async () => {
    const clients = build();
    const stranger = await clientAssertion(clientKey(), 'keyed-co', ENDPOINT, T0);
    expect((await failure(clients.authenticate({ authorization: undefined, params: params(stranger) }, T0))).code).toBe('invalid_client');
    const good = await clientAssertion(fixtures.key, 'keyed-co', ENDPOINT, T0);
    expect((await failure(clients.authenticate({ authorization: undefined, params: params(good, { client_id: 'secret-co' }) }, T0))).code).toBe('invalid_client');
    expect((await failure(clients.authenticate({ authorization: undefined, params: { client_assertion_type: 'saml', client_assertion: good } }, T0))).code).toBe('invalid_request');
    expect((await failure(clients.authenticate({ authorization: undefined, params: { client_assertion_type: JWT_BEARER_ASSERTION } }, T0))).code).toBe('invalid_request');
    expect((await failure(clients.authenticate({ authorization: undefined, params: params('garbage') }, T0))).code).toBe('invalid_client');
    expect((await failure(clients.authenticate({ authorization: undefined, params: params(`${good}${'A'.repeat(9000)}`) }, T0))).code).toBe('invalid_client');
  });
});

describe('start-up checks', () => {
  it('refuses a consumer whose jwk is unusable or whose hash has silly parameters', () => {
    const base = { name: 'X', plan: 'standard', apis: ['*'], disabled: false };
    expect(() =>
      createClientAuthenticator({ consumers: [{ ...base, clientId: 'bad-key', jwk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' } }], store: createMemoryStore(), assertionAudiences: [ENDPOINT], clockSkewSeconds: 60 }),
    ).toThrow(/bad-key/);
    expect(() =>
      createClientAuthenticator({ consumers: [{ ...base, clientId: 'bad-hash', secretHash: 'scrypt$3$8$1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAA' }], store: createMemoryStore(), assertionAudiences: [ENDPOINT], clockSkewSeconds: 60 }),
    ).toThrow(/bad-hash/);
  });
});
