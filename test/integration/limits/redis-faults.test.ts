// Issue 5, item 7: redis-server killed under load and restarted on the same port. Gateways keep answering and never
// crash; failOpen lets requests through unlimited, failOpen: false answers 503 with Retry-After; /status says 503;
// once Redis is back, limits are enforced again within a bounded time, without a restart.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from '../../helpers/gateway-process.js';
import { startRecordingUpstream, type RecordingUpstream } from '../../helpers/recording-upstream.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../helpers/redis-server.js';
import { FIXTURES } from '../../helpers/test-gateway.js';
import { gatewayYaml, get, type Answer } from './processes-kit.js';

const DOC = path.join(FIXTURES, 'openapi-mini/proxy-test.openapi.yaml');
const LIMIT = 5;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until `done` holds, at most `timeoutMs`; returns the last answer. */
async function until(probe: () => Promise<Answer>, done: (a: Answer) => boolean, timeoutMs: number): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!done(last) && Date.now() < deadline) {
    await sleep(100);
    last = await probe();
  }
  return last;
}

describeWithRedis('limits when Redis goes away and comes back', () => {
  let redis: RedisServer;
  let upstream: RecordingUpstream;
  let open: GatewayProcess;
  let closed: GatewayProcess;

  beforeAll(async () => {
    [redis, upstream] = await Promise.all([startRedisServer(), startRecordingUpstream()]);
    // Anonymous callers of an open API get the `open` plan, counted by address: a burst and a quota (one Store script).
    const plans = [`open: { burst: { perMinute: ${LIMIT} }, quota: { perDay: 100000 } }`];
    const common = { apis: [{ id: 'things', openapi: DOC, upstreamUrl: upstream.url, access: 'open' }], env: { REDIS_URL: redis.url } };
    [open, closed] = await Promise.all([
      startGatewayProcess({ ...common, gatewayYaml: gatewayYaml({ plans, keyPrefix: 'open:' }) }),
      startGatewayProcess({ ...common, gatewayYaml: gatewayYaml({ plans, keyPrefix: 'closed:', limits: '{ failOpen: false }' }) }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([open?.stop(), closed?.stop()]);
    await upstream?.close();
    await redis?.stop();
  });

  it('keeps serving per failOpen, reports 503 on /status, and enforces limits again after a restart', async () => {
    const call = (g: GatewayProcess): Promise<Answer> => get(`${g.url}/things/v1/items/1`);
    const status = (g: GatewayProcess): Promise<Answer> => get(`${g.url}/status`);

    // 1. Enforced: the sixth request in the minute is refused, on both.
    for (const g of [open, closed]) {
      const answers: Answer[] = [];
      for (let i = 0; i <= LIMIT; i++) answers.push(await call(g));
      expect(answers.map((a) => a.status), 'is createLimits wired into main.ts?').toEqual([...Array<number>(LIMIT).fill(200), 429]);
      expect(answers[0]!.headers.get('x-ratelimit-limit')).toBe(String(LIMIT));
    }

    // 2. Load on both gateways for the whole outage: 4 concurrent requests per round, bounded in rounds and time.
    const load: { gateway: 'open' | 'closed'; answer: Answer }[] = [];
    let stopLoad = false;
    const loadStartedAt = Date.now();
    const loader = (async () => {
      for (let round = 0; round < 1_000 && !stopLoad && Date.now() - loadStartedAt < 60_000; round++) {
        const answers = await Promise.all([call(open), call(open), call(closed), call(closed)]);
        answers.forEach((answer, i) => load.push({ gateway: i < 2 ? 'open' : 'closed', answer }));
        await sleep(20);
      }
    })();

    try {
      // 3. Redis killed.
      await redis.stop();
      const passed = await until(() => call(open), (a) => a.status === 200, 10_000);
      expect(passed.status).toBe(200);
      expect(passed.headers.get('x-ratelimit-limit')).toBeNull(); // unlimited: no count to report
      const refused = await until(() => call(closed), (a) => a.status === 503, 10_000);
      expect(refused.type).toBe('https://portico.dev/problems/service-unavailable');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      for (const g of [open, closed]) expect((await status(g)).status).toBe(503);
      // Keep Redis down while the load runs at least 10 more rounds against it.
      const seen = load.length;
      await until(async () => ({ status: load.length - seen, headers: new Headers() }), (a) => a.status >= 40, 10_000);

      // 4. Redis back on the same port (empty: no persistence): limits enforced again within a bounded time.
      await redis.restart();
      const restartedAt = Date.now();
      for (const g of [open, closed]) {
        const enforced = await until(() => call(g), (a) => a.status === 429, 20_000);
        expect(enforced.type, `${g === open ? 'open' : 'closed'} gateway enforces limits again`).toBe('https://portico.dev/problems/rate-limited');
        expect((await status(g)).status).toBe(200);
      }
      expect(Date.now() - restartedAt).toBeLessThan(20_000);
    } finally {
      stopLoad = true;
      await loader;
    }

    // 5. Under load, every request got an HTTP answer from a live process; only the expected statuses.
    expect(load.length).toBeGreaterThanOrEqual(40);
    expect(load.filter((l) => l.answer.status === 0)).toEqual([]);
    const statuses = (g: 'open' | 'closed') => new Set(load.filter((l) => l.gateway === g).map((l) => l.answer.status));
    expect([...statuses('open')].every((s) => s === 200 || s === 429) && statuses('open').has(200)).toBe(true);
    expect([...statuses('closed')].every((s) => s === 200 || s === 429 || s === 503) && statuses('closed').has(503)).toBe(true);
    expect(open.child.exitCode).toBeNull();
    expect(closed.child.exitCode).toBeNull();
    // Log lines leave in batches (warnings at once, unless a write is under way: then within the 1 s flush).
    const logged = async (g: GatewayProcess, prefix: string): Promise<boolean> => {
      for (const started = Date.now(); Date.now() - started < 5_000; await sleep(100)) {
        if (g.logs.some((l) => String(l.msg).startsWith(prefix))) return true;
      }
      return false;
    };
    expect(await logged(open, 'rate-limit counters unavailable: letting requests through')).toBe(true);
    expect(await logged(closed, 'rate-limit counters unavailable: refusing with 503')).toBe(true);
  }, 120_000);

  it('a gateway started while Redis is down serves unlimited, then enforces limits once Redis appears', async () => {
    const late = await startRedisServer();
    let g: GatewayProcess | undefined;
    try {
      await late.stop(); // the port is known and nothing listens on it
      g = await startGatewayProcess({
        apis: [{ id: 'things', openapi: DOC, upstreamUrl: upstream.url, access: 'open' }],
        env: { REDIS_URL: late.url },
        gatewayYaml: gatewayYaml({ plans: [`open: { burst: { perMinute: ${LIMIT} } }`], keyPrefix: 'late:' }),
      });
      const gw = g;
      const first = await get(`${gw.url}/things/v1/items/1`);
      expect(first.status).toBe(200);
      expect(first.headers.get('x-ratelimit-limit')).toBeNull();

      await late.restart();
      const enforced = await until(() => get(`${gw.url}/things/v1/items/1`), (a) => a.status === 429, 20_000);
      expect(enforced.type).toBe('https://portico.dev/problems/rate-limited');
      expect(gw.child.exitCode).toBeNull();
    } finally {
      await g?.stop();
      await late.stop();
    }
  }, 60_000);
});
