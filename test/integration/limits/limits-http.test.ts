// Limits through HTTP (memory store, frozen clock): headers on every limited response, the two 429 types with
// Retry-After, quotas on calendar days, overrides and ceilings, keys by consumer or by address, and the fault policy.
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import { startRecordingUpstream, type RecordingUpstream } from '../../helpers/recording-upstream.js';
import { frozenClock, T0 } from '../../helpers/token-kit.js';
import { buildLimitedGateway, type LimitedGateway, type LimitedGatewayOptions } from './limits-kit.js';

const PLANS = {
  sandbox: { burst: { perMinute: 3 }, quota: { perDay: 100 } },
  standard: { quota: { perDay: 2 } },
  roomy: { burst: { perMinute: 50 }, quota: { perDay: 10, perMonth: 1000 } },
  unlimited: {},
  open: { burst: { perMinute: 2 } },
};
const PROBLEMS = 'https://portico.dev/problems';
const HOUR_S = 3600;

let upstream: RecordingUpstream;
const built: LimitedGateway[] = [];
beforeAll(async () => {
  upstream = await startRecordingUpstream();
});
afterEach(async () => {
  await Promise.all(built.splice(0).map((g) => g.shutdown()));
});
afterAll(async () => {
  await upstream.close();
});

async function gatewayWith(options: Partial<LimitedGatewayOptions> & { gateway?: Record<string, unknown> }): Promise<LimitedGateway> {
  const gw = await buildLimitedGateway({
    gateway: { plans: PLANS, ...options.gateway },
    apis: options.apis ?? [{ id: 'things', upstreamUrl: upstream.url }],
    consumers: options.consumers ?? [],
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.store ? { store: options.store } : {}),
  });
  built.push(gw);
  return gw;
}

const call = (gw: LimitedGateway, token?: string, path = '/things/v1/items/1') => {
  const req = request(gw.app).get(path);
  return token === undefined ? req : req.set('Authorization', `Bearer ${token}`);
};

describe('bursts (fixed windows from the first hit)', () => {
  it('a sandbox token: IETF and X-RateLimit-* headers on every answer, then 429 rate-limited with Retry-After', async () => {
    const gw = await gatewayWith({});
    const token = gw.sandboxToken();
    const first = await call(gw, token);
    expect(first.status).toBe(501); // the sandbox seam of this test app; limits run before dispatch
    expect(first.headers['ratelimit-policy']).toMatch(/^"minute"; q=3; w=60; pk=:[^:]+:, "day"; q=100; w=86400; pk=:[^:]+:$/);
    expect(first.headers.ratelimit).toMatch(/^"minute"; r=2; t=(59|60), "day"; r=99; t=54000$/);
    expect(first.headers['x-ratelimit-limit']).toBe('3');
    expect(first.headers['x-ratelimit-remaining']).toBe('2');
    expect(Number(first.headers['x-ratelimit-reset'])).toBeGreaterThanOrEqual(59);

    await call(gw, token);
    const third = await call(gw, token);
    expect(third.headers['x-ratelimit-remaining']).toBe('0');
    const refused = await call(gw, token);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: `${PROBLEMS}/rate-limited`, status: 429, window: 'minute', limit: 3, scope: 'consumer' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    expect(refused.headers['x-ratelimit-reset']).toBe(refused.headers['retry-after']);
    expect(refused.headers['ratelimit']).toMatch(/^"minute"; r=0; t=\d+$/);

    // Another sandbox token is another consumer: its own counters.
    expect((await call(gw, gw.sandboxToken())).status).toBe(501);
    // The burst refusal did not spend daily quota: 3 counted, not 4.
    const again = await call(gw, gw.sandboxToken());
    expect(again.headers.ratelimit).toContain('"day"; r=99;');
  });
});

