// The limit contract on a throwaway redis-server (the Redis Store's consumeWindows script), and on a local 3-node Cluster.
import { afterAll, beforeAll } from 'vitest';
import { describeWithRedis, startRedisCluster, startRedisServer, type RedisCluster, type RedisServer } from '../../helpers/redis-server.js';
import { runLimitContract } from './limit-contract.js';
import { redisStoreConfig } from './limits-kit.js';

describeWithRedis('limits on a single Redis node', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  runLimitContract('redis', () => redisStoreConfig({ url: redis.url }));
});

describeWithRedis(
  'limits on a Redis Cluster',
  () => {
    let cluster: RedisCluster;
    beforeAll(async () => {
      cluster = await startRedisCluster(3);
    });
    afterAll(async () => {
      await cluster?.stop();
    });
    runLimitContract('redis-cluster', () => redisStoreConfig({ clusterNodes: cluster.nodes }));
  },
  { cluster: true },
);
