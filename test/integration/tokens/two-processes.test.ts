// Two real `portico start` processes sharing one keys file (SIGNING_KEYS_FILE): a token issued by one is accepted by the other.
// A third process with its own generated key refuses it. Needs main.ts to build the token feature (see the tokens report).
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../../src/tokens/client-secret.js';
import { generateSigningJwk } from '../../../src/tokens/key-set.js';
import { UPSTREAM_ASSERTION_TYP } from '../../../src/tokens/upstream-assertion.js';
import { startGatewayProcess, type GatewayProcess } from '../../helpers/gateway-process.js';
import { startRecordingUpstream, type RecordingUpstream } from '../../helpers/recording-upstream.js';
import { FAST_SCRYPT } from '../../helpers/token-kit.js';
import { FIXTURES } from '../../helpers/test-gateway.js';

const DOC = path.join(FIXTURES, 'openapi-mini/proxy-test.openapi.yaml');
const ISSUER = 'http://portico.test';

let upstream: RecordingUpstream;
let a: GatewayProcess;
let b: GatewayProcess;
let stranger: GatewayProcess;

function gatewayYaml(dataDir: string): string {
  return [
    'listeners:',
    '  public: { host: 127.0.0.1, port: 0 }',
    'shutdown: { graceMs: 3000 }',
    'plans:',
    '  standard: {}',
    'tokens:',
    `  issuer: ${ISSUER}`,
    `  dataDir: ${JSON.stringify(dataDir)}`,
    '',
  ].join('\n');
}

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-shared-keys-'));
  const keysFile = path.join(dir, 'signing-keys.json');
  writeFileSync(keysFile, JSON.stringify({ keys: [generateSigningJwk('ES256')] }), { mode: 0o600 });
  chmodSync(keysFile, 0o600);
  const consumers = [
    'consumers:',
    '  - clientId: acme',
    '    name: Acme',
    '    plan: standard',
    '    apis: [things]',
    `    secretHash: "${await hashSecret('s3cret', FAST_SCRYPT)}"`,
    '',
  ].join('\n');
  const common = { apis: [{ id: 'things', openapi: DOC, upstreamUrl: upstream.url, access: 'token' }], files: { 'consumers.yaml': consumers } };
  [a, b, stranger] = await Promise.all([
    startGatewayProcess({ ...common, gatewayYaml: gatewayYaml(path.join(dir, 'unused-a')), env: { SIGNING_KEYS_FILE: keysFile } }),
    startGatewayProcess({ ...common, gatewayYaml: gatewayYaml(path.join(dir, 'unused-b')), env: { SIGNING_KEYS_FILE: keysFile } }),
    startGatewayProcess({ ...common, gatewayYaml: gatewayYaml(path.join(dir, 'own-key')) }),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), stranger?.stop()]);
  await upstream?.close();
});

async function json(url: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('two gateway processes sharing SIGNING_KEYS_FILE', () => {
  it('publish the same JWKS; a third process with its own key publishes another', async () => {
    const answers = await Promise.all([a, b, stranger].map((g) => json(`${g.url}/.well-known/jwks.json`)));
    expect(answers.map((r) => r.status), 'GET /.well-known/jwks.json: is the token feature wired into main.ts?').toEqual([200, 200, 200]);
    const [ja, jb, js] = answers.map((r) => r.body);
    expect(ja).toEqual(jb);
    expect(js).not.toEqual(ja);
  });

  it('a sandbox token from A is accepted by B (answered by its sandbox) and refused by the stranger (401)', async () => {
    const issued = await json(`${a.url}/sandbox/tokens`, { method: 'POST' });
    expect(issued.status).toBe(201);
    const auth = { headers: { Authorization: `Bearer ${String(issued.body.access_token)}` } };
    const before = upstream.received.length;
    expect((await fetch(`${b.url}/things/v1/items/1`, auth)).status).toBe(200);
    expect((await fetch(`${stranger.url}/things/v1/items/1`, auth)).status).toBe(401);
    expect(upstream.received.length).toBe(before);
  });

  it('a production token from B is accepted by A, whose upstream call carries an assertion verifiable with B’s JWKS', async () => {
    const issued = await json(`${b.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'acme', client_secret: 's3cret' }),
    });
    expect(issued.status).toBe(200);
    const res = await fetch(`${a.url}/things/v1/items/1`, { headers: { Authorization: `Bearer ${String(issued.body.access_token)}` } });
    expect(res.status).toBe(200);
    const assertion = String(upstream.received.at(-1)?.headers['portico-consumer']);
    const jwks = (await json(`${b.url}/.well-known/jwks.json`)).body as unknown as JSONWebKeySet;
    const { payload } = await jwtVerify(assertion, createLocalJWKSet(jwks), { issuer: ISSUER, audience: 'things', typ: UPSTREAM_ASSERTION_TYP });
    expect(payload.sub).toBe('acme');
  });
});
