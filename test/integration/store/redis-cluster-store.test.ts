// Runs the Store contract against a local 3-node Redis Cluster (started by the helper on free ports).

import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../../src/store/redis-store.js';
import { describeWithRedis, startRedisCluster, type RedisCluster } from '../../helpers/redis-server.js';
import { runStoreContract } from '../../unit/store/store-contract.js';

describeWithRedis(
  'redis store (cluster)',
  () => {
    let cluster: RedisCluster;
    beforeAll(async () => {
      cluster = await startRedisCluster(3);
    });
    afterAll(async () => {
      await cluster?.stop();
    });

    runStoreContract('redis-cluster', async () => {
      const store = createRedisStore({ clusterNodes: cluster.nodes, keyPrefix: 'contract:' });
      return { store, cleanup: () => store.close() };
    });

    describe('slots', () => {
      it('spreads plain keys over nodes and keeps a {hashtag} group in one slot', async () => {
        const store = createRedisStore({ clusterNodes: cluster.nodes, keyPrefix: 'slots:' });
        const raw = new Cluster(cluster.nodes);
        try {
          expect(store.kind).toBe('redis-cluster');
          const keys = Array.from({ length: 30 }, (_, i) => `plain-${i}`);
          await Promise.all(keys.map((k) => store.set(k, k)));
          expect(await Promise.all(keys.map((k) => store.get(k)))).toEqual(keys);

          const slotOf = (k: string): Promise<unknown> => raw.call('CLUSTER', 'KEYSLOT', k);
          const plainSlots = new Set(await Promise.all(keys.map((k) => slotOf(`slots:${k}`))));
          expect(plainSlots.size).toBeGreaterThan(1);
          const tagged = ['slots:{c9}:minute', 'slots:{c9}:day', 'slots:{c9}:jtis'];
          expect(new Set(await Promise.all(tagged.map(slotOf))).size).toBe(1);
        } finally {
          await store.close();
          await raw.quit();
        }
      });

      it('routes each consumeWindows call to its hashtag’s node, and refuses keys of two hashtags', async () => {
        const store = createRedisStore({ clusterNodes: cluster.nodes, keyPrefix: 'windows:' });
        const raw = new Cluster(cluster.nodes);
        try {
          const end = Date.now() + 60_000;
          const windowsOf = (tag: string) =>
            ['second', 'day', 'month'].map((name, i) => ({ key: `rl:{${tag}}:${name}`, limit: 5, endsAtIfNew: end, countWhenRefused: i === 0 }));
          const tags = Array.from({ length: 20 }, (_, i) => `c${i}:things`);
          const results = await Promise.all(tags.map((tag) => store.consumeWindows(windowsOf(tag))));
          expect(results.every((r) => r.refusedAt === -1 && r.counts.every((c) => c.count === 1))).toBe(true);
          const slots = await Promise.all(tags.map((tag) => raw.call('CLUSTER', 'KEYSLOT', `windows:rl:{${tag}}:day`)));
          expect(new Set(slots).size).toBeGreaterThan(1);
          expect(await raw.hget('windows:rl:{c7:things}:month', 'c')).toBe('1');

          const mixed = [...windowsOf('c1:things').slice(0, 1), ...windowsOf('a:things').slice(1)];
          await expect(store.consumeWindows(mixed)).rejects.toThrow(/one \{hashtag\}/);
          expect(await raw.hget('windows:rl:{c1:things}:second', 'c')).toBe('1');
        } finally {
          await store.close();
          await raw.quit();
        }
      });
    });
  },
  { cluster: true },
);
