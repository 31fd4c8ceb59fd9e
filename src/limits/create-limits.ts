// Builds the limits feature from configuration: what main.ts hands to createApp (limiter) and to the token routes
// (ipRateLimit), the failure counters to expose, and close() for shutdown. The one place that defaults the clock.
import type { Store as RateLimitStore } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { ConsumerConfig } from '../config/consumer-schema.js';
import type { GatewayConfig } from '../config/gateway-schema.js';
import type { Store } from '../store/store.js';
import { closeLimitsRedis, createLimitsRedis } from './create-limits-redis.js';
import { createLimiter } from './create-limiter.js';
import { createIpRateLimitFactory, type IpRateLimitFactory } from './ip-rate-limit.js';
import type { Limiter } from './limiter.js';
import { createRateLimitStores } from './rate-limit-stores.js';
import { createStoreFaults, type LimitMetrics } from './store-faults.js';

export interface LimitsDeps {
  gateway: Pick<GatewayConfig, 'plans' | 'limits' | 'store'>;
  consumers: readonly ConsumerConfig[];
  /** API routes' bursts and quotas count here (Store.consumeWindows); the same Store the rest of the gateway shares. */
  store: Store;
  logger: Logger;
  /** Epoch ms; Date.now unless a test freezes it. */
  clock?: () => number;
}

export interface Limits {
  /** createApp's `limiter`: plans, overrides and ceilings on API routes. */
  limiter: Limiter;
  /** Per-address limiters for anonymous gateway routes (token issuance, catalogue). */
  ipRateLimit: IpRateLimitFactory;
  /** Failure counters (storeErrors, passedUnlimited, refusedUnavailable), for metrics. */
  metrics: LimitMetrics;
  /** Where the counters live: the Store's kind, 'memory' (each process counts alone), 'redis' or 'redis-cluster'. */
  readonly kind: string;
  close(): Promise<void>;
}

export function createLimits(deps: LimitsDeps): Limits {
  const { gateway, logger } = deps;
  const clock = deps.clock ?? Date.now;
  let lastLogged = -Infinity;
  // Only the per-address limiters (express-rate-limit, rate-limit-redis) use this connection; API limits use the Store.
  const redis = createLimitsRedis(gateway.store, (err) => {
    // A down Redis reports on every reconnect attempt; one line every 10 s is enough to see it.
    const now = clock();
    if (now - lastLogged > 10_000) {
      lastLogged = now;
      logger.warn({ code: (err as NodeJS.ErrnoException).code, msg: err.message }, 'rate-limit redis unavailable');
    }
  });
  const stores = createRateLimitStores(redis, gateway.store.keyPrefix);
  const faults = createStoreFaults({ failOpen: gateway.limits.failOpen, logger, clock });
  const limiter = createLimiter({
    plans: gateway.plans,
    consumers: deps.consumers,
    timeZone: gateway.limits.timeZone,
    store: deps.store,
    faults,
    clock,
  });
  const ipStores: RateLimitStore[] = [];
  const storeFor = (name: string): RateLimitStore => {
    const store = stores(`rl:${name}:`);
    ipStores.push(store);
    return store;
  };
  const ipRateLimit = createIpRateLimitFactory({ storeFor, clock, faults, logger });
  return {
    limiter,
    ipRateLimit,
    metrics: faults.metrics,
    kind: deps.store.kind,
    async close() {
      for (const store of ipStores) await store.shutdown?.();
      if (redis) await closeLimitsRedis(redis);
    },
  };
}
