// The production route through a real local upstream: paths, headers, streaming, failures, request ids.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Authenticator } from '../../../src/pipeline/authenticator.js';
import type { Principal } from '../../../src/pipeline/principal.js';
import { buildTestGateway, type TestGateway } from '../../helpers/test-gateway.js';
import { closedPort, startRecordingUpstream, type RecordingUpstream } from '../../helpers/recording-upstream.js';

const DOC = 'openapi-mini/proxy-test.openapi.yaml';

const MB = 1024 * 1024;

/** Accepts `Bearer prod-*` as production and `Bearer sandbox-*` as sandbox: the token feature is tested elsewhere. */
const fakeTokens: Authenticator = {
  async authenticate(req) {
    const auth = String(req.headers.authorization ?? '');
    const env = auth.startsWith('Bearer sandbox-') ? 'sandbox' : 'production';
    const principal: Principal = { consumerId: auth ? 'consumer-1' : 'anonymous', env, plan: 'standard', apis: '*' };
    return principal;
  },
};

let upstream: RecordingUpstream;
let gw: TestGateway;
let server: http.Server;
let base: string;

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  const down = await closedPort();
  gw = await buildTestGateway(
    [
      { id: 'things', openapi: DOC, upstreamUrl: `${upstream.url}/base/path/`, timeoutMs: 400 },
      { id: 'gone', openapi: DOC, upstreamUrl: `http://127.0.0.1:${down}` },
    ],
    { authenticator: fakeTokens },
  );
  server = http.createServer(gw.app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  gw.close();
  await upstream.close();
});

function lastReceived() {
  const last = upstream.received.at(-1);
  if (!last) throw new Error('nothing reached the upstream');
  return last;
}

