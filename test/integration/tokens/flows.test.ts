// The token flows through HTTP: sandbox tokens (→ sandbox, never upstream), production tokens by secret and by signed assertion
// (→ upstream with a Portico-Consumer JWT verifiable against our JWKS), discovery documents, RFC 6749 errors, issuance limits.
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_BEARER_ASSERTION } from '../../../src/tokens/client-authentication.js';
import { UPSTREAM_ASSERTION_TYP } from '../../../src/tokens/upstream-assertion.js';
import { startRecordingUpstream, type RecordingUpstream } from '../../helpers/recording-upstream.js';
import { buildTokenGateway, clientAssertion, T0, testConsumers, type TestConsumers, type TokenGateway } from '../../helpers/token-kit.js';

const DOC = 'openapi-mini/proxy-test.openapi.yaml';
const ISSUER = 'https://gateway.test';
const TOKEN_ENDPOINT = `${ISSUER}/oauth/token`;

let upstream: RecordingUpstream;
let gw: TokenGateway;
let fixtures: TestConsumers;

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  fixtures = await testConsumers();
  gw = await buildTokenGateway({
    apis: [
      { id: 'things', openapi: DOC, upstreamUrl: upstream.url },
      { id: 'others', openapi: DOC, upstreamUrl: upstream.url },
      { id: 'closed', openapi: DOC, upstreamUrl: upstream.url, sandboxEnabled: false },
    ],
    consumers: fixtures.consumers,
    tokens: { sandbox: { ttlSeconds: 86_400, issuancePerHourPerIp: 50 } },
  });
});
afterAll(async () => {
  gw.close();
  await upstream.close();
});

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function sandboxToken(body?: object): Promise<string> {
  const res = await request(gw.app).post('/sandbox/tokens').send(body ?? {});
  expect(res.status).toBe(201);
  return res.body.access_token as string;
}

async function verifyConsumerHeader(jwt: string, apiId: string) {
  const jwks = (await request(gw.app).get('/.well-known/jwks.json')).body as JSONWebKeySet;
  return jwtVerify(jwt, createLocalJWKSet(jwks), { issuer: ISSUER, audience: apiId, typ: UPSTREAM_ASSERTION_TYP, currentDate: new Date(T0) });
}

describe('discovery', () => {
  it('publishes the public keys at /.well-known/jwks.json, without private members', async () => {
    const res = await request(gw.app).get('/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/jwk-set\+json/);
    expect(res.body.keys).toHaveLength(1);
    expect(res.body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: gw.keySet.signing.kid });
    expect(res.body.keys[0]).not.toHaveProperty('d');
    expect((await request(gw.app).post('/.well-known/jwks.json')).status).toBe(405);
  });

  it('publishes RFC 8414 metadata', async () => {
    const res = await request(gw.app).get('/.well-known/oauth-authorization-server');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      issuer: ISSUER,
      token_endpoint: TOKEN_ENDPOINT,
      jwks_uri: `${ISSUER}/.well-known/jwks.json`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
      scopes_supported: ['things', 'others', 'closed'],
    });
  });
});

describe('sandbox tokens, no enrolment', () => {
  it('issues 201 with every sandbox-enabled API when none is asked, with the claims the issue lists', async () => {
    const res = await request(gw.app).post('/sandbox/tokens');
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 86_400, scope: 'things others' });
    expect(decodeProtectedHeader(res.body.access_token)).toEqual({ alg: 'ES256', kid: gw.keySet.signing.kid, typ: 'at+jwt' });
    const claims = decodeJwt(res.body.access_token);
    expect(claims).toMatchObject({ iss: ISSUER, aud: 'portico', iat: T0 / 1000, exp: T0 / 1000 + 86_400, scope: 'things others', env: 'sandbox', plan: 'sandbox' });
    expect(claims.sub).toMatch(/^tester-[0-9a-f-]{36}$/);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('narrows to the APIs asked and keeps the label; refuses unknown APIs, APIs without sandbox, bad bodies', async () => {
    const res = await request(gw.app).post('/sandbox/tokens').send({ apis: ['others'], label: 'my app' });
    expect(res.status).toBe(201);
    expect(decodeJwt(res.body.access_token)).toMatchObject({ scope: 'others', label: 'my app' });
    for (const body of [{ apis: ['nope'] }, { apis: ['closed'] }, { label: 7 }]) {
      const bad = await request(gw.app).post('/sandbox/tokens').send(body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await request(gw.app).post('/sandbox/tokens').set('Content-Type', 'application/json').send('{not json')).status).toBe(400);
    expect((await request(gw.app).post('/sandbox/tokens').set('Content-Type', 'text/plain').send('apis=things')).status).toBe(415);
    expect((await request(gw.app).get('/sandbox/tokens')).status).toBe(405);
  });

  it('sends a sandbox token to the sandbox (here the bare 501 seam), never upstream', async () => {
    const token = await sandboxToken();
    const before = upstream.received.length;
    const res = await request(gw.app).get('/things/v1/items/1').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(501);
    expect(res.body.type).toBe('https://portico.dev/problems/sandbox-unavailable');
    expect(upstream.received.length).toBe(before);
  });

  it('rate-limits issuance per client address: 429 problem with Retry-After, then open again after the window', async () => {
    const limited = await buildTokenGateway({ apis: [{ id: 'things', openapi: DOC, upstreamUrl: upstream.url }], tokens: { sandbox: { ttlSeconds: 60, issuancePerHourPerIp: 2 } } });
    try {
      expect((await request(limited.app).post('/sandbox/tokens')).status).toBe(201);
      expect((await request(limited.app).post('/sandbox/tokens')).status).toBe(201);
      const refused = await request(limited.app).post('/sandbox/tokens');
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body.type).toBe('https://portico.dev/problems/rate-limited');
      expect(Number(refused.headers['retry-after'])).toBe(3600);
      expect(refused.headers['ratelimit-policy']).toBeDefined();
      limited.clock.advance(3600_000);
      expect((await request(limited.app).post('/sandbox/tokens')).status).toBe(201);
    } finally {
      limited.close();
    }
  });
});

