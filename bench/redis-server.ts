// A throwaway redis-server for the limits bench: its own process on a free loopback port (never 6379), no persistence,
// stopped by PID with the other children. Also reads what the bench reports about it: keys and commands processed.
import { spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { Redis } from 'ioredis';
import { freeLoopbackPort, startCommand, type RunningServer } from './start-child.js';

const DEFAULT_REDIS_PORT = 6379;

export interface BenchRedis extends RunningServer {
  readonly port: number;
  /** Every key, sorted (the bench database holds a handful). */
  keys(): Promise<string[]>;
  /** total_commands_processed and the calls of each command (INFO stats, INFO commandstats). */
  commandCounts(): Promise<Record<string, number>>;
}

export function redisServerAvailable(): boolean {
  const result = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

/** One PING over a raw socket. */
function pingOnce(port: number, timeoutMs = 300): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** A short-lived client for one question: the bench's own Redis traffic stays outside the measured window's hot path. */
async function withClient<T>(port: number, fn: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  try {
    await client.connect();
    return await fn(client);
  } finally {
    client.disconnect();
  }
}

function parseCommandCounts(stats: string, commandstats: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const total = /^total_commands_processed:(\d+)/m.exec(stats);
  if (total?.[1]) counts.commands = Number(total[1]);
  for (const match of commandstats.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (match[1] && match[2]) counts[`cmd:${match[1]}`] = Number(match[2]);
  }
  return counts;
}

/** Starts redis-server on a free loopback port (retrying if another process takes the port first) and waits for PING. */
export async function startBenchRedis(name: string, logFile: string): Promise<BenchRedis> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freeLoopbackPort();
    if (port === DEFAULT_REDIS_PORT) continue; // never the machine's own Redis port
    try {
      const server = await startCommand(name, {
        command: 'redis-server',
        // --dir: nothing is written (no RDB, no AOF), but keep any stray file out of the repository.
        args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()],
        url: `redis://127.0.0.1:${port}`,
        isReady: () => pingOnce(port),
        logFile,
        readyTimeoutMs: 5_000,
      });
      return {
        ...server,
        port,
        keys: () => withClient(port, async (client) => (await client.keys('*')).sort()),
        commandCounts: () =>
          withClient(port, async (client) => parseCommandCounts(await client.info('stats'), await client.info('commandstats'))),
      };
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError ?? new Error(`${name}: no free loopback port`);
}
