// Token endpoint logic without HTTP: form rules, grant type, scope narrowing, and the production token it issues.
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { createClientAuthenticator } from '../../../src/tokens/client-authentication.js';
import { OAuthError } from '../../../src/tokens/oauth-error.js';
import { createTokenEndpoint, readForm, resolveConsumerScope } from '../../../src/tokens/token-endpoint.js';
import { createTokenIssuer } from '../../../src/tokens/token-issuer.js';
import { createTokenVerifier } from '../../../src/tokens/token-verifier.js';
import { generatedKeySet, T0, testConsumers } from '../../helpers/token-kit.js';

const fixtures = await testConsumers();
const { keySet } = generatedKeySet();
const endpoint = createTokenEndpoint({
  clients: createClientAuthenticator({ consumers: fixtures.consumers, store: createMemoryStore(), assertionAudiences: ['https://gw.test/oauth/token'], clockSkewSeconds: 60 }),
  issuer: createTokenIssuer({ keys: keySet, issuer: 'https://gw.test', audience: 'portico', sandboxTtlSeconds: 60, productionTtlSeconds: 3600 }),
  apiIds: ['things', 'others'],
});
const verifier = createTokenVerifier({ keys: keySet, issuer: 'https://gw.test', audience: 'portico', clockSkewSeconds: 60, maxTokenBytes: 8192 });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof OAuthError) return err.code;
    throw err;
  }
  return 'ok';
}

describe('readForm', () => {
  it('drops empty values and refuses repeated parameters or a missing form', () => {
    expect(readForm({ grant_type: 'client_credentials', scope: '' })).toEqual({ grant_type: 'client_credentials' });
    expect(() => readForm({ grant_type: ['a', 'b'] })).toThrow(OAuthError);
    expect(() => readForm(undefined)).toThrow(/x-www-form-urlencoded/);
  });
});

describe('resolveConsumerScope', () => {
  it('grants everything allowed when no scope is asked, narrows to what is asked, refuses the rest', () => {
    expect(resolveConsumerScope(['things'], undefined, ['things', 'others'])).toEqual(['things']);
    expect(resolveConsumerScope(['*'], undefined, ['things', 'others'])).toBe('*');
    expect(resolveConsumerScope(['*'], 'others', ['things', 'others'])).toEqual(['others']);
    expect(resolveConsumerScope(['*'], '*', ['things', 'others'])).toBe('*');
    expect(() => resolveConsumerScope(['things'], 'others', ['things', 'others'])).toThrow(/"others"/);
    expect(() => resolveConsumerScope(['*'], 'ghost', ['things', 'others'])).toThrow(OAuthError);
    expect(() => resolveConsumerScope(['things'], '*', ['things', 'others'])).toThrow(OAuthError);
  });
});

describe('token endpoint', () => {
  const auth = { client_id: 'secret-co', client_secret: fixtures.secret };

  it('issues a production token for client_credentials that the verifier accepts', async () => {
    const token = await endpoint.handle({ authorization: undefined, body: { grant_type: 'client_credentials', ...auth } }, T0);
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'things' });
    expect((await verifier.verify(token.access_token, T0)).principal).toMatchObject({ consumerId: 'secret-co', env: 'production', plan: 'standard', apis: ['things'] });
  });

  it('names missing and unsupported grant types, and bad scopes, with their RFC 6749 codes', async () => {
    expect(await codeOf(endpoint.handle({ authorization: undefined, body: { ...auth } }, T0))).toBe('invalid_request');
    expect(await codeOf(endpoint.handle({ authorization: undefined, body: { grant_type: 'password', ...auth } }, T0))).toBe('unsupported_grant_type');
    expect(await codeOf(endpoint.handle({ authorization: undefined, body: { grant_type: 'client_credentials', scope: 'others', ...auth } }, T0))).toBe('invalid_scope');
    expect(await codeOf(endpoint.handle({ authorization: undefined, body: { grant_type: 'client_credentials', client_id: 'secret-co', client_secret: 'no' } }, T0))).toBe('invalid_client');
  });
});