describe('quotas (calendar days)', () => {
  it('a production consumer: 429 quota-exceeded until the next UTC midnight, then admitted again', async () => {
    const clock = frozenClock();
    const gw = await gatewayWith({ clock, consumers: [{ clientId: 'acme', plan: 'standard', apis: ['things'] }] });
    const token = gw.productionToken('acme');
    const first = await call(gw, token);
    expect(first.status).toBe(200);
    expect(first.headers).toMatchObject({ 'x-ratelimit-limit': '2', 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': String(15 * HOUR_S) });
    expect((await call(gw, token)).status).toBe(200);
    const refused = await call(gw, token);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ type: `${PROBLEMS}/quota-exceeded`, window: 'day', limit: 2 });
    expect(refused.headers['retry-after']).toBe(String(15 * HOUR_S));
    expect(refused.headers['ratelimit']).toBe(`"day"; r=0; t=${15 * HOUR_S}`);

    clock.set(Date.UTC(2025, 0, 16, 0, 0, 0));
    const tomorrow = await call(gw, gw.productionToken('acme'));
    expect(tomorrow.status).toBe(200);
    expect(tomorrow.headers['x-ratelimit-remaining']).toBe('1');
  });

  it('days begin at local midnight in limits.timeZone', async () => {
    const gw = await gatewayWith({ gateway: { limits: { timeZone: 'Europe/Rome' } }, consumers: [{ clientId: 'acme', plan: 'standard', apis: ['things'] }] });
    const res = await call(gw, gw.productionToken('acme'));
    // T0 is 10:00 in Rome; the day ends at 23:00 UTC.
    expect(res.headers['x-ratelimit-reset']).toBe(String(14 * HOUR_S));
  });

  it('reports the most restrictive window in X-RateLimit-* and every window in the IETF headers', async () => {
    const gw = await gatewayWith({ consumers: [{ clientId: 'acme', plan: 'roomy', apis: ['things'] }] });
    const res = await call(gw, gw.productionToken('acme'));
    expect(res.status).toBe(200);
    expect(res.headers['x-ratelimit-limit']).toBe('10');
    expect(res.headers['x-ratelimit-remaining']).toBe('9');
    expect(String(res.headers.ratelimit).split(', ').map((s: string) => s.split(';')[0])).toEqual(['"minute"', '"day"', '"month"']);
    expect(res.headers['ratelimit-policy']).toContain(`"month"; q=1000; w=${31 * 24 * HOUR_S};`);
  });
});

describe('overrides and ceilings', () => {
  it('the API override of a plan, then the consumer override, decide the limits', async () => {
    const gw = await gatewayWith({
      apis: [{ id: 'things', upstreamUrl: upstream.url, limits: { plans: { standard: { quota: { perDay: 5 } } } } }],
      consumers: [
        { clientId: 'acme', plan: 'standard', apis: ['things'] },
        { clientId: 'bigco', plan: 'standard', apis: ['things'], limits: { quota: { perDay: 7 } } },
      ],
    });
    expect((await call(gw, gw.productionToken('acme'))).headers['x-ratelimit-limit']).toBe('5');
    expect((await call(gw, gw.productionToken('bigco'))).headers['x-ratelimit-limit']).toBe('7');
  });

  it('an API ceiling caps all production consumers together; a refusal there gives back the consumer count', async () => {
    const gw = await gatewayWith({
      apis: [{ id: 'things', upstreamUrl: upstream.url, limits: { ceiling: { perDay: 3 } } }],
      consumers: [
        { clientId: 'acme', plan: 'standard', apis: ['things'] },
        { clientId: 'bigco', plan: 'standard', apis: ['things'] },
        { clientId: 'free', plan: 'unlimited', apis: ['things'] },
      ],
    });
    const [acme, bigco, free] = ['acme', 'bigco', 'free'].map((id) => gw.productionToken(id)) as [string, string, string];
    expect((await call(gw, acme)).status).toBe(200);
    expect((await call(gw, acme)).status).toBe(200);
    const acmeOwn = await call(gw, acme);
    expect(acmeOwn.body).toMatchObject({ type: `${PROBLEMS}/quota-exceeded`, scope: 'consumer' });
    expect((await call(gw, bigco)).status).toBe(200);
    const capped = await call(gw, free);
    expect(capped.status).toBe(429);
    expect(capped.body).toMatchObject({ type: `${PROBLEMS}/quota-exceeded`, scope: 'api', window: 'day', limit: 3 });
    const bigcoCapped = await call(gw, bigco);
    expect(bigcoCapped.body).toMatchObject({ scope: 'api' });
    // bigco's consumer count went 1 → 2 → back to 1 when the ceiling refused.
    const peek = await gw.store.consume('rl:{c:bigco:things}:day:2025-01-15', 0, Number.MAX_SAFE_INTEGER, T0 + 86_400_000);
    expect(peek.count).toBe(1);
  });

  it('an unlimited plan without a ceiling gets no rate-limit headers; sandbox traffic ignores the ceiling', async () => {
    const gw = await gatewayWith({
      apis: [{ id: 'things', upstreamUrl: upstream.url, limits: { ceiling: { perMinute: 1 } } }],
      consumers: [{ clientId: 'free', plan: 'unlimited', apis: ['things'] }],
    });
    const sandbox = gw.sandboxToken();
    for (let i = 0; i < 3; i++) expect((await call(gw, sandbox)).status).toBe(501);
    const free = gw.productionToken('free');
    expect((await call(gw, free)).headers['x-ratelimit-limit']).toBe('1');
    expect((await call(gw, free)).body).toMatchObject({ type: `${PROBLEMS}/rate-limited`, scope: 'api' });

    const plain = await gatewayWith({ consumers: [{ clientId: 'free', plan: 'unlimited', apis: ['things'] }] });
    const res = await call(plain, plain.productionToken('free'));
    expect(res.status).toBe(200);
    expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    expect(res.headers['ratelimit']).toBeUndefined();
  });
});

