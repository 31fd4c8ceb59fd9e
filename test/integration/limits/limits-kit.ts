// Builds a gateway app with tokens and limits wired as main.ts does, over a memory store and a frozen clock.
import type { Gateway } from '../../../src/app.js';
import type { ConsumerConfig } from '../../../src/config/consumer-schema.js';
import { gatewaySchema, type GatewayConfig } from '../../../src/config/gateway-schema.js';
import { createLimits, type Limits } from '../../../src/limits/create-limits.js';
import { createRegistry } from '../../../src/registry/registry.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { createRedisStore } from '../../../src/store/redis-store.js';
import type { Store } from '../../../src/store/store.js';
import { createTokens, type Tokens } from '../../../src/tokens/create-tokens.js';
import { captureLogger, type CapturedLogger } from '../../helpers/capture-logger.js';
import { registerTestApi } from '../../helpers/test-gateway.js';
import { createAppWithTokens, frozenClock, generatedKeySet, type FrozenClock } from '../../helpers/token-kit.js';

export const DOC = 'openapi-mini/proxy-test.openapi.yaml';

export interface LimitedApi {
  id: string;
  upstreamUrl: string;
  access?: 'open' | 'token';
  limits?: unknown;
}

export interface LimitedGateway extends Gateway {
  limits: Limits;
  tokens: Tokens;
  clock: FrozenClock;
  store: Store;
  log: CapturedLogger;
  /** A production token for a consumer of consumers.yaml (plan from there). */
  productionToken(clientId: string): string;
  sandboxToken(): string;
  shutdown(): Promise<void>;
}

export interface LimitedGatewayOptions {
  gateway: Record<string, unknown>;
  apis: LimitedApi[];
  consumers?: Pick<ConsumerConfig, 'clientId' | 'plan' | 'apis' | 'limits'>[];
  clock?: FrozenClock;
  /** Wraps the store (e.g. to make it fail). */
  store?: (store: Store) => Store;
}

/** For Redis: counters expire at absolute times, so the clock must be real (a FrozenClock started at Date.now()). */
export function redisStoreConfig(target: { url: string } | { clusterNodes: string[] }): Record<string, unknown> {
  return { kind: 'redis', ...target, keyPrefix: `t${Math.random().toString(36).slice(2, 8)}:` };
}

export async function buildLimitedGateway(options: LimitedGatewayOptions): Promise<LimitedGateway> {
  const gateway: GatewayConfig = gatewaySchema.parse({ tokens: { issuer: 'https://gateway.test' }, ...options.gateway });
  const registered = await Promise.all(
    options.apis.map((api) => registerTestApi({ ...api, openapi: DOC }, gateway.defaults.upstreamTimeoutMs, 'token')),
  );
  const registry = createRegistry(registered);
  const clock = options.clock ?? frozenClock();
  const memory =
    gateway.store.kind === 'redis'
      ? createRedisStore({ ...(gateway.store.clusterNodes ? { clusterNodes: gateway.store.clusterNodes } : { url: gateway.store.url }), keyPrefix: gateway.store.keyPrefix })
      : createMemoryStore({ now: clock });
  const store = options.store ? options.store(memory) : memory;
  const log = captureLogger('debug');
  const consumers = (options.consumers ?? []).map((c) => ({ ...c, name: c.clientId, disabled: false, secretHash: 'scrypt$1024$8$1$c2FsdA$aGFzaA' }));
  const limits = createLimits({ gateway, consumers, store, logger: log.logger, clock });
  const tokens = createTokens({ tokens: gateway.tokens, keys: generatedKeySet().keySet, store, registry, consumers: [], logger: log.logger, clock, rateLimit: limits.ipRateLimit });
  const built = createAppWithTokens({ gateway, registry, store, logger: log.logger, limiter: limits.limiter }, tokens);
  return {
    ...built,
    limits,
    tokens,
    clock,
    store,
    log,
    productionToken(clientId) {
      const consumer = consumers.find((c) => c.clientId === clientId)!;
      return tokens.issuer.issueProduction({ clientId, plan: consumer.plan, apis: consumer.apis, now: clock() }).token.access_token;
    },
    sandboxToken() {
      return tokens.issuer.issueSandbox({ apis: registry.apis.map((a) => a.id), now: clock() }).token.access_token;
    },
    async shutdown() {
      built.close();
      await limits.close();
      await memory.close();
    },
  };
}