describe('production tokens (client credentials)', () => {
  async function callThings(token: string) {
    const before = upstream.received.length;
    const res = await request(gw.app).get('/things/v1/items/1').set('Authorization', `Bearer ${token}`).set('Portico-Consumer', 'forged');
    expect(res.status).toBe(200);
    expect(upstream.received.length).toBe(before + 1);
    return upstream.received.at(-1)!;
  }

  it('client_secret_basic: a production token whose call reaches the upstream with a verifiable Portico-Consumer JWT and no Authorization', async () => {
    const res = await request(gw.app).post('/oauth/token').set('Authorization', basic('secret-co', fixtures.secret)).type('form').send({ grant_type: 'client_credentials' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.pragma).toBe('no-cache');
    expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, scope: 'things' });
    expect(decodeJwt(res.body.access_token)).toMatchObject({ sub: 'secret-co', client_id: 'secret-co', env: 'production', plan: 'standard' });

    const received = await callThings(res.body.access_token);
    expect(received.headers.authorization).toBeUndefined();
    const { payload } = await verifyConsumerHeader(String(received.headers['portico-consumer']), 'things');
    expect(payload).toMatchObject({ sub: 'secret-co', env: 'production', plan: 'standard', request_id: received.headers['x-request-id'], token_jti: decodeJwt(res.body.access_token).jti });
    expect(payload.exp! - payload.iat!).toBe(60);
  });

  it('client_secret_post', async () => {
    const res = await request(gw.app).post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: 'secret-co', client_secret: fixtures.secret });
    expect(res.status).toBe(200);
    const received = await callThings(res.body.access_token);
    expect((await verifyConsumerHeader(String(received.headers['portico-consumer']), 'things')).payload.sub).toBe('secret-co');
  });

  it('private_key_jwt (PDND style), with a replayed assertion refused', async () => {
    const assertion = await clientAssertion(fixtures.key, 'keyed-co', TOKEN_ENDPOINT, T0, { purposeId: 'purpose-1' });
    const form = { grant_type: 'client_credentials', client_assertion_type: JWT_BEARER_ASSERTION, client_assertion: assertion };
    const res = await request(gw.app).post('/oauth/token').type('form').send(form);
    expect(res.status).toBe(200);
    const received = await callThings(res.body.access_token);
    expect((await verifyConsumerHeader(String(received.headers['portico-consumer']), 'things')).payload.sub).toBe('keyed-co');

    const replay = await request(gw.app).post('/oauth/token').type('form').send(form);
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed' });
  });

  it('a production token for an API outside its scope gets 403 and never reaches the upstream', async () => {
    const res = await request(gw.app).post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: 'secret-co', client_secret: fixtures.secret });
    const before = upstream.received.length;
    const denied = await request(gw.app).get('/others/v1/items/1').set('Authorization', `Bearer ${res.body.access_token}`);
    expect(denied.status).toBe(403);
    expect(denied.headers['www-authenticate']).toMatch(/error="insufficient_scope"/);
    expect(upstream.received.length).toBe(before);
  });

  it('answers RFC 6749 error bodies with the right status', async () => {
    const cases: [request.Test, number, string][] = [
      [request(gw.app).post('/oauth/token').type('form').send({ grant_type: 'password', client_id: 'secret-co', client_secret: fixtures.secret }), 400, 'unsupported_grant_type'],
      [request(gw.app).post('/oauth/token').type('form').send({ client_id: 'secret-co', client_secret: fixtures.secret }), 400, 'invalid_request'],
      [request(gw.app).post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: 'secret-co', client_secret: 'wrong' }), 401, 'invalid_client'],
      [request(gw.app).post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' }), 401, 'invalid_client'],
      [request(gw.app).post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: 'secret-co', client_secret: fixtures.secret, scope: 'others' }), 400, 'invalid_scope'],
      [request(gw.app).post('/oauth/token').send({ grant_type: 'client_credentials', client_id: 'secret-co', client_secret: fixtures.secret }), 400, 'invalid_request'],
      [request(gw.app).post('/oauth/token').type('form').send('grant_type=client_credentials&grant_type=client_credentials&client_id=secret-co'), 400, 'invalid_request'],
      [request(gw.app).post('/oauth/token').type('form').send(`grant_type=client_credentials&pad=${'x'.repeat(20_000)}`), 400, 'invalid_request'],
      [request(gw.app).post('/oauth/token').type('form').send(Array.from({ length: 60 }, (_, i) => `p${i}=x`).join('&')), 400, 'invalid_request'],
    ];
    for (const [pending, status, error] of cases) {
      const res = await pending;
      expect([res.status, res.body.error], error).toEqual([status, error]);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(typeof res.body.error_description).toBe('string');
    }
    const basicFailure = await request(gw.app).post('/oauth/token').set('Authorization', basic('secret-co', 'wrong')).type('form').send({ grant_type: 'client_credentials' });
    expect(basicFailure.status).toBe(401);
    expect(basicFailure.headers['www-authenticate']).toMatch(/^Basic realm="portico"/);
    expect((await request(gw.app).get('/oauth/token')).status).toBe(405);
  });
});
