// The consumer-side tools a README reader uses: `portico client-key`, `client-assertion` and `hash-secret`, end to end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsumerConfig } from '../../../src/config/consumer-schema.js';
import { JWT_BEARER_ASSERTION } from '../../../src/tokens/client-authentication.js';
import { buildTokenGateway, frozenClock, type TokenGateway } from '../../helpers/token-kit.js';
import { startRecordingUpstream, type RecordingUpstream } from '../../helpers/recording-upstream.js';

const ISSUER = 'https://gateway.test';

function portico(args: string[], input?: string): string {
  const result = spawnSync(process.execPath, ['bin/portico.js', ...args], { encoding: 'utf8', timeout: 20_000, input });
  if (result.status !== 0) throw new Error(`portico ${args[0]} failed: ${result.stderr}`);
  return result.stdout;
}

let upstream: RecordingUpstream;
let gw: TokenGateway;
let keyFile: string;
let secret: string;

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  const pair = JSON.parse(portico(['client-key'])) as { private: { keys: object[] }; public: Record<string, unknown> };
  expect(pair.public).not.toHaveProperty('d');
  keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'portico-client-')), 'private.json');
  writeFileSync(keyFile, JSON.stringify(pair.private), { mode: 0o600 });
  const made = JSON.parse(portico(['hash-secret'])) as { clientSecret: string; secretHash: string };
  secret = made.clientSecret;
  const consumers: ConsumerConfig[] = [
    { clientId: 'tool-co', name: 'Tool Co', plan: 'standard', apis: ['things'], jwk: pair.public as ConsumerConfig['jwk'], secretHash: made.secretHash, disabled: false },
  ];
  gw = await buildTokenGateway({
    apis: [{ id: 'things', openapi: 'openapi-mini/proxy-test.openapi.yaml', upstreamUrl: upstream.url }],
    consumers,
    clock: frozenClock(Date.now()), // the CLI signs with the real clock
  });
});
afterAll(async () => {
  gw.close();
  await upstream.close();
});

describe('consumer tools', () => {
  it('a key from client-key and an assertion from client-assertion get a production token that reaches the upstream', async () => {
    const assertion = portico(['client-assertion', '--client-id', 'tool-co', '--key', keyFile, '--audience', `${ISSUER}/oauth/token`]).trim();
    const res = await request(gw.app)
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_assertion_type: JWT_BEARER_ASSERTION, client_assertion: assertion });
    expect(res.status).toBe(200);
    const call = await request(gw.app).get('/things/v1/items/7').set('Authorization', `Bearer ${res.body.access_token}`);
    expect(call.status).toBe(200);
    expect(upstream.received.at(-1)?.headers['portico-consumer']).toEqual(expect.any(String));
  });

  it('the secret from hash-secret works with client_secret_basic, and hash-secret --stdin hashes a chosen secret', async () => {
    const res = await request(gw.app).post('/oauth/token').auth('tool-co', secret).type('form').send({ grant_type: 'client_credentials' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', scope: 'things' });
    expect(portico(['hash-secret', '--stdin'], 'a chosen secret of enough length\n').trim()).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
  });
});
