// The one behaviour every Store implementation must show; each implementation's test file runs it.
// Uses short real TTLs (not a fake clock) so the very same assertions hold for memory and Redis.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';

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
