// The stages around dispatch: routing problems, authentication seam, /status, and the access log.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestGateway, type TestGateway } from '../../helpers/test-gateway.js';
import { closedPort, startRecordingUpstream, type RecordingUpstream } from '../../helpers/recording-upstream.js';
import { createRedisStore } from '../../../src/store/redis-store.js';

const DOC = 'openapi-mini/proxy-test.openapi.yaml';
let upstream: RecordingUpstream;
let gw: TestGateway;

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  gw = await buildTestGateway([
    { id: 'open-api', openapi: DOC, upstreamUrl: upstream.url, access: 'open' },
    { id: 'closed-api', openapi: DOC, upstreamUrl: upstream.url, access: 'token' },
  ]);
});
afterAll(async () => {
  gw.close();
  await upstream.close();
});

function expectProblem(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: `https://portico.dev/problems/${code}`, status, instance: res.headers['x-request-id'] });
  expect(typeof res.body.title).toBe('string');
  expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at /);
}

describe('routing', () => {
  it('answers 404 problems for an unknown API, an unknown version and an unknown path', async () => {
    expectProblem(await request(gw.app).get('/nope/v1/items/1'), 404, 'not-found');
    expectProblem(await request(gw.app).get('/open-api/v2/items/1'), 404, 'api-not-found');
    expectProblem(await request(gw.app).get('/open-api/v1/nothing/here'), 404, 'operation-not-found');
    expectProblem(await request(gw.app).get('/'), 404, 'not-found');
  });

  it('answers 405 with Allow for a known path and a wrong method', async () => {
    const res = await request(gw.app).put('/open-api/v1/items/1');
    expectProblem(res, 405, 'method-not-allowed');
    expect(String(res.headers.allow).split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD']);
  });

  it('refuses dot segments that could walk out of the upstream base path', async () => {
    const before = upstream.received.length;
    for (const path of ['/open-api/v1/items/..', '/open-api/v1/items/%2e%2e/x', '/open-api/v1/./items', '/open-api/v1/items/%2E%2E']) {
      expectProblem(await request(gw.app).get(path), 400, 'bad-request');
    }
    expect(upstream.received.length).toBe(before);
  });
});

describe('authentication seam', () => {
  it('lets anyone call an open API and asks for a bearer token elsewhere', async () => {
    expect((await request(gw.app).get('/open-api/v1/items/1')).status).toBe(200);
    const res = await request(gw.app).get('/closed-api/v1/items/1');
    expectProblem(res, 401, 'unauthorized');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="portico"');
  });
});

describe('GET /status', () => {
  it('answers 200 application/problem+json when the store answers', async () => {
    const res = await request(gw.app).get('/status');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({ status: 200, title: 'OK' });
  });

  it('answers 503 with Retry-After when the store is unreachable', async () => {
    const store = createRedisStore({ url: `redis://127.0.0.1:${await closedPort()}`, connectTimeoutMs: 200, commandTimeoutMs: 300 });
    const down = await buildTestGateway([{ id: 'open-api', openapi: DOC, upstreamUrl: upstream.url }], { store });
    try {
      const res = await request(down.app).get('/status');
      expectProblem(res, 503, 'service-unavailable');
      expect(res.headers['retry-after']).toBe('5');
    } finally {
      down.close();
      await store.close();
    }
  });
});

describe('access log', () => {
  it('writes one JSON line per request with the fields of RAC_GEN_LOG_01 and no secrets or concrete paths', async () => {
    gw.log.lines.length = 0;
    await request(gw.app).get('/open-api/v1/items/RSSMRA85T10A562S?token=abc').set('X-Request-ID', 'trace-000001');
    await request(gw.app).get('/closed-api/v1/items/1').set('Authorization', 'Bearer eyJsecret.token.value');
    // Under an API's prefix but routed nowhere (unknown operation; wrong version): no concrete path either.
    await request(gw.app).get('/open-api/v1/people/RSSMRA85T10A562S');
    await request(gw.app).get('/open-api/v9/items/RSSMRA85T10A562S');
    const entries = gw.log.lines.filter((l) => l.msg === 'request');
    expect(entries).toHaveLength(4);
    const [ok, refused, unknown, wrongVersion] = entries;
    expect(unknown).toMatchObject({ status: 404, path: '/open-api/…' });
    expect(wrongVersion).toMatchObject({ status: 404, path: '/open-api/…' });
    expect(ok).toMatchObject({
      level: 'info',
      reqId: 'trace-000001',
      method: 'GET',
      api: 'open-api',
      apiVersion: 'v1',
      operation: 'getItem',
      path: '/open-api/v1/items/{id}',
      consumer: 'anonymous',
      env: 'production',
      status: 200,
    });
    expect(ok!.ip).toMatch(/127\.0\.0\.1/);
    expect(String(ok!.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(typeof ok!.latencyMs).toBe('number');
    expect(typeof ok!.upstreamLatencyMs).toBe('number');
    expect(refused).toMatchObject({ status: 401, api: 'closed-api', operation: 'getItem' });
    expect(refused!.upstreamLatencyMs).toBeUndefined();
    const raw = gw.log.raw.join('');
    expect(raw).not.toContain('RSSMRA85T10A562S');
    expect(raw).not.toContain('token=abc');
    expect(raw).not.toContain('eyJsecret');
  });
});
