// Starts throwaway redis-server processes (single node or a 3-node Cluster) on free loopback ports for tests.
// Never touches the machine's own Redis on 6379; every process is stopped by PID and its temp dir removed.

import { spawn, spawnSync, execFile, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe } from 'vitest';

const execFileAsync = promisify(execFile);

const READY_TIMEOUT_MS = 5_000;
const CLUSTER_OK_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 3_000;

export interface RedisServer {
  url: string;
  port: number;
  /** PID of the current process (changes after restart). */
  readonly pid: number;
  /** Stops the process (SIGTERM, then SIGKILL) and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
  /** Starts a new redis-server on the same port and directory, after stop(). */
  restart(): Promise<void>;
}

export interface RedisCluster {
  /** Seed nodes as `127.0.0.1:port`. */
  nodes: string[];
  stop(): Promise<void>;
}

function onPath(command: string): boolean {
  const result = spawnSync(command, ['--version'], { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

export function redisAvailable(): boolean {
  return onPath('redis-server');
}

export function redisClusterAvailable(): boolean {
  return redisAvailable() && onPath('redis-cli');
}

/**
 * `describe` that needs a local redis-server (and redis-cli for `cluster`): skipped with one loud line when
 * missing, unless REQUIRE_REDIS=1 (CI), where a missing binary fails the file instead of passing silently.
 */
export function describeWithRedis(name: string, fn: () => void, options: { cluster?: boolean } = {}): void {
  const available = options.cluster === true ? redisClusterAvailable() : redisAvailable();
  if (available) {
    describe(name, fn);
    return;
  }
  const missing = options.cluster === true ? 'redis-server/redis-cli' : 'redis-server';
  if (process.env.REQUIRE_REDIS === '1') {
    throw new Error(`REQUIRE_REDIS=1 but ${missing} not found on PATH`);
  }
  console.warn(`SKIPPING Redis tests: ${missing} not found on PATH`);
  describe.skip(name, fn);
}

/** A port the kernel just handed out on loopback; another process could still take it, so callers retry. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** One PING over a raw socket: cheaper than spawning redis-cli on every poll. */
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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Spawned {
  child: ChildProcess;
  exited: Promise<void>;
  output: () => string;
}

function spawnRedis(args: string[]): Spawned {
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return { child, exited, output: () => output };
}

async function waitForPing(spawned: Spawned, port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (spawned.child.exitCode !== null) {
      throw new Error(`redis-server on port ${port} exited (${spawned.child.exitCode}):\n${spawned.output()}`);
    }
    if (await pingOnce(port)) return;
    await sleep(50);
  }
  throw new Error(`redis-server on port ${port} did not answer PING within ${READY_TIMEOUT_MS} ms:\n${spawned.output()}`);
}

async function stopProcess(spawned: Spawned): Promise<void> {
  const { child } = spawned;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  process.kill(child.pid, 'SIGTERM');
  const timedOut = await Promise.race([spawned.exited.then(() => false), sleep(STOP_GRACE_MS).then(() => true)]);
  if (timedOut && child.exitCode === null && child.signalCode === null) {
    process.kill(child.pid, 'SIGKILL');
    await spawned.exited;
  }
}

/** Starts redis-server on `port` (must be free) and waits for PING; kills it if it never answers. */
async function launch(port: number, dir: string, extraArgs: string[]): Promise<Spawned> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  const spawned = spawnRedis([...args, ...extraArgs]);
  // If the test worker dies before afterAll, do not leave the server behind.
  const killOnExit = (): void => {
    if (spawned.child.exitCode === null) spawned.child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  void spawned.exited.then(() => process.removeListener('exit', killOnExit));
  try {
    await waitForPing(spawned, port);
  } catch (err) {
    await stopProcess(spawned);
    throw err;
  }
  return spawned;
}

/** Picks a free port and launches; retries when another process grabbed the port in between. */
async function launchOnFreePort(dir: string, extraArgs: (port: number) => string[]): Promise<{ port: number; spawned: Spawned }> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await findFreePort();
    try {
      return { port, spawned: await launch(port, dir, extraArgs(port)) };
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

export async function startRedisServer(): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-redis-'));
  const launched = await launchOnFreePort(dir, () => []);
  const { port } = launched;
  let current = launched.spawned;
  let removed = false;

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return current.child.pid ?? -1;
    },
    async stop() {
      await stopProcess(current);
      if (!removed) {
        removed = true;
        await rm(dir, { recursive: true, force: true });
      }
    },
    async restart() {
      await stopProcess(current);
      // stop() may have removed the directory already.
      await mkdir(dir, { recursive: true });
      removed = false;
      current = await launch(port, dir, []);
    },
  };
}

async function clusterStateOk(port: number): Promise<boolean> {
  try {
    const { stdout } = await execFileAsync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'cluster', 'info'], {
      timeout: 2_000,
    });
    return stdout.includes('cluster_state:ok');
  } catch {
    return false;
  }
}

export async function startRedisCluster(nodeCount = 3): Promise<RedisCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-redis-cluster-'));
  const started: Spawned[] = [];
  const ports: number[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(started.map((spawned) => stopProcess(spawned)));
    await rm(dir, { recursive: true, force: true });
  };

  try {
    for (let i = 0; i < nodeCount; i++) {
      const { port, spawned } = await launchOnFreePort(dir, (p) => [
        '--cluster-enabled', 'yes',
        '--cluster-config-file', join(dir, `nodes-${p}.conf`),
        '--cluster-node-timeout', '2000',
      ]);
      started.push(spawned);
      ports.push(port);
    }
    const nodes = ports.map((port) => `127.0.0.1:${port}`);
    await execFileAsync('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes'], {
      timeout: 20_000,
    });

    const deadline = Date.now() + CLUSTER_OK_TIMEOUT_MS;
    for (;;) {
      const states = await Promise.all(ports.map(clusterStateOk));
      if (states.every(Boolean)) break;
      if (Date.now() > deadline) throw new Error(`cluster on ${nodes.join(', ')} not ok within ${CLUSTER_OK_TIMEOUT_MS} ms`);
      await sleep(100);
    }
    return { nodes, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