describe('anonymous callers are keyed by address', () => {
  const openApi = (): LimitedGatewayOptions['apis'] => [{ id: 'things', upstreamUrl: upstream.url, access: 'open' }];

  it('ignores X-Forwarded-For unless trustProxy says so', async () => {
    const gw = await gatewayWith({ apis: openApi() });
    const from = (ip: string) => request(gw.app).get('/things/v1/items/1').set('X-Forwarded-For', ip);
    expect((await from('203.0.113.1')).status).toBe(200);
    expect((await from('203.0.113.2')).status).toBe(200);
    expect((await from('203.0.113.3')).status).toBe(429);

    const trusting = await gatewayWith({ apis: openApi(), gateway: { trustProxy: true } });
    const via = (ip: string) => request(trusting.app).get('/things/v1/items/1').set('X-Forwarded-For', ip);
    expect((await via('203.0.113.1')).status).toBe(200);
    expect((await via('203.0.113.1')).status).toBe(200);
    expect((await via('203.0.113.1')).status).toBe(429);
    expect((await via('203.0.113.2')).status).toBe(200);
  });

  it('token issuance: X-RateLimit-* and IETF headers, 429 rate-limited per address', async () => {
    const gw = await gatewayWith({ gateway: { tokens: { issuer: 'https://gateway.test', sandbox: { ttlSeconds: 60, issuancePerHourPerIp: 2 } } } });
    const first = await request(gw.app).post('/sandbox/tokens');
    expect(first.status).toBe(201);
    expect(first.headers['x-ratelimit-limit']).toBe('2');
    expect(first.headers['x-ratelimit-remaining']).toBe('1');
    expect(first.headers['ratelimit-policy']).toMatch(/^"sandbox-tokens"; q=2; w=3600; pk=/);
    await request(gw.app).post('/sandbox/tokens');
    const refused = await request(gw.app).post('/sandbox/tokens');
    expect(refused.status).toBe(429);
    expect(refused.body.type).toBe(`${PROBLEMS}/rate-limited`);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
  });
});

describe('when the counters fail', () => {
  const refused = (): Promise<never> => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
  const failing = (store: Store): Store => ({ ...store, consume: refused, consumeWindows: refused });
  const consumers = [{ clientId: 'acme', plan: 'standard', apis: ['things'] }];

  it('failOpen (the default): the request passes unlimited, counted and logged once', async () => {
    const gw = await gatewayWith({ consumers, store: failing });
    const token = gw.productionToken('acme');
    for (let i = 0; i < 3; i++) {
      const res = await call(gw, token);
      expect(res.status).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    }
    expect(gw.limits.metrics).toEqual({ storeErrors: 3, passedUnlimited: 3, refusedUnavailable: 0 });
    expect(gw.log.lines.filter((l) => String(l.msg).startsWith('rate-limit counters unavailable'))).toHaveLength(1);
  });

  it('failOpen: false answers 503 service-unavailable with Retry-After', async () => {
    const gw = await gatewayWith({ consumers, store: failing, gateway: { limits: { failOpen: false } } });
    const res = await call(gw, gw.productionToken('acme'));
    expect(res.status).toBe(503);
    expect(res.body.type).toBe(`${PROBLEMS}/service-unavailable`);
    expect(res.headers['retry-after']).toBe('5');
    expect(gw.limits.metrics.refusedUnavailable).toBe(1);
  });
});
