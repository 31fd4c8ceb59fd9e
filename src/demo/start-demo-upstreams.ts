// Starts the three demo upstreams on local ports (for `portico start --demo`, the tour and integration tests).
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDemoUpstream, DEMO_API_IDS } from './create-demo-upstream.js';

export interface DemoUpstreams {
  /** Base URL per API id, e.g. `{ imprese: 'http://127.0.0.1:9101', … }`. */
  readonly servers: Record<string, string>;
  close(): Promise<void>;
}

export const DEFAULT_DEMO_BASE_PORT = 9101;

async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  // Idle keep-alive sockets (e.g. from the gateway's proxy agent) would otherwise hold close() open.
  server.closeAllConnections();
  await closed;
}

/** Listens on basePort, basePort+1, basePort+2 (imprese, anagrafe, indirizzi); basePort 0 picks free ports. */
export async function startDemoUpstreams(options: { host?: string; basePort?: number } = {}): Promise<DemoUpstreams> {
  const host = options.host ?? '127.0.0.1';
  const basePort = options.basePort ?? DEFAULT_DEMO_BASE_PORT;
  const started: Server[] = [];
  const servers: Record<string, string> = {};
  const closeAll = async (): Promise<void> => {
    await Promise.all(started.map(closeServer));
  };
  try {
    for (const [index, apiId] of DEMO_API_IDS.entries()) {
      const server = createDemoUpstream(apiId).listen(basePort === 0 ? 0 : basePort + index, host);
      started.push(server);
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      servers[apiId] = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    }
  } catch (err) {
    await closeAll();
    throw err;
  }
  let closing: Promise<void> | undefined;
  return { servers, close: () => (closing ??= closeAll()) };
}
