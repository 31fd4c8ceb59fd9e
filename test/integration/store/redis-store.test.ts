// Runs the Store contract against a real single-node redis-server on a free port, plus key layout and fault tolerance.

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRedisStore } from '../../../src/store/redis-store.js';
import type { Store } from '../../../src/store/store.js';
import { describeWithRedis, findFreePort, startRedisServer, type RedisServer } from '../../helpers/redis-server.js';
import { runStoreContract } from '../../unit/store/store-contract.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds until `promise` rejects; fails the test if it resolves. */
async function timeToReject(promise: Promise<unknown>): Promise<number> {
  const started = Date.now();
  await expect(promise).rejects.toBeInstanceOf(Error);
  return Date.now() - started;
}

describeWithRedis('redis store (single node)', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  runStoreContract('redis', async () => {
    const store = createRedisStore({ url: server.url, keyPrefix: 'contract:' });
    return { store, cleanup: () => store.close() };
  });

  describe('key layout', () => {
    let store: Store;
    let raw: Redis;
    beforeAll(() => {
      store = createRedisStore({ url: server.url, keyPrefix: 'layout:' });
      raw = new Redis(server.url);
    });
    afterAll(async () => {
      await store.close();
      await raw.quit();
    });

    it('puts the prefix outside the caller’s {hashtag}', async () => {
      await store.set('{c1}:profile', 'p');
      await store.consume('{c1}:minute', 1, 5, Date.now() + 60_000);
      expect(await raw.get('layout:{c1}:profile')).toBe('p');
      expect(await raw.exists('layout:{c1}:minute')).toBe(1);
    });

    it('expires counters with the window end, in ms', async () => {
      const windowEndsAt = Date.now() + 60_000;
      await store.consume('w', 1, 5, windowEndsAt);
      const pttl = await raw.pttl('layout:w');
      expect(pttl).toBeGreaterThan(59_000);
      expect(pttl).toBeLessThanOrEqual(60_000);
    });

    it('never leaves a counter without expiry, even for a give-back that lands after its window ended', async () => {
      // A quota refund crossing midnight: the window it names is already over.
      await store.consume('{c2}:day:yesterday', -1, Number.MAX_SAFE_INTEGER, Date.now() - 1_000);
      await sleep(20);
      // -2: gone (expired); -1 would be a key without expiry, left forever.
      expect(await raw.pttl('layout:{c2}:day:yesterday')).toBe(-2);
    });

    it('consumeWindows keeps counters as hashes under the prefix, in one script call for all windows', async () => {
      const scriptCalls = async (): Promise<number> => {
        const stats = await raw.info('commandstats');
        // Commands run inside a script are counted too (hmget, hincrby…); the round trips are the eval/evalsha calls.
        return [...stats.matchAll(/^cmdstat_(?:eval|evalsha):calls=(\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
      };
      const end = Date.now() + 60_000;
      const windows = ['second', 'minute', 'day'].map((name, i) => ({ key: `rl:{c:w1}:${name}`, limit: 10, endsAtIfNew: end + i, countWhenRefused: i < 2 }));
      await store.consumeWindows(windows); // the connection's first call sends the script itself (EVAL)
      const before = await scriptCalls();
      expect((await store.consumeWindows(windows)).counts.map((c) => c.count)).toEqual([2, 2, 2]);
      expect((await scriptCalls()) - before).toBe(1);
      expect(await raw.hgetall('layout:rl:{c:w1}:day')).toEqual({ c: '2', r: String(end + 2) });
      expect(await raw.pttl('layout:rl:{c:w1}:second')).toBeGreaterThan(59_000);
    });

    it('consumeWindows calls made together leave as one pipeline, each still its own atomic script, even before the script is loaded', async () => {
      await raw.script('FLUSH'); // every server forgets the script: the batch must load it itself
      const fresh = createRedisStore({ url: server.url, keyPrefix: 'batch:' });
      try {
        const commandsProcessed = async (): Promise<number> => Number(/^total_commands_processed:(\d+)/m.exec(await raw.info('stats'))?.[1]);
        const end = Date.now() + 60_000;
        const windows = [{ key: 'rl:{c:b}:second', limit: 30, endsAtIfNew: end, countWhenRefused: true }];
        const pipelines = vi.spyOn(Redis.prototype, 'pipeline');
        const results = await Promise.all(Array.from({ length: 40 }, () => fresh.consumeWindows(windows)));
        expect(pipelines).toHaveBeenCalledTimes(1); // 40 calls in one turn of the event loop: one pipeline
        pipelines.mockRestore();
        expect(results.map((r) => r.refusedAt).filter((r) => r === -1)).toHaveLength(30);
        expect(results.map((r) => r.counts[0]!.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        // One more batch of 40 on a loaded script: 40 EVALSHA, the counter's own work, no per-call extras.
        const before = await commandsProcessed();
        await Promise.all(Array.from({ length: 40 }, () => fresh.consumeWindows(windows)));
        expect(await raw.hget('batch:rl:{c:b}:second', 'c')).toBe('80');
        expect((await commandsProcessed()) - before).toBeLessThan(40 * 3 + 5);
      } finally {
        await fresh.close();
      }
    });

    it('consumeWindows measures a window’s length on Redis’s clock: a gateway clock 5 s behind still gets 1 s windows', async () => {
      const behind = Date.now() - 5_000;
      const spy = vi.spyOn(Date, 'now').mockReturnValue(behind);
      try {
        const window = { key: 'rl:{c:skew}:second:burst', limit: 1, endsAtIfNew: behind + 1_000, countWhenRefused: true };
        expect(await store.consumeWindows([window])).toEqual({ counts: [{ count: 1, resetAt: behind + 1_000 }], refusedAt: -1 });
        // An absolute expiry (5 s in Redis's past) would have deleted the counter: the second hit would pass too.
        expect(await store.consumeWindows([window])).toEqual({ counts: [{ count: 2, resetAt: behind + 1_000 }], refusedAt: 0 });
        expect(await raw.pttl('layout:rl:{c:skew}:second:burst')).toBeGreaterThan(500);
      } finally {
        spy.mockRestore();
      }
    });

    it('refuses a prefix with braces', () => {
      expect(() => createRedisStore({ url: server.url, keyPrefix: '{portico}:' })).toThrow(TypeError);
    });
  });

  describe('when Redis goes away', () => {
    let flaky: RedisServer;
    let store: Store;
    const errors: Error[] = [];

    beforeAll(async () => {
      flaky = await startRedisServer();
      store = createRedisStore({ url: flaky.url, keyPrefix: 'fault:', onError: (err) => errors.push(err) });
      await store.set('k', 'before');
    });
    afterAll(async () => {
      await store?.close();
      await flaky?.stop();
    });

    it('fails fast when Redis is unreachable from the start', async () => {
      const port = await findFreePort();
      const orphan = createRedisStore({ url: `redis://127.0.0.1:${port}`, onError: () => undefined });
      try {
        expect(await timeToReject(orphan.get('k'))).toBeLessThan(2_000);
        expect(await timeToReject(orphan.ping())).toBeLessThan(2_000);
      } finally {
        await orphan.close();
      }
    });

    it('fails fast while Redis is down and recovers by itself when it is back', async () => {
      await flaky.stop();

      expect(await timeToReject(store.get('k'))).toBeLessThan(2_000);
      expect(await timeToReject(store.consume('q', 1, 10, Date.now() + 60_000))).toBeLessThan(2_000);
      expect(await timeToReject(store.ping())).toBeLessThan(2_000);
      // Still failing fast once the client has settled into reconnecting.
      await sleep(300);
      expect(await timeToReject(store.increment('n', 1, 1_000))).toBeLessThan(2_000);
      expect(errors.length).toBeGreaterThan(0);

      await flaky.restart();
      const deadline = Date.now() + 10_000;
      for (;;) {
        try {
          await store.ping();
          break;
        } catch (err) {
          if (Date.now() > deadline) throw err;
          await sleep(100);
        }
      }
      // The new server started empty (no persistence): the old value is gone, but every operation works.
      expect(await store.get('k')).toBeUndefined();
      await store.set('k', 'after');
      expect(await store.get('k')).toBe('after');
      expect(await store.consume('q', 1, 10, Date.now() + 60_000)).toMatchObject({ allowed: true, count: 1 });
    });
  });
});
