// The one behaviour every Store implementation must show; each implementation's test file runs it.
// Uses short real TTLs (not a fake clock) so the very same assertions hold for memory and Redis.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterWindow, Store } from '../../../src/store/store.js';

export interface StoreUnderTest {
  store: Store;
  /** The clock the store uses, when injected; windows are computed from it. */
  now?: () => number;
  cleanup(): Promise<void>;
}

const TTL_MS = 150;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` passes or the bound is hit, so timing tests are neither flaky nor slow. */
async function eventually(check: () => Promise<void>, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(25);
    }
  }
}

export function runStoreContract(name: string, factory: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: Store;
    let now: () => number;
    // Keys unique per test and per run, so tests never see each other's state even on a shared server.
    const run = Math.random().toString(36).slice(2, 8);
    let seq = 0;
    const key = (label: string): string => `test:${run}:${++seq}:${label}`;

    beforeAll(async () => {
      subject = await factory();
      store = subject.store;
      now = subject.now ?? Date.now;
    });
    afterAll(async () => {
      await subject?.cleanup();
    });

    describe('strings', () => {
      it('get returns undefined for an absent key', async () => {
        expect(await store.get(key('absent'))).toBeUndefined();
      });

      it('set then get round-trips and overwrites', async () => {
        const k = key('rt');
        await store.set(k, 'one');
        expect(await store.get(k)).toBe('one');
        await store.set(k, 'two');
        expect(await store.get(k)).toBe('two');
      });

      it('a value set with a TTL expires', async () => {
        const k = key('ttl');
        await store.set(k, 'v', TTL_MS);
        expect(await store.get(k)).toBe('v');
        await sleep(TTL_MS);
        await eventually(async () => expect(await store.get(k)).toBeUndefined());
      });

      it('set without a TTL clears an earlier expiry', async () => {
        const k = key('persist');
        await store.set(k, 'v1', TTL_MS);
        await store.set(k, 'v2');
        await sleep(TTL_MS + 50);
        expect(await store.get(k)).toBe('v2');
      });

      it('setIfAbsent writes once, then refuses until the value expires', async () => {
        const k = key('nx');
        expect(await store.setIfAbsent(k, 'first', TTL_MS)).toBe(true);
        expect(await store.setIfAbsent(k, 'second', TTL_MS)).toBe(false);
        expect(await store.get(k)).toBe('first');
        await sleep(TTL_MS);
        await eventually(async () => expect(await store.setIfAbsent(k, 'third', 10_000)).toBe(true));
        expect(await store.get(k)).toBe('third');
      });

      it('setIfAbsent admits exactly one of many concurrent writers', async () => {
        const k = key('nx-race');
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.setIfAbsent(k, `w${i}`, 10_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('delete reports whether something was deleted', async () => {
        const k = key('del');
        await store.set(k, 'v');
        expect(await store.delete(k)).toBe(true);
        expect(await store.get(k)).toBeUndefined();
        expect(await store.delete(k)).toBe(false);
      });

      it('keeps unicode values and keys intact', async () => {
        const k = key('città-東京-🔑');
        const value = 'Città di Bolzano — Bozen · 東京 · émoji 🚀 · ÆØÅ';
        await store.set(k, value);
        expect(await store.get(k)).toBe(value);
      });
    });

    describe('increment', () => {
      it('adds and keeps resetAt fixed from creation', async () => {
        const k = key('inc');
        const before = now();
        const first = await store.increment(k, 1, 10_000);
        expect(first.value).toBe(1);
        expect(first.resetAt).toBeGreaterThanOrEqual(before + 10_000);
        expect(first.resetAt).toBeLessThanOrEqual(now() + 10_000);
        await sleep(5);
        const second = await store.increment(k, 2, 60_000);
        expect(second).toEqual({ value: 3, resetAt: first.resetAt });
      });

      it('is atomic under concurrency', async () => {
        const k = key('inc-race');
        const results = await Promise.all(Array.from({ length: 50 }, () => store.increment(k, 1, 10_000)));
        expect(results.map((r) => r.value).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      });

      it('starts over once the counter expires', async () => {
        const k = key('inc-exp');
        const first = await store.increment(k, 5, TTL_MS);
        await sleep(TTL_MS);
        await eventually(async () => {
          const again = await store.increment(k, 0, TTL_MS * 10);
          expect(again.value).toBe(0);
          expect(again.resetAt).toBeGreaterThan(first.resetAt);
        });
      });
    });

    describe('consume', () => {
      it('counts under the limit and fixes the window at creation', async () => {
        const k = key('c');
        const windowEndsAt = now() + 60_000;
        expect(await store.consume(k, 1, 10, windowEndsAt)).toEqual({ allowed: true, count: 1, resetAt: windowEndsAt });
        // A later call naming another window end does not move the existing window.
        expect(await store.consume(k, 1, 10, windowEndsAt + 5_000)).toEqual({ allowed: true, count: 2, resetAt: windowEndsAt });
      });

      it('admits exactly `limit` of many concurrent calls', async () => {
        const k = key('c-race');
        const windowEndsAt = now() + 60_000;
        const results = await Promise.all(Array.from({ length: 50 }, () => store.consume(k, 1, 20, windowEndsAt)));
        expect(results.filter((r) => r.allowed)).toHaveLength(20);
        expect(Math.max(...results.map((r) => r.count))).toBe(20);
        expect(results.filter((r) => !r.allowed).every((r) => r.count === 20)).toBe(true);
        expect(await store.consume(k, 1, 20, windowEndsAt)).toEqual({ allowed: false, count: 20, resetAt: windowEndsAt });
      });

      it('does not count a refused call', async () => {
        const k = key('c-refused');
        const windowEndsAt = now() + 60_000;
        expect(await store.consume(k, 3, 5, windowEndsAt)).toMatchObject({ allowed: true, count: 3 });
        expect(await store.consume(k, 3, 5, windowEndsAt)).toMatchObject({ allowed: false, count: 3 });
        expect(await store.consume(k, 2, 5, windowEndsAt)).toMatchObject({ allowed: true, count: 5 });
        expect(await store.consume(k, 1, 5, windowEndsAt)).toMatchObject({ allowed: false, count: 5 });
      });

      it('charges a cost greater than one', async () => {
        const k = key('c-cost');
        const windowEndsAt = now() + 60_000;
        expect(await store.consume(k, 7, 10, windowEndsAt)).toMatchObject({ allowed: true, count: 7 });
        expect(await store.consume(k, 4, 10, windowEndsAt)).toMatchObject({ allowed: false, count: 7 });
        expect(await store.consume(key('c-too-big'), 11, 10, windowEndsAt)).toEqual({
          allowed: false,
          count: 0,
          resetAt: windowEndsAt,
        });
      });

      it('starts a new window after the window ends', async () => {
        const k = key('c-window');
        const firstEnd = now() + TTL_MS;
        expect(await store.consume(k, 2, 2, firstEnd)).toMatchObject({ allowed: true, count: 2 });
        expect(await store.consume(k, 1, 2, firstEnd)).toMatchObject({ allowed: false, count: 2 });
        await sleep(TTL_MS);
        await eventually(async () => {
          const nextEnd = now() + 60_000;
          expect(await store.consume(k, 1, 2, nextEnd)).toEqual({ allowed: true, count: 1, resetAt: nextEnd });
        });
      });
    });

    describe('consumeWindows', () => {
      // Every call's keys share one {hashtag}, as the contract requires; a fresh tag per test keeps tests apart.
      const tagged = (): ((label: string) => string) => {
        const tag = `{w:${run}:${++seq}}`;
        return (label) => `test:${tag}:${label}`;
      };
      const burst = (k: string, limit: number, endsAtIfNew = now() + 60_000): CounterWindow => ({ key: k, limit, endsAtIfNew, countWhenRefused: true });
      const quota = (k: string, limit: number, endsAtIfNew = now() + 60_000): CounterWindow => ({ key: k, limit, endsAtIfNew, countWhenRefused: false });
      /** The counter's value, read through consume with cost 0 (same counter shape). */
      const peek = async (k: string): Promise<number> => (await store.consume(k, 0, Number.MAX_SAFE_INTEGER, now() + 60_000)).count;

      it('counts every window in order and fixes each resetAt when its counter is created', async () => {
        const k = tagged();
        const secondEnd = now() + 1_000;
        const dayEnd = now() + 86_400_000;
        expect(await store.consumeWindows([burst(k('second'), 5, secondEnd), quota(k('day'), 10, dayEnd)])).toEqual({
          counts: [
            { count: 1, resetAt: secondEnd },
            { count: 1, resetAt: dayEnd },
          ],
          refusedAt: -1,
        });
        // Later calls naming other ends do not move the windows; cost applies to each window.
        expect(await store.consumeWindows([burst(k('second'), 5, secondEnd + 500), quota(k('day'), 10, dayEnd + 500)], 2)).toEqual({
          counts: [
            { count: 3, resetAt: secondEnd },
            { count: 3, resetAt: dayEnd },
          ],
          refusedAt: -1,
        });
      });

      it('shares counters with consume', async () => {
        const k = tagged();
        const end = now() + 60_000;
        await store.consume(k('day'), 4, 10, end);
        expect(await store.consumeWindows([quota(k('day'), 10, end + 1)])).toEqual({ counts: [{ count: 5, resetAt: end }], refusedAt: -1 });
        expect(await store.consume(k('day'), 1, 10, end)).toEqual({ allowed: true, count: 6, resetAt: end });
      });

      it('a burst counts a refused hit and stops there: later windows are not touched', async () => {
        const k = tagged();
        const windows = [burst(k('second'), 2), quota(k('day'), 10)];
        await store.consumeWindows(windows);
        await store.consumeWindows(windows);
        const refused = await store.consumeWindows(windows);
        expect(refused.refusedAt).toBe(0);
        expect(refused.counts).toHaveLength(1);
        expect(refused.counts[0]!.count).toBe(3);
        expect((await store.consumeWindows(windows)).counts).toMatchObject([{ count: 4 }]);
        expect(await peek(k('day'))).toBe(2);
      });

      it('a quota does not count a refused call, and the windows after it are not touched', async () => {
        const k = tagged();
        const windows = [burst(k('minute'), 100), quota(k('day'), 1), quota(k('month'), 10)];
        expect((await store.consumeWindows(windows)).refusedAt).toBe(-1);
        const refused = await store.consumeWindows(windows);
        expect(refused.refusedAt).toBe(1);
        expect(refused.counts).toMatchObject([{ count: 2 }, { count: 1 }]);
        expect(await peek(k('minute'))).toBe(2); // the burst counted the refused call
        expect(await peek(k('day'))).toBe(1);
        expect(await peek(k('month'))).toBe(1);
      });

      it('a refusal gives back the quota counts this call made earlier, but not the burst counts', async () => {
        const k = tagged();
        const byQuota = [burst(k('minute'), 100), quota(k('day'), 10), quota(k('month'), 1)];
        expect((await store.consumeWindows(byQuota)).refusedAt).toBe(-1);
        const refused = await store.consumeWindows(byQuota);
        expect(refused.refusedAt).toBe(2);
        // As evaluated: the day had counted this call before the month refused it.
        expect(refused.counts).toMatchObject([{ count: 2 }, { count: 2 }, { count: 1 }]);
        expect(await peek(k('minute'))).toBe(2);
        expect(await peek(k('day'))).toBe(1);
        expect(await peek(k('month'))).toBe(1);

        // A burst after a quota: the quota is given back when the burst refuses.
        const byBurst = [quota(k('week'), 10), burst(k('second'), 1)];
        expect((await store.consumeWindows(byBurst)).refusedAt).toBe(-1);
        expect((await store.consumeWindows(byBurst, 3)).refusedAt).toBe(1);
        expect(await peek(k('week'))).toBe(1);
        expect(await peek(k('second'))).toBe(4);
      });

      it('refuses a cost larger than a quota, creating its window', async () => {
        const k = tagged();
        const end = now() + 60_000;
        expect(await store.consumeWindows([quota(k('day'), 3, end)], 4)).toEqual({ counts: [{ count: 0, resetAt: end }], refusedAt: 0 });
        expect(await store.consumeWindows([quota(k('day'), 3, end)], 3)).toEqual({ counts: [{ count: 3, resetAt: end }], refusedAt: -1 });
      });

      it('starts new windows once the counters expire', async () => {
        const k = tagged();
        const firstEnd = now() + TTL_MS;
        const windows = [burst(k('second'), 1, firstEnd), quota(k('day'), 1, firstEnd)];
        expect((await store.consumeWindows(windows)).refusedAt).toBe(-1);
        expect((await store.consumeWindows(windows)).refusedAt).toBe(0);
        await sleep(TTL_MS);
        await eventually(async () => {
          const nextEnd = now() + 60_000;
          expect(await store.consumeWindows([burst(k('second'), 1, nextEnd), quota(k('day'), 1, nextEnd)])).toEqual({
            counts: [
              { count: 1, resetAt: nextEnd },
              { count: 1, resetAt: nextEnd },
            ],
            refusedAt: -1,
          });
        });
      });

      it('admits exactly `limit` of 300 concurrent calls, for a burst and for a quota', async () => {
        const k = tagged();
        const bursts = await Promise.all(Array.from({ length: 300 }, () => store.consumeWindows([burst(k('minute'), 100)])));
        expect(bursts.filter((r) => r.refusedAt === -1)).toHaveLength(100);
        expect(bursts.map((r) => r.counts[0]!.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));

        const windows = [burst(k('second'), 1_000), quota(k('day'), 100), quota(k('month'), 1_000)];
        const quotas = await Promise.all(Array.from({ length: 300 }, () => store.consumeWindows(windows)));
        expect(quotas.filter((r) => r.refusedAt === -1)).toHaveLength(100);
        expect(quotas.filter((r) => r.refusedAt !== -1).every((r) => r.refusedAt === 1 && r.counts[1]!.count === 100)).toBe(true);
        expect(await peek(k('second'))).toBe(300);
        expect(await peek(k('day'))).toBe(100);
        expect(await peek(k('month'))).toBe(100);
      });

      it('refuses keys that do not share one {hashtag}, touching nothing', async () => {
        const a = tagged();
        const b = tagged();
        await expect(store.consumeWindows([quota(a('day'), 10), quota(b('day'), 10)])).rejects.toThrow(TypeError);
        await expect(store.consumeWindows([quota(a('day'), 10), quota(key('plain'), 10)])).rejects.toThrow(/hashtag/);
        await expect(store.consumeWindows([quota(a('day'), 10)], -1)).rejects.toThrow(RangeError);
        expect(await peek(a('day'))).toBe(0);
        expect(await store.consumeWindows([])).toEqual({ counts: [], refusedAt: -1 });
      });
    });

    describe('sets', () => {
      it('adds, checks, lists and removes members', async () => {
        const k = key('set');
        expect(await store.members(k)).toEqual([]);
        expect(await store.isMember(k, 'a')).toBe(false);
        await store.addToSet(k, 'a');
        await store.addToSet(k, 'b');
        await store.addToSet(k, 'a');
        expect(await store.isMember(k, 'a')).toBe(true);
        expect((await store.members(k)).sort()).toEqual(['a', 'b']);
        expect(await store.removeFromSet(k, 'a')).toBe(true);
        expect(await store.removeFromSet(k, 'a')).toBe(false);
        expect(await store.isMember(k, 'a')).toBe(false);
        expect(await store.members(k)).toEqual(['b']);
        expect(await store.removeFromSet(k, 'b')).toBe(true);
        expect(await store.members(k)).toEqual([]);
      });

      it('keeps unicode members', async () => {
        const k = key('set-unicode');
        await store.addToSet(k, 'jti-é-東-🚀');
        expect(await store.isMember(k, 'jti-é-東-🚀')).toBe(true);
        expect(await store.members(k)).toEqual(['jti-é-東-🚀']);
      });
    });

    describe('keys with a {hashtag}', () => {
      it('keeps related keys distinct and usable by every method', async () => {
        const tag = `{consumer-${run}}`;
        const window = now() + 60_000;
        await store.set(`${tag}:profile`, 'p');
        await store.addToSet(`${tag}:jtis`, 'j1');
        expect(await store.consume(`${tag}:minute`, 1, 5, window)).toMatchObject({ allowed: true, count: 1 });
        expect(await store.increment(`${tag}:day`, 3, 60_000)).toMatchObject({ value: 3 });
        expect(await store.get(`${tag}:profile`)).toBe('p');
        expect(await store.isMember(`${tag}:jtis`, 'j1')).toBe(true);
        expect(await store.consume(`${tag}:minute`, 1, 5, window)).toMatchObject({ count: 2 });
        expect(await store.delete(`${tag}:profile`)).toBe(true);
      });
    });

    describe('health', () => {
      it('ping resolves', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('has a kind', () => {
        expect(['memory', 'redis', 'redis-cluster']).toContain(store.kind);
      });
    });
  });
}
