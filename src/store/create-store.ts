// Picks the Store implementation the configuration asks for.
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/gateway-schema.js';
import type { Store } from './store.js';
import { createMemoryStore } from './memory-store.js';
import { createRedisStore } from './redis-store.js';

export function createStore(config: GatewayConfig['store'], logger: Logger): Store {
  if (config.kind === 'memory') return createMemoryStore();
  let lastLogged = 0;
  return createRedisStore({
    ...(config.clusterNodes && config.clusterNodes.length > 0 ? { clusterNodes: config.clusterNodes } : { url: config.url }),
    keyPrefix: config.keyPrefix,
    onError: (err) => {
      // A down Redis reports on every reconnect attempt; one line every 10 s is enough to see it.
      const now = Date.now();
      if (now - lastLogged > 10_000) {
        lastLogged = now;
        logger.warn({ code: (err as NodeJS.ErrnoException).code, msg: err.message }, 'redis unavailable');
      }
    },
  });
}
