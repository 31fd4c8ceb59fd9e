// The ioredis connection rate-limit-redis sends the per-address limiters' commands over (the Store keeps its own
// client private; API routes' limits count through the Store).
// Same failure behaviour as the Redis Store: bounded connect and command times, no queue during an outage, reconnects forever.
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { GatewayConfig } from '../config/gateway-schema.js';

export type LimitsRedis = Redis | Cluster;

const TIMEOUT_MS = 1000;
// Capped exponential backoff: quick when Redis blips, at most one attempt every 2 s during an outage.
const reconnectDelay = (attempt: number): number => Math.min(100 * 2 ** (attempt - 1), 2000);

/** undefined for the memory store: per-address limits then count in each process's memory (express-rate-limit's MemoryStore). */
export function createLimitsRedis(store: GatewayConfig['store'], onError: (err: Error) => void): LimitsRedis | undefined {
  if (store.kind !== 'redis') return undefined;
  const connection: RedisOptions = {
    connectTimeout: TIMEOUT_MS,
    commandTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    // A counter script in flight when the link dropped may already have run; resending it would count twice.
    autoResendUnfulfilledCommands: false,
  };
  const client: LimitsRedis =
    store.clusterNodes && store.clusterNodes.length > 0
      ? new Cluster(store.clusterNodes, { clusterRetryStrategy: reconnectDelay, clusterNodeRetryStrategy: reconnectDelay, redisOptions: connection })
      : new Redis(store.url ?? '', { ...connection, retryStrategy: reconnectDelay });
  // Queue only while booting; once connected, an outage must fail calls at once so the fault policy decides.
  client.once('ready', () => {
    client.options.enableOfflineQueue = false;
  });
  // Without a listener, an unreachable Redis would crash the process with an unhandled 'error' event.
  client.on('error', onError);
  if (client instanceof Cluster) client.on('node error', onError);
  return client;
}

/** quit when Redis answers, otherwise just drop the sockets and stop reconnecting. */
export async function closeLimitsRedis(client: LimitsRedis): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.quit(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('quit timed out')), TIMEOUT_MS);
      }),
    ]);
  } catch {
    client.disconnect();
  } finally {
    clearTimeout(timer);
  }
}
