// The limiter against a recording memory Store: how many consumeWindows calls a request makes and with what,
// the headers' order, refunds across hashtag groups, burst resets on the limiter's clock, and store faults.
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import type { PlanLimitsConfig } from '../../../src/config/gateway-schema.js';
import { createLimiter } from '../../../src/limits/create-limiter.js';
import { createStoreFaults } from '../../../src/limits/store-faults.js';
import type { RequestContext } from '../../../src/pipeline/context.js';
import type { Principal } from '../../../src/pipeline/principal.js';
import { ProblemError } from '../../../src/problem/problem.js';
import type { RegisteredApi } from '../../../src/registry/registry.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { CounterWindow, Store } from '../../../src/store/store.js';

const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);
const MIDNIGHT = Date.UTC(2025, 0, 16);
const PLANS: Record<string, PlanLimitsConfig> = {
  standard: { burst: { perSecond: 20, perMinute: 300 }, quota: { perDay: 1000 } },
  capped: { burst: { perSecond: 5 }, quota: { perDay: 10 } },
  monthly: { quota: { perDay: 10, perMonth: 1 } },
};

interface FakeResponse {
  /** Header values as a client sees them: several lines joined with ", ". */
  headers: Map<string, string>;
  res: Response;
}

function fakeResponse(ip = '192.0.2.1'): FakeResponse {
  const raw = new Map<string, string | string[]>();
  const headers = new Map<string, string>();
  const fake = {
    req: { ip },
    headersSent: false,
    getHeader: (name: string) => raw.get(name.toLowerCase()),
    setHeader: (name: string, value: string | string[]) => {
      raw.set(name.toLowerCase(), value);
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
    },
  };
  // The limiter touches only these members of express's Response.
  return { headers, res: fake as unknown as Response };
}

function setup(options: { ceiling?: Record<string, number>; failOpen?: boolean; store?: (s: Store) => Store } = {}) {
  let now = T0;
  const memory = createMemoryStore({ now: () => now });
  const calls: CounterWindow[][] = [];
  const refunds: string[] = [];
  const base = options.store ? options.store(memory) : memory;
  const store: Pick<Store, 'consumeWindows' | 'consume'> = {
    consumeWindows: (windows, cost) => {
      calls.push([...windows]);
      return base.consumeWindows(windows, cost);
    },
    consume: (key, cost, limit, endsAt) => {
      if (cost < 0) refunds.push(key);
      return base.consume(key, cost, limit, endsAt);
    },
  };
  const faults = createStoreFaults({ failOpen: options.failOpen ?? true, logger: { warn: () => undefined }, clock: () => now });
  const limiter = createLimiter({ plans: PLANS, consumers: [], timeZone: 'UTC', store, faults, clock: () => now });
  // Only the members the limiter reads.
  const api = { id: 'things', config: { limits: options.ceiling ? { plans: {}, ceiling: options.ceiling } : undefined } } as unknown as RegisteredApi;
  const check = async (consumerId: string, plan = 'standard', res = fakeResponse().res): Promise<void> => {
    const principal: Principal = { consumerId, env: 'production', plan, apis: '*', tokenId: `jti-${consumerId}` };
    const ctx: RequestContext = { requestId: 'r', clientIp: '127.0.0.1', startedAt: 0n, api, principal };
    await limiter.check(ctx, res);
  };
  const peek = async (key: string): Promise<number> => (await memory.consume(key, 0, Number.MAX_SAFE_INTEGER, MIDNIGHT)).count;
  return { calls, refunds, check, peek, faults, advance: (ms: number) => (now += ms) };
}

