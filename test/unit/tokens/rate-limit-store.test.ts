// The express-rate-limit Store over Portico's Store: fixed windows, shared counters, and a 503 problem when the Store fails.
import { describe, expect, it } from 'vitest';
import type { Options } from 'express-rate-limit';
import { ProblemError } from '../../../src/problem/problem.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { createRateLimitStore } from '../../../src/tokens/rate-limit-store.js';
import { frozenClock, T0 } from '../../helpers/token-kit.js';

describe('rate-limit store', () => {
  it('counts hits in a fixed window shared by every limiter instance over the same Store', async () => {
    const clock = frozenClock();
    const store = createMemoryStore({ now: clock });
    const one = createRateLimitStore(store, 'rl:sandbox:');
    const two = createRateLimitStore(store, 'rl:sandbox:');
    for (const s of [one, two]) s.init?.({ windowMs: 3_600_000 } as Options);
    expect(await one.increment('1.2.3.4')).toEqual({ totalHits: 1, resetTime: new Date(T0 + 3_600_000) });
    expect((await two.increment('1.2.3.4')).totalHits).toBe(2);
    await one.decrement('1.2.3.4');
    expect((await two.increment('1.2.3.4')).totalHits).toBe(2);
    clock.advance(3_600_000);
    expect((await one.increment('1.2.3.4')).totalHits).toBe(1);
    await one.resetKey('1.2.3.4');
    expect(await store.get('rl:sandbox:1.2.3.4')).toBeUndefined();
  });

  it('turns a Store failure into a 503 problem with Retry-After', async () => {
    const store = createMemoryStore();
    const limiter = createRateLimitStore(store, 'rl:');
    await store.close();
    const err = await Promise.resolve(limiter.increment('k')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).template.status).toBe(503);
    expect((err as ProblemError).headers['Retry-After']).toBe('5');
  });
});
