// Forks a bench server (a .ts entry run through tsx) as its own process, waits for its ready message, stops it by PID;
// or spawns a server command (a CLI we do not control) and waits until it answers HTTP. Every live child is tracked so
// the runner can stop them all on error or SIGINT.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { isReadyMessage } from './ready-message.js';

export interface RunningServer {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface ChildOptions {
  /** Path of the entry script. */
  script: string;
  env?: Record<string, string>;
  /** Where the child's stdout goes: a file descriptor, or 'ignore' (/dev/null). */
  stdout?: number | 'ignore' | 'inherit';
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: readonly string[];
  readyTimeoutMs?: number;
}

const live = new Map<number, ChildProcess>();

const STOP_GRACE_MS = 5_000;

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

export async function startChild(name: string, options: ChildOptions): Promise<RunningServer> {
  const child = fork(options.script, [], {
    execArgv: ['--import', 'tsx', ...(options.nodeFlags ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', options.stdout ?? 'inherit', 'inherit', 'ipc'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name}: could not be started`);
  live.set(pid, child);
  child.once('exit', () => live.delete(pid));

  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${name}: not ready within ${timeoutMs} ms`)), timeoutMs);
      child.on('message', (message) => {
        if (isReadyMessage(message)) resolve(message.url);
      });
      child.once('exit', (code, signal) => reject(new Error(`${name}: exited before it was ready (code ${code}, signal ${signal})`)));
      child.once('error', reject);
    });
    let stopping: Promise<void> | undefined;
    return { name, url, pid, stop: () => (stopping ??= stopChild(child)) };
  } catch (err) {
    await stopChild(child);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

export interface CommandOptions {
  /** The executable (process.execPath for a node script, so the PID is the server's and not a shell's). */
  command: string;
  args: readonly string[];
  /** Base URL the command will listen on (it was given the port). */
  url: string;
  /** A path that answers (any status) once the server listens (HTTP servers). */
  readyPath?: string;
  /** Readiness probe for servers that do not speak HTTP (e.g. a Redis PING); polled instead of readyPath. */
  isReady?: () => Promise<boolean>;
  /** stdout and stderr of the command go to this file (truncated first); its tail is shown if it fails to start. */
  logFile: string;
  /** Added to this process's environment; a key set to undefined is removed from the child's. */
  env?: Record<string, string | undefined>;
  readyTimeoutMs?: number;
}

/** A TCP port free on 127.0.0.1 right now, for a command that must be told its port (a small race we accept). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

async function answersHttp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/** Spawns a server command directly (no shell), polls isReady (or readyPath) until it answers, stops it by PID. */
export async function startCommand(name: string, options: CommandOptions): Promise<RunningServer> {
  const probe = options.isReady ?? (() => answersHttp(options.url + (options.readyPath ?? '/')));
  const where = options.isReady ? options.url : options.url + (options.readyPath ?? '/');
  const fd = openSync(options.logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(options.command, options.args, { env: { ...process.env, ...options.env }, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd); // the child holds its own copy
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name}: could not be started (${options.command})`);
  live.set(pid, child);
  child.once('exit', () => live.delete(pid));

  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `code ${code}, signal ${signal}`));
  try {
    for (;;) {
      if (exited) throw new Error(`${name}: exited before it was ready (${exited}); its output:\n${tail(options.logFile)}`);
      if (Date.now() > deadline) throw new Error(`${name}: not answering ${where} within ${timeoutMs} ms; its output:\n${tail(options.logFile)}`);
      if (await probe()) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    let stopping: Promise<void> | undefined;
    return { name, url: options.url, pid, stop: () => (stopping ??= stopChild(child)) };
  } catch (err) {
    await stopChild(child);
    throw err;
  }
}

/** Stops every child still running, each by its own PID. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live.values()].map(stopChild));
}

/** Last resort on process exit: synchronous SIGKILL of whatever is left. */
export function killAllChildrenNow(): void {
  for (const [pid] of live) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