describe('createLimiter', () => {
  it('counts the common plan (second, minute, day) in one consumeWindows call, bursts first', async () => {
    const { calls, refunds, check } = setup();
    const { headers, res } = fakeResponse();
    await check('acme', 'standard', res);
    expect(calls).toEqual([
      [
        { key: 'rl:{c:acme:things}:second:burst', limit: 20, endsAtIfNew: T0 + 1_000, countWhenRefused: true },
        { key: 'rl:{c:acme:things}:minute:burst', limit: 300, endsAtIfNew: T0 + 60_000, countWhenRefused: true },
        { key: 'rl:{c:acme:things}:day:2025-01-15', limit: 1000, endsAtIfNew: MIDNIGHT, countWhenRefused: false },
      ],
    ]);
    expect(refunds).toEqual([]);
    expect(headers.get('ratelimit')).toBe('"second"; r=19; t=1, "minute"; r=299; t=60, "day"; r=999; t=54000');
    expect(headers.get('ratelimit-policy')).toMatch(/^"second"; q=20; w=1; pk=:[^:]+:, "minute"; q=300; w=60; pk=:[^:]+:, "day"; q=1000; w=86400; pk=:[^:]+:$/);
    expect(headers.get('x-ratelimit-limit')).toBe('20');
    expect(headers.get('x-ratelimit-remaining')).toBe('19');
  });

  it('measures burst resets from the counter’s resetAt on the limiter’s clock', async () => {
    const { check, advance } = setup();
    await check('acme');
    advance(30_400);
    const { headers, res } = fakeResponse();
    await check('acme', 'standard', res);
    // The second window (from T0) has ended: a new one starts now; the minute has 29.6 s left.
    expect(headers.get('ratelimit')).toBe('"second"; r=19; t=1, "minute"; r=298; t=30, "day"; r=998; t=53970');
  });

  it('with a ceiling: one call per hashtag (consumer, then API), headers in window order', async () => {
    const { calls, check } = setup({ ceiling: { perSecond: 100, perDay: 50 } });
    const { headers, res } = fakeResponse();
    await check('acme', 'capped', res);
    expect(calls.map((c) => c.map((w) => w.key))).toEqual([
      ['rl:{c:acme:things}:second:burst', 'rl:{c:acme:things}:day:2025-01-15'],
      ['rl:{a:things}:second:burst', 'rl:{a:things}:day:2025-01-15'],
    ]);
    expect(headers.get('ratelimit')!.split(', ').map((item) => item.split(';')[0])).toEqual(['"second"', '"api-second"', '"day"', '"api-day"']);
  });

  it('a refusal by the ceiling gives back the consumer’s quota; a consumer refusal never reaches the ceiling', async () => {
    const { calls, refunds, check, peek } = setup({ ceiling: { perDay: 1 } });
    await check('acme', 'capped');
    const refused = check('bigco', 'capped');
    await expect(refused).rejects.toMatchObject({ template: { code: 'quota-exceeded' }, extensions: { scope: 'api', window: 'day', limit: 1 } });
    expect(refunds).toEqual(['rl:{c:bigco:things}:day:2025-01-15']);
    expect(await peek('rl:{c:bigco:things}:day:2025-01-15')).toBe(0);
    // The per-second burst counts refused requests; past it, the consumer group refuses alone (one call).
    for (let i = 0; i < 4; i++) await check('acme', 'capped').catch(() => undefined);
    const before = calls.length;
    await expect(check('acme', 'capped')).rejects.toMatchObject({ template: { code: 'rate-limited' }, extensions: { scope: 'consumer', window: 'second' } });
    expect(calls.length - before).toBe(1);
  });

  it('leaves the quotas of the refusing group to its script: nothing given back twice', async () => {
    const { refunds, check, peek } = setup({ ceiling: { perDay: 5 } });
    await check('acme', 'monthly');
    await expect(check('acme', 'monthly')).rejects.toMatchObject({ template: { code: 'quota-exceeded' }, extensions: { scope: 'consumer', window: 'month' } });
    expect(refunds).toEqual([]);
    expect(await peek('rl:{c:acme:things}:day:2025-01-15')).toBe(1);
    expect(await peek('rl:{a:things}:day:2025-01-15')).toBe(1);
  });

  it('hands store failures to the fault policy: through unlimited, or 503', async () => {
    const down = (s: Store): Store => ({ ...s, consumeWindows: () => Promise.reject(new Error('connect ECONNREFUSED')) });
    const open = setup({ store: down });
    const { headers, res } = fakeResponse();
    await expect(open.check('acme', 'standard', res)).resolves.toBeUndefined();
    expect(headers.size).toBe(0);
    expect(open.faults.metrics).toEqual({ storeErrors: 1, passedUnlimited: 1, refusedUnavailable: 0 });

    const closed = setup({ store: down, failOpen: false });
    const failure = await closed.check('acme').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ProblemError);
    expect((failure as ProblemError).template.status).toBe(503);
  });
});
