// express-rate-limit stores for the per-address limiters (ip-rate-limit.ts), one new instance per limiter: its
// MemoryStore by default, rate-limit-redis over ioredis when Redis is configured (single node or Cluster).
// A failing store throws LimitStoreError.
import { MemoryStore, type Store as RateLimitStore } from 'express-rate-limit';
import { Cluster } from 'ioredis';
import { RedisStore, type RedisReply, type SendCommandClusterDetails } from 'rate-limit-redis';
import type { LimitsRedis } from './create-limits-redis.js';
import { LimitStoreError } from './store-faults.js';

/** Makes a store for one limiter; `prefix` (e.g. `rl:sandbox-tokens:`) keeps limiters' counters apart. */
export type RateLimitStoreFactory = (prefix: string) => RateLimitStore;

const COMMAND_DEADLINE_MS = 1000;

/**
 * rate-limit-redis 6 loads its script once, in init(). When Redis is down at that moment the stored promise stays
 * rejected and every later call fails with it, even after Redis is back: load again in that case, then retry once.
 * Errors leave as LimitStoreError so the fault policy, not a 500, decides.
 */
class ResilientRedisStore extends RedisStore {
  override async increment(key: string): ReturnType<RedisStore['increment']> {
    try {
      return await super.increment(key);
    } catch (first) {
      const loadFailed = await this.incrementScriptSha.then(
        () => false,
        () => true,
      );
      if (!loadFailed) throw new LimitStoreError(first);
      this.incrementScriptSha = this.loadIncrementScript(this.prefixKey(key));
      try {
        return await super.increment(key);
      } catch (second) {
        throw new LimitStoreError(second);
      }
    }
  }
}

export function createRateLimitStores(redis: LimitsRedis | undefined, keyPrefix: string): RateLimitStoreFactory {
  if (redis === undefined) return () => new MemoryStore();
  if (redis instanceof Cluster) {
    const cluster = redis;
    const sendCommandCluster = ({ command }: SendCommandClusterDetails): Promise<RedisReply> => {
      const [name = '', ...args] = command;
      const masters = cluster.nodes('master');
      // SCRIPT LOAD names no key; the EVALSHA that follows goes to whichever node owns its key, so load everywhere.
      if (name.toUpperCase() === 'SCRIPT' && masters.length > 0) {
        return withDeadline(Promise.all(masters.map((node) => node.call(name, args))).then((replies) => replies[0] as RedisReply));
      }
      // ioredis routes by the command's key (for EVALSHA, the one after numkeys); the reply is whatever Redis sent.
      return withDeadline(cluster.call(name, args) as Promise<RedisReply>);
    };
    return (prefix) => new ResilientRedisStore({ prefix: keyPrefix + prefix, sendCommandCluster });
  }
  const client = redis;
  const sendCommand = (...command: string[]): Promise<RedisReply> => {
    const [name = '', ...args] = command;
    // The reply's shape is rate-limit-redis's business (it parses it); ioredis types it as unknown. A single node's
    // commands are bounded by ioredis's commandTimeout, so no second timer per call on the hot path.
    return client.call(name, args) as Promise<RedisReply>;
  };
  return (prefix) => new ResilientRedisStore({ prefix: keyPrefix + prefix, sendCommand });
}

// ioredis's commandTimeout does not cover a Cluster's own queue (topology not yet known): bound every call here.
function withDeadline<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`Redis did not answer within ${COMMAND_DEADLINE_MS} ms`), { code: 'ETIMEDOUT' })), COMMAND_DEADLINE_MS);
    timer.unref();
  });
  // The loser of the race may still reject later; swallow that so it never surfaces as unhandled.
  promise.catch(() => undefined);
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
