// "A sandbox token never reaches an upstream", aimed at every operation of every API in the repo's config/
// (real documents), with their upstreams pointed at one recording upstream that counts what arrives.
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { loadRegistry } from '../../../src/registry/load-registry.js';
import { startRecordingUpstream, type RecordingUpstream } from '../../helpers/recording-upstream.js';
import { buildTokenGateway, FAST_SCRYPT, type TokenGateway } from '../../helpers/token-kit.js';
import { hashSecret } from '../../../src/tokens/client-secret.js';
import { loadMockEngines } from '../../../src/mock/load-mock-engines.js';
import { createMockHandler } from '../../../src/mock/mock-handler.js';

const CONFIG_DIR = path.resolve(import.meta.dirname, '../../../config');

let upstream: RecordingUpstream;
let gw: TokenGateway;

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  const config = loadConfig(CONFIG_DIR, { IMPRESE_UPSTREAM_URL: upstream.url, ANAGRAFE_UPSTREAM_URL: upstream.url, INDIRIZZI_UPSTREAM_URL: upstream.url });
  const { registry } = await loadRegistry(config);
  const secretHash = await hashSecret('s3cret', FAST_SCRYPT);
  gw = await buildTokenGateway({
    registry,
    sandbox: createMockHandler(loadMockEngines(registry, { mocksDir: path.resolve(CONFIG_DIR, '../mocks'), defaultLocale: 'en' })),
    consumers: [{ clientId: 'everything-co', name: 'Everything', plan: 'standard', apis: ['*'], secretHash, disabled: false }],
  });
});
afterAll(async () => {
  gw.close();
  await upstream.close();
});

/** One concrete request per declared operation: path parameters filled with a plausible value, a JSON body where one may go. */
function requestsForEveryOperation(): { apiId: string; method: string; url: string }[] {
  return gw.registry.apis.flatMap((api) =>
    api.document.operations.map((op) => ({
      apiId: api.id,
      method: op.method.toUpperCase(),
      url: `/${api.id}/${api.config.version}${op.pathTemplate.replace(/\{[^}]+\}/g, 'RSSMRA80A01H501U')}?q=via+roma&lat=45.46&lon=9.19`,
    })),
  );
}

async function send(method: string, url: string, token: string) {
  const pending = request(gw.app)[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url).set('Authorization', `Bearer ${token}`);
  return ['POST', 'PUT', 'PATCH'].includes(method) ? pending.send({ codiceFiscale: 'RSSMRA80A01H501U' }) : pending;
}

describe('sandbox switch over the repo config', () => {
  it('covers the three configured APIs', () => {
    expect(gw.registry.apis.map((a) => a.id).sort()).toEqual(['anagrafe', 'imprese', 'indirizzi']);
    expect(requestsForEveryOperation().length).toBeGreaterThanOrEqual(9);
  });

  it('a production token does reach the upstream of every API (so the zero below means something)', async () => {
    const token = (await request(gw.app).post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: 'everything-co', client_secret: 's3cret' })).body.access_token as string;
    const before = upstream.received.length;
    const calls = requestsForEveryOperation();
    for (const call of calls) expect((await send(call.method, call.url, token)).status, `${call.method} ${call.url}`).toBeLessThan(500);
    expect(upstream.received.length).toBe(before + calls.length);
    expect(upstream.received.slice(before).every((r) => typeof r.headers['portico-consumer'] === 'string')).toBe(true);
  });

  it('sandbox tokens, default scope or one API at a time, on every operation: answered by the mock engine, 0 requests upstream', async () => {
    const before = upstream.received.length;
    const everything = (await request(gw.app).post('/sandbox/tokens')).body;
    expect(everything.scope.split(' ').sort()).toEqual(['anagrafe', 'imprese', 'indirizzi']);
    const calls = requestsForEveryOperation();
    for (const call of calls) {
      const single = (await request(gw.app).post('/sandbox/tokens').send({ apis: [call.apiId] })).body.access_token as string;
      for (const token of [everything.access_token as string, single]) {
        const res = await send(call.method, call.url, token);
        // 2xx for a valid request, the document's own 4xx for one the mock finds invalid; never the 501 seam or a 5xx
        expect(res.status, `${call.method} ${call.url}`).toBeLessThan(500);
      }
    }
    expect(upstream.received.length).toBe(before);
  });
});
