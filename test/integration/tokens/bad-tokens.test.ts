// Crafted bad credentials, each refused with the right status and a bearer challenge, none reaching a real upstream.
import { createPublicKey, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { SignJWT, exportJWK } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_BEARER_ASSERTION } from '../../../src/tokens/client-authentication.js';
import { signJwt } from '../../../src/tokens/sign-jwt.js';
import { startRecordingUpstream, type RecordingUpstream } from '../../helpers/recording-upstream.js';
import { buildTokenGateway, clientAssertion, T0, testConsumers, type TestConsumers, type TokenGateway } from '../../helpers/token-kit.js';

const DOC = 'openapi-mini/proxy-test.openapi.yaml';
const ISSUER = 'https://gateway.test';
const S = T0 / 1000;

let upstream: RecordingUpstream;
let gw: TokenGateway;
let fixtures: TestConsumers;
let production: string;
let sandboxOthersOnly: string;
let revoked: string;
let upstreamAssertion: string;
const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const valid = () => ({ iss: ISSUER, aud: 'portico', sub: 'secret-co', client_id: 'secret-co', iat: S, nbf: S, exp: S + 3600, jti: `j-${Math.random()}`, scope: 'things', env: 'production', plan: 'standard' });
const ours = (claims: Record<string, unknown>, typ = 'at+jwt') => signJwt(gw.keySet.signing, typ, claims);
const ourHeader = () => ({ alg: 'ES256', kid: gw.keySet.signing.kid, typ: 'at+jwt' });
const signedBy = (key: Parameters<SignJWT['sign']>[0], header: Record<string, unknown>, claims = valid()) =>
  new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(key);

function swapPayload(token: string, claims: Record<string, unknown>): string {
  const [h, , s] = token.split('.');
  return `${h}.${b64(claims)}.${s}`;
}
function flipSignature(token: string): string {
  const [h, p, s] = token.split('.');
  const bytes = Buffer.from(s!, 'base64url');
  bytes[10] = bytes[10]! ^ 0x01;
  return `${h}.${p}.${bytes.toString('base64url')}`;
}

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  fixtures = await testConsumers();
  gw = await buildTokenGateway({
    apis: [
      { id: 'things', openapi: DOC, upstreamUrl: upstream.url },
      { id: 'others', openapi: DOC, upstreamUrl: upstream.url },
      { id: 'open', openapi: DOC, upstreamUrl: upstream.url, access: 'open' },
    ],
    consumers: fixtures.consumers,
  });
  const form = { grant_type: 'client_credentials', client_id: 'secret-co', client_secret: fixtures.secret };
  production = (await request(gw.app).post('/oauth/token').type('form').send(form)).body.access_token;
  sandboxOthersOnly = (await request(gw.app).post('/sandbox/tokens').send({ apis: ['others'] })).body.access_token;
  revoked = (await request(gw.app).post('/oauth/token').type('form').send(form)).body.access_token;
  await gw.tokens.revocations.revoke(JSON.parse(Buffer.from(revoked.split('.')[1]!, 'base64url').toString()).jti);
  upstreamAssertion = (await gw.tokens.upstreamHeaders({
    requestId: 'r-1',
    clientIp: '127.0.0.1',
    startedAt: 0n,
    api: gw.registry.find('things'),
    principal: { consumerId: 'secret-co', env: 'production', plan: 'standard', apis: ['things'], tokenId: 'tok-1' },
  })!)['Portico-Consumer']!;
});
afterAll(async () => {
  gw.close();
  await upstream.close();
});

interface BadCase {
  name: string;
  /** The Authorization header (undefined: none sent). */
  authorization: () => Promise<string | undefined> | string | undefined;
  status: 400 | 401 | 403;
  /** Why the gateway refused it (its debug log), so a case cannot pass by tripping over an unrelated check; null: no token verified. */
  reason: string | null;
  /** The WWW-Authenticate error code, or null for a bare challenge. */
  error: 'invalid_token' | 'insufficient_scope' | 'invalid_request' | null;
  path?: string;
}

