// Forks a bench server (a .ts entry run through tsx) as its own process, waits for its ready message, stops it by PID.
// Every live child is tracked so the runner can stop them all on error or SIGINT.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
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
