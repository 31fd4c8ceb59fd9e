// Runs the Store contract against a real single-node redis-server on a free port, plus key layout and fault tolerance.

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