const bearer = (token: string) => `Bearer ${token}`;
const publicPem = () => createPublicKey(gw.keySet.signing.privateKey).export({ format: 'pem', type: 'spki' }).toString();

const cases: BadCase[] = [
  { name: 'no credentials', authorization: () => undefined, reason: null, status: 401, error: null },
  { name: 'an empty Authorization header', authorization: () => '', reason: 'malformed', status: 401, error: 'invalid_token' },
  { name: 'wrong scheme: Basic', authorization: () => 'Basic c2VjcmV0LWNvOnNlY3JldA==', reason: null, status: 401, error: null },
  { name: 'wrong scheme: Token', authorization: () => `Token ${production}`, reason: null, status: 401, error: null },
  { name: 'wrong scheme on an open API', authorization: () => 'Basic c2VjcmV0LWNvOnNlY3JldA==', reason: null, status: 401, error: null, path: '/open/v1/items/1' },
  { name: '"Bearer" with no token', authorization: () => 'Bearer', reason: 'malformed', status: 401, error: 'invalid_token' },
  { name: 'garbage', authorization: () => bearer('garbage'), reason: 'malformed', status: 401, error: 'invalid_token' },
  { name: 'garbage on an open API (never downgraded to anonymous)', authorization: () => bearer('garbage'), reason: 'malformed', status: 401, error: 'invalid_token', path: '/open/v1/items/1' },
  { name: 'two segments', authorization: () => bearer(production.split('.').slice(0, 2).join('.')), reason: 'malformed', status: 401, error: 'invalid_token' },
  { name: 'four segments', authorization: () => bearer(`${production}.AAAA`), reason: 'malformed', status: 401, error: 'invalid_token' },
  { name: 'a valid token followed by junk', authorization: () => `Bearer ${production} extra`, reason: 'malformed', status: 401, error: 'invalid_token' },
  { name: 'alg: none, no signature', authorization: () => bearer(`${b64({ alg: 'none', kid: gw.keySet.signing.kid, typ: 'at+jwt' })}.${b64(valid())}.`), reason: 'malformed', status: 401, error: 'invalid_token' },
  { name: 'alg: none, with a signature segment', authorization: () => bearer(`${b64({ alg: 'none', kid: gw.keySet.signing.kid, typ: 'at+jwt' })}.${b64(valid())}.c2ln`), reason: 'algorithm', status: 401, error: 'invalid_token' },
  { name: 'HS256 keyed with our public key (PEM)', authorization: async () => bearer(await signedBy(new TextEncoder().encode(publicPem()), { ...ourHeader(), alg: 'HS256' })), reason: 'algorithm', status: 401, error: 'invalid_token' },
  { name: 'HS256 keyed with our public JWK JSON', authorization: async () => bearer(await signedBy(new TextEncoder().encode(JSON.stringify(gw.keySet.jwks.keys[0])), { ...ourHeader(), alg: 'HS256' })), reason: 'algorithm', status: 401, error: 'invalid_token' },
  { name: 'RS256 claimed for our EC kid', authorization: async () => bearer(await signedBy(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, { ...ourHeader(), alg: 'RS256' })), reason: 'algorithm', status: 401, error: 'invalid_token' },
  { name: 'expired beyond the clock skew', authorization: () => bearer(ours({ ...valid(), iat: S - 7200, nbf: S - 7200, exp: S - 61 })), reason: 'expired', status: 401, error: 'invalid_token' },
  { name: 'nbf in the future beyond the skew', authorization: () => bearer(ours({ ...valid(), nbf: S + 120 })), reason: 'not-yet-valid', status: 401, error: 'invalid_token' },
  { name: 'iat in the future beyond the skew', authorization: () => bearer(ours({ ...valid(), iat: S + 600 })), reason: 'claims', status: 401, error: 'invalid_token' },
  { name: 'wrong iss', authorization: () => bearer(ours({ ...valid(), iss: 'https://evil.test' })), reason: 'issuer', status: 401, error: 'invalid_token' },
  { name: 'wrong aud', authorization: () => bearer(ours({ ...valid(), aud: 'someone-else' })), reason: 'audience', status: 401, error: 'invalid_token' },
  { name: 'no exp', authorization: () => bearer(ours({ ...valid(), exp: undefined })), reason: 'claims', status: 401, error: 'invalid_token' },
  { name: 'typ JWT instead of at+jwt', authorization: () => bearer(ours(valid(), 'JWT')), reason: 'type', status: 401, error: 'invalid_token' },
  { name: 'our upstream assertion replayed as an access token', authorization: () => bearer(upstreamAssertion), reason: 'type', status: 401, error: 'invalid_token' },
  { name: 'unknown kid (a stranger key)', authorization: async () => bearer(await signedBy(stranger.privateKey, { ...ourHeader(), kid: 'stranger-1' })), reason: 'unknown-key', status: 401, error: 'invalid_token' },
  { name: 'no kid', authorization: async () => bearer(await signedBy(stranger.privateKey, { alg: 'ES256', typ: 'at+jwt' })), reason: 'unknown-key', status: 401, error: 'invalid_token' },
  { name: "a stranger's key with our kid", authorization: async () => bearer(await signedBy(stranger.privateKey, ourHeader())), reason: 'signature', status: 401, error: 'invalid_token' },
  { name: 'tampered payload (scope widened to *)', authorization: () => bearer(swapPayload(production, { ...JSON.parse(Buffer.from(production.split('.')[1]!, 'base64url').toString()), scope: '*' })), reason: 'signature', status: 401, error: 'invalid_token' },
  { name: 'tampered payload (sandbox turned production)', authorization: () => bearer(swapPayload(sandboxOthersOnly, { ...JSON.parse(Buffer.from(sandboxOthersOnly.split('.')[1]!, 'base64url').toString()), env: 'production', scope: 'things' })), reason: 'signature', status: 401, error: 'invalid_token' },
  { name: 'tampered signature', authorization: () => bearer(flipSignature(production)), reason: 'signature', status: 401, error: 'invalid_token' },
  { name: 'jku pointing elsewhere', authorization: async () => bearer(await signedBy(stranger.privateKey, { ...ourHeader(), jku: 'https://evil.test/jwks.json' })), reason: 'header', status: 401, error: 'invalid_token' },
  { name: 'x5u pointing elsewhere', authorization: async () => bearer(await signedBy(stranger.privateKey, { ...ourHeader(), x5u: 'https://evil.test/cert.pem' })), reason: 'header', status: 401, error: 'invalid_token' },
  { name: "an embedded jwk (the signer's own key)", authorization: async () => bearer(await signedBy(stranger.privateKey, { ...ourHeader(), jwk: await exportJWK(stranger.publicKey) })), reason: 'header', status: 401, error: 'invalid_token' },
  { name: 'our signature with a crit header', authorization: () => bearer(swapHeader(ours(valid()), { ...ourHeader(), crit: ['exp'] })), reason: 'header', status: 401, error: 'invalid_token' },
  { name: 'a signed payload that is not JSON', authorization: () => bearer(signRaw(`${b64(ourHeader())}.${b64('not json')}`)), reason: 'malformed', status: 401, error: 'invalid_token' },
  { name: 'a sandbox token with an unbounded scope, signed by us', authorization: () => bearer(ours({ ...valid(), env: 'sandbox', plan: 'sandbox', scope: '*' })), reason: 'claims', status: 401, error: 'invalid_token' },
  { name: 'a revoked token', authorization: () => bearer(revoked), reason: 'revoked', status: 401, error: 'invalid_token' },
  { name: 'an oversized token (9 KB)', authorization: () => bearer(ours({ ...valid(), pad: 'x'.repeat(9 * 1024) })), reason: 'oversized', status: 401, error: 'invalid_token' },
  { name: 'a sandbox token for an API outside its scope', authorization: () => bearer(sandboxOthersOnly), reason: null, status: 403, error: 'insufficient_scope' },
  { name: 'a production token for an API outside its scope', authorization: () => bearer(production), reason: null, status: 403, error: 'insufficient_scope', path: '/others/v1/items/1' },
];

