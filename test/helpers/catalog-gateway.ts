// A whole gateway over the repo's real config/ (three demo APIs), composed exactly as main.ts composes it,
// listening on a free loopback port: tokens, the sandbox's mock engine, and upstreams pointed at a dead address.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Gateway } from '../../src/app.js';
import { composeGateway } from '../../src/compose-gateway.js';
import { loadConfig, type LoadedConfig } from '../../src/config/load-config.js';
import { loadRegistry } from '../../src/registry/load-registry.js';
import type { Registry } from '../../src/registry/registry.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { captureLogger } from './capture-logger.js';
import { generatedKeySet } from './token-kit.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const CONFIG_DIR = path.join(ROOT, 'config');
// Nothing listens there: a request that wrongly reached an upstream would fail loudly (502) instead of passing.
const DEAD_UPSTREAM = 'http://127.0.0.1:9';

export interface CatalogGateway extends Gateway {
  config: LoadedConfig;
  registry: Registry;
}

export async function buildCatalogGateway(publicUrl = 'http://localhost:8080'): Promise<CatalogGateway> {
  const config = loadConfig(CONFIG_DIR, {
    PUBLIC_URL: publicUrl,
    IMPRESE_UPSTREAM_URL: DEAD_UPSTREAM,
    ANAGRAFE_UPSTREAM_URL: DEAD_UPSTREAM,
    INDIRIZZI_UPSTREAM_URL: DEAD_UPSTREAM,
  });
  const { registry } = await loadRegistry(config);
  const { logger } = captureLogger('warn');
  const gateway = composeGateway({ config, registry, store: createMemoryStore(), keys: generatedKeySet().keySet, logger, mocksDir: path.join(ROOT, 'mocks') });
  return { ...gateway, config, registry };
}

export interface ListeningCatalogGateway {
  url: string;
  close(): Promise<void>;
}

/** Listens first, so the gateway's public URL (token issuer, links) is the real address with its free port. */
export async function startCatalogGateway(): Promise<ListeningCatalogGateway> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const gateway = await buildCatalogGateway(url);
  server.on('request', gateway.app);
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      gateway.close();
    },
  };
}