describe('production proxy', () => {
  it('rewrites the path onto the upstream base, keeps the query, passes status and headers through', async () => {
    const res = await request(gw.app).get('/things/v1/items/a%2Fb?x=1&y=%C3%A9').set('Authorization', 'Bearer prod-1');
    expect(res.status).toBe(200);
    expect(res.headers['x-upstream']).toBe('yes');
    expect(lastReceived().url).toBe('/base/path/items/a%2Fb?x=1&y=%C3%A9');
    expect(lastReceived().method).toBe('GET');

    for (const code of [201, 404, 418, 500]) {
      const answered = await request(gw.app).get(`/things/v1/status/${code}`).set('Authorization', 'Bearer prod-1');
      expect(answered.status).toBe(code);
      expect(answered.headers['x-upstream']).toBe('yes');
    }
    const deleted = await request(gw.app).delete('/things/v1/items/9').set('Authorization', 'Bearer prod-1');
    expect(deleted.status).toBe(200);
    expect(lastReceived().method).toBe('DELETE');
  });

  it('generates a request id, echoes it and sends the same one upstream; keeps a sane client id, replaces an insane one', async () => {
    const generated = await request(gw.app).get('/things/v1/items/1');
    const id = generated.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lastReceived().headers['x-request-id']).toBe(id);

    const kept = await request(gw.app).get('/things/v1/items/1').set('X-Request-ID', 'client-trace-0001');
    expect(kept.headers['x-request-id']).toBe('client-trace-0001');
    expect(lastReceived().headers['x-request-id']).toBe('client-trace-0001');

    const replaced = await request(gw.app).get('/things/v1/items/1').set('X-Request-ID', '<script>alert(1)</script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lastReceived().headers['x-request-id']).toBe(replaced.headers['x-request-id']);
  });

  it('drops hop-by-hop and credential headers and sets X-Forwarded-* itself', async () => {
    const res = await request(gw.app)
      .get('/things/v1/items/1')
      .set('Authorization', 'Bearer prod-secret')
      .set('Proxy-Authorization', 'Basic Zm9vOmJhcg==')
      .set('Connection', 'keep-alive, X-Hop')
      .set('X-Hop', 'per-connection')
      .set('Keep-Alive', 'timeout=5')
      .set('TE', 'trailers')
      .set('X-Forwarded-For', '6.6.6.6')
      .set('X-Forwarded-Host', 'evil.example')
      .set('Portico-Consumer', 'forged')
      .set('Host', 'gateway.example:8080')
      .set('X-Custom', 'kept');
    expect(res.status).toBe(200);
    const headers = lastReceived().headers;
    for (const name of ['authorization', 'proxy-authorization', 'x-hop', 'keep-alive', 'te', 'portico-consumer']) {
      expect(headers[name], name).toBeUndefined();
    }
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(headers['x-forwarded-host']).toBe('gateway.example:8080');
    expect(headers.host).toBe(new URL(upstream.url).host);
    expect(headers['x-custom']).toBe('kept');
    // response side: the upstream's hop-by-hop headers and its own request id do not reach the client
    expect(res.headers['x-upstream-hop']).toBeUndefined();
    expect(res.headers['keep-alive']).toBeUndefined();
    expect(res.headers['x-request-id']).not.toBe('upstream-made-this-up');
  });

  it('streams a 20 MB upload: the upstream reads bytes before the client has sent them all, (memory: see process.test.ts)', async () => {
    const url = new URL('/things/v1/upload', base);
    const req = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', Authorization: 'Bearer prod-1' } });
    const responded = once(req, 'response') as Promise<[http.IncomingMessage]>;
    const chunk = Buffer.alloc(256 * 1024, 1);
    for (let sent = 0; sent < 20 * MB; sent += chunk.length) {
      if (sent === 2 * MB) await upstream.uploadProgress(MB); // proof of streaming: the upstream already holds the first MB
      if (!req.write(chunk)) await once(req, 'drain');
    }
    req.end();
    const [res] = await responded;
    const body = JSON.parse(await text(res)) as { bytes: number };
    expect(res.statusCode).toBe(200);
    expect(body.bytes).toBe(20 * MB);
  });

  it('streams a 20 MB download: the client gets bytes before the upstream has produced them all', async () => {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get(new URL('/things/v1/download?mb=20', base), { headers: { Authorization: 'Bearer prod-1' } }, resolve).on('error', reject),
    );
    expect(res.statusCode).toBe(200);
    let received = 0;
    let released = false;
    for await (const chunk of res) {
      received += (chunk as Buffer).length;
      if (!released && received >= 512 * 1024) {
        released = true; // the upstream paused after 1 MB; we are already reading: nothing was buffered whole
        upstream.releaseDownload();
      }
    }
    expect(released).toBe(true);
    expect(received).toBe(20 * MB);
  });

  it('answers 502 problem+json when the upstream refuses the connection', async () => {
    const res = await request(gw.app).get('/gone/v1/items/1');
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'https://portico.dev/problems/bad-gateway', status: 502, instance: res.headers['x-request-id'] });
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|at .*\.js|127\.0\.0\.1/);
  });

  it('answers 502 when the upstream resets the connection, and 504 when it stays silent past the API timeout', async () => {
    const reset = await request(gw.app).get('/things/v1/reset');
    expect(reset.status).toBe(502);
    const started = Date.now();
    const slow = await request(gw.app).get('/things/v1/slow');
    expect(slow.status).toBe(504);
    expect(slow.body).toMatchObject({ type: 'https://portico.dev/problems/gateway-timeout', status: 504 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    // An answer that comes late but within the timeout is not cut.
    const late = await request(gw.app).get('/things/v1/slow?ms=150');
    expect(late.status).toBe(200);
    expect(JSON.parse(late.text)).toEqual({ late: 150 });
  });

  it('cuts a response whose body stalls past the API timeout (the headers were already sent, so the client sees it end early)', async () => {
    const started = Date.now();
    const outcome = await new Promise<string>((resolve) => {
      const req = http.get(`${base}/things/v1/stall`, (res) => {
        expect(res.statusCode).toBe(200);
        res.resume();
        res.on('end', () => resolve('ended'));
        res.on('aborted', () => resolve('aborted'));
        res.on('error', () => resolve('aborted'));
      });
      req.on('error', () => resolve('aborted'));
    });
    expect(outcome).toBe('aborted');
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(380);
    expect(took).toBeLessThan(5_000);
  });

  it('never sends a sandbox principal upstream', async () => {
    const before = upstream.received.length;
    const res = await request(gw.app).get('/things/v1/items/1').set('Authorization', 'Bearer sandbox-1');
    expect(res.status).toBe(501);
    expect(res.body.type).toBe('https://portico.dev/problems/sandbox-unavailable');
    expect(upstream.received.length).toBe(before);
  });
});

async function text(res: http.IncomingMessage): Promise<string> {
  let out = '';
  for await (const chunk of res) out += String(chunk);
  return out;
}