function swapHeader(token: string, header: Record<string, unknown>): string {
  return signRaw(`${b64(header)}.${token.split('.')[1]}`);
}
/** Signs an arbitrary signing input with our key, so only the checks after the signature can catch it. */
function signRaw(input: string): string {
  const signature = nodeSign('sha256', Buffer.from(input), { key: gw.keySet.signing.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

describe('bad tokens', () => {
  it(`has at least 30 crafted cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('a good production token still works (control)', async () => {
    const before = upstream.received.length;
    expect((await request(gw.app).get('/things/v1/items/1').set('Authorization', bearer(production))).status).toBe(200);
    expect(upstream.received.length).toBe(before + 1);
  });

  it.each(cases)('refuses $name with $status', async (c) => {
    const before = upstream.received.length;
    const logsBefore = gw.log.lines.length;
    const authorization = await c.authorization();
    const pending = request(gw.app).get(c.path ?? '/things/v1/items/1');
    if (authorization !== undefined) pending.set('Authorization', authorization);
    const res = await pending;
    expect(res.status).toBe(c.status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const challenge = String(res.headers['www-authenticate']);
    if (c.error === null) expect(challenge).toBe('Bearer realm="portico"');
    else expect(challenge).toMatch(new RegExp(`^Bearer realm="portico", error="${c.error}", error_description="[^"]+"$`));
    // RFC 6750 lets a client learn "expired"; nothing else says which part of the token was wrong.
    if (c.error === 'invalid_token') expect(challenge).toMatch(/error_description="The access token (is invalid|expired)"/);
    expect(upstream.received.length).toBe(before);
    const reasons = gw.log.lines.slice(logsBefore).filter((l) => l.msg === 'access token refused').map((l) => l.reason);
    expect(reasons).toEqual(c.reason === null ? [] : [c.reason]);
  });

  it('refuses a token in the query string (RAC_GEN_004) with 400, on closed and open APIs', async () => {
    const before = upstream.received.length;
    for (const path of [`/things/v1/items/1?access_token=${production}`, `/open/v1/items/1?x=1&access_token=${production}`]) {
      const res = await request(gw.app).get(path);
      expect(res.status).toBe(400);
      expect(res.headers['www-authenticate']).toMatch(/error="invalid_request"/);
    }
    expect(upstream.received.length).toBe(before);
  });

  it('refuses a replayed client assertion at the token endpoint', async () => {
    const assertion = await clientAssertion(fixtures.key, 'keyed-co', `${ISSUER}/oauth/token`, T0);
    const form = { grant_type: 'client_credentials', client_assertion_type: JWT_BEARER_ASSERTION, client_assertion: assertion };
    expect((await request(gw.app).post('/oauth/token').type('form').send(form)).status).toBe(200);
    const replay = await request(gw.app).post('/oauth/token').type('form').send(form);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toBe('invalid_client');
  });

  it('rejects a 12 KB garbage token as oversized, before any parsing', async () => {
    const token = 'A'.repeat(12 * 1024);
    const before = gw.log.lines.length;
    expect((await request(gw.app).get('/things/v1/items/1').set('Authorization', bearer(token))).status).toBe(401);
    expect(gw.log.lines.slice(before).map((l) => l.reason)).toContain('oversized');
  });

  it('let none of them reach the upstream: only the control call and nothing else', () => {
    expect(upstream.received.filter((r) => r.headers['portico-consumer'] === undefined)).toEqual([]);
  });
});
