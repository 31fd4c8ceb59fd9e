// Builds the whole gateway from a loaded configuration: limits, tokens, the sandbox's mock engines, the catalogue, the app.
// main.ts adds only I/O around it (keys from disk, the store's connection, listening); tests build the same thing in memory.
import type { Logger } from 'pino';
import { createApp, type Gateway } from './app.js';
import { createCatalogRoutes } from './catalog/routes.js';
import type { LoadedConfig } from './config/load-config.js';
import { createLimits, type Limits } from './limits/create-limits.js';
import { loadMockEngines } from './mock/load-mock-engines.js';
import { createMockHandler } from './mock/mock-handler.js';
import type { Registry } from './registry/registry.js';
import type { Store } from './store/store.js';
import { createTokens, type Tokens } from './tokens/create-tokens.js';
import type { KeySet } from './tokens/key-set.js';

export interface ComposeDeps {
  config: LoadedConfig;
  registry: Registry;
  store: Store;
  keys: KeySet;
  logger: Logger;
  /** Scenario folder; gateway.yaml's sandbox.mocksDir by default. */
  mocksDir?: string;
}

export interface ComposedGateway extends Gateway {
  limits: Limits;
  tokens: Tokens;
}

export function composeGateway(deps: ComposeDeps): ComposedGateway {
  const { config, registry, store, logger } = deps;
  const limits = createLimits({ gateway: config.gateway, consumers: config.consumers, store, logger });
  const tokens = createTokens({
    tokens: config.gateway.tokens,
    keys: deps.keys,
    store,
    registry,
    consumers: config.consumers,
    logger,
    rateLimit: limits.ipRateLimit,
    revocationFailOpen: config.gateway.limits.failOpen,
  });
  const sandbox = config.gateway.sandbox;
  const engines = loadMockEngines(registry, {
    mocksDir: deps.mocksDir ?? sandbox.mocksDir,
    defaultLocale: config.gateway.defaults.sandboxLocale,
    seed: sandbox.seed,
    validateResponses: sandbox.validateResponses,
  });
  const gateway = createApp({
    gateway: config.gateway,
    registry,
    store,
    logger,
    sandbox: createMockHandler(engines),
    limiter: limits.limiter,
    authenticator: tokens.authenticator,
    routes: [...tokens.routes, createCatalogRoutes({ registry, gateway: config.gateway, rateLimit: limits.ipRateLimit })],
    upstreamHeaders: tokens.upstreamHeaders,
    guards: tokens.guards,
  });
  return { ...gateway, limits, tokens };
}
