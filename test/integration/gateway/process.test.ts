// The real `portico start` process: flat memory while streaming 20 MB each way, graceful SIGTERM, config errors.
import http from 'node:http';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from '../../helpers/gateway-process.js';
import { startRecordingUpstream, type RecordingUpstream } from '../../helpers/recording-upstream.js';
import { FIXTURES } from '../../helpers/test-gateway.js';

const MB = 1024 * 1024;
const DOC = path.join(FIXTURES, 'openapi-mini/proxy-test.openapi.yaml');

let upstream: RecordingUpstream;
beforeAll(async () => {
  upstream = await startRecordingUpstream();
});
afterAll(async () => {
  await upstream.close();
});

describe('streaming memory of the gateway process', () => {
  let gw: GatewayProcess;
  beforeAll(async () => {
    // RSS mostly shows garbage awaiting collection; the sampler measures what the gateway still holds after a full GC.
    gw = await startGatewayProcess({
      apis: [{ id: 'things', openapi: DOC, upstreamUrl: upstream.url }],
      nodeArgs: ['--expose-gc', '--import', path.resolve(import.meta.dirname, '../../helpers/memory-sampler.mjs')],
    });
  });
  afterAll(async () => {
    await gw.stop();
  });

  async function upload(mb: number): Promise<void> {
    const req = http.request(`${gw.url}/things/v1/upload`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' } });
    const responded = once(req, 'response') as Promise<[http.IncomingMessage]>;
    const chunk = Buffer.alloc(256 * 1024, 1);
    for (let sent = 0; sent < mb * MB; sent += chunk.length) if (!req.write(chunk)) await once(req, 'drain');
    req.end();
    const [res] = await responded;
    let body = '';
    for await (const c of res) body += String(c);
    expect(JSON.parse(body)).toEqual({ bytes: mb * MB });
  }

  async function download(mb: number): Promise<void> {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(`${gw.url}/things/v1/download?mb=${mb}`, resolve).on('error', reject));
    let received = 0;
    let released = false;
    for await (const c of res) {
      received += (c as Buffer).length;
      if (!released && received >= 512 * 1024) {
        released = true;
        upstream.releaseDownload();
      }
    }
    expect(received).toBe(mb * MB);
  }

  it('stays flat while a 20 MB body streams up and a 20 MB body streams down', async () => {
    await upload(1);
    await download(1);
    // Two rounds each way, keeping the smaller growth: in-flight buffers vary from run to run (+2 to +14 MB seen),
    // while a gateway holding the body would add at least 20 MB in every round.
    const grow = async (transfer: () => Promise<void>): Promise<number> => {
      const growths: number[] = [];
      for (let round = 0; round < 2; round++) {
        const baseline = await retainedPeak(gw);
        await transfer();
        growths.push((await retainedPeak(gw)) - baseline);
      }
      return Math.min(...growths);
    };
    const up = await grow(() => upload(20));
    const down = await grow(() => download(20));
    console.log(`gateway memory held while streaming 20 MB: up +${(up / MB).toFixed(1)} MB, down +${(down / MB).toFixed(1)} MB (after GC)`);
    expect(up).toBeLessThan(16 * MB);
    expect(down).toBeLessThan(16 * MB);
  }, 90_000); // a full GC every 50 ms in the gateway makes this slow on a loaded 2-core machine
});

/** Asks the memory sampler for the peak since the last call (see test/helpers/memory-sampler.mjs). */
function retainedPeak(gw: GatewayProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer from the memory sampler')), 5_000);
    const onData = (d: Buffer): void => {
      const match = /\{"retainedPeak":(\d+)\}/.exec(String(d));
      if (!match) return;
      clearTimeout(timer);
      gw.child.stderr!.off('data', onData);
      resolve(Number(match[1]));
    };
    gw.child.stderr!.on('data', onData);
    process.kill(gw.pid, 'SIGUSR2');
  });
}

describe('graceful lifecycle', () => {
  it('on SIGTERM finishes the in-flight request, refuses new connections and exits 0', async () => {
    const gw = await startGatewayProcess({ apis: [{ id: 'things', openapi: DOC, upstreamUrl: upstream.url }] });
    try {
      const inflight = fetch(`${gw.url}/things/v1/slow?ms=700`).then(async (r) => ({ status: r.status, body: await r.json() }));
      await new Promise((r) => setTimeout(r, 200)); // the request is now waiting on the upstream
      process.kill(gw.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      await expect(fetch(`${gw.url}/status`)).rejects.toThrow();
      expect(await inflight).toEqual({ status: 200, body: { late: 700 } });
      const finishedAt = Date.now();
      expect(await gw.exited).toBe(0);
      // the client's keep-alive connection must not hold the process until the grace period (3 s here) ends
      expect(Date.now() - finishedAt).toBeLessThan(1_500);
      expect(gw.logs.map((l) => l.msg)).toContain('stopped');
    } finally {
      await gw.stop();
    }
  });

  it('bounds the wait: a request still running after shutdown.graceMs is cut and the process still exits 0', async () => {
    const gw = await startGatewayProcess({
      apis: [{ id: 'things', openapi: DOC, upstreamUrl: upstream.url }],
      gatewayYaml: 'listeners:\n  public: { host: 127.0.0.1, port: 0 }\nshutdown: { graceMs: 300 }\n',
    });
    try {
      const hanging = fetch(`${gw.url}/things/v1/slow`).then(
        (r) => r.status,
        () => 'cut',
      );
      await new Promise((r) => setTimeout(r, 150));
      const started = Date.now();
      process.kill(gw.pid, 'SIGTERM');
      expect(await gw.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(await hanging).toBe('cut');
    } finally {
      await gw.stop();
    }
  });
});

describe('start-up with a bad configuration', () => {
  it('exits 1 with one message listing every problem', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portico-bad-'));
    mkdirSync(path.join(dir, 'apis'));
    writeFileSync(path.join(dir, 'gateway.yaml'), 'listeners:\n  public: { host: 127.0.0.1, port: -1 }\n');
    writeFileSync(path.join(dir, 'apis', 'x.yaml'), 'id: x\ntitle: X\nversion: one\nagency: { name: A }\nopenapi: nope.yaml\nupstream: { url: ftp://h }\n');
    const result = spawnSync(process.execPath, ['bin/portico.js', 'start', '--config', dir], { encoding: 'utf8', timeout: 15_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Invalid configuration \(4 problems\)/);
    expect(result.stderr).toContain('gateway.yaml → listeners.public.port');
    expect(result.stderr).toContain('x.yaml → version: expected a major version like v1, found "one"');
    expect(result.stderr).toContain('x.yaml → upstream.url');
    expect(result.stderr).toContain('x.yaml → openapi: expected an existing file');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
