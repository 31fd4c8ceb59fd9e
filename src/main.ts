// Starts the gateway: the only module that reads the environment; builds the dependencies, listens, shuts down cleanly.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from './config/load-config.js';
import { loadRegistry } from './registry/load-registry.js';
import { createStore } from './store/create-store.js';
import { createLogger } from './create-logger.js';
import { startDemoUpstreams } from './demo/start-demo-upstreams.js';
import { loadSigningKeys } from './tokens/load-signing-keys.js';
import { composeGateway } from './compose-gateway.js';

export interface StartOptions {
  configDir?: string;
  /** Also start the demo upstreams in this process. */
  demo?: boolean;
}

export interface RunningGateway {
  url: string;
  /** Stops accepting, lets in-flight requests finish (bounded by shutdown.graceMs), closes the store. */
  shutdown(): Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

export async function startGateway(options: StartOptions, env: Env = process.env): Promise<RunningGateway> {
  const configDir = options.configDir ?? env.CONFIG_DIR ?? 'config';
  const config = loadConfig(configDir, env);
  const logger = createLogger(config.gateway.logging.level);

  const demo = options.demo ? await startDemoUpstreams({ basePort: Number(env.DEMO_BASE_PORT ?? 9101) }) : undefined;
  if (demo) logger.info({ upstreams: demo.servers }, 'demo upstreams listening');

  const { registry, warnings } = await loadRegistry(config);
  for (const w of warnings) logger.warn(w, 'OpenAPI document quirk tolerated');

  const keys = await loadSigningKeys({ tokens: config.gateway.tokens, configDir: config.dir, keysFileOverride: env.SIGNING_KEYS_FILE });
  for (const warning of keys.warnings) logger.warn(warning);
  logger.info({ source: keys.source, path: keys.path }, 'signing keys loaded');

  const store = createStore(config.gateway.store, logger);
  const gateway = composeGateway({ config, registry, store, keys: keys.keySet, logger });

  const server = http.createServer(gateway.app);
  // Longer than common load balancers' idle timeouts, so they close first and never reuse a socket we just closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const { host, port } = config.gateway.listeners.public;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, apis: registry.apis.map((a) => `/${a.id}/${a.config.version}`), store: store.kind }, 'portico listening');
  logger.flush(); // start-up lines are read by people and supervisors waiting for "listening": do not hold them

  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    stopping ??= (async () => {
      logger.info('shutting down: no new connections, finishing in-flight requests');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // close() only drops connections idle at that moment; keep-alive sockets whose request finishes later would
      // otherwise hold the process until the grace period ends.
      const sweeper = setInterval(() => server.closeIdleConnections(), 50);
      const grace = setTimeout(() => server.closeAllConnections(), config.gateway.shutdown.graceMs);
      await closed;
      clearInterval(sweeper);
      clearTimeout(grace);
      gateway.close();
      await gateway.limits.close().catch(() => undefined);
      await store.close().catch(() => undefined);
      await demo?.close();
      logger.info('stopped');
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
    })();
    return stopping;
  };
  return { url, shutdown };
}
