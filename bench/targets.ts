// What `npm run bench` measures: a list of targets (name + start() → {url, pid, stop()}), the ratios to print and the goals.
// Add a bench by adding a target here (e.g. token verification cached/uncached, a Redis-limited route, mock vs Prism).
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild, type RunningServer } from './start-child.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface BenchContext {
  /** The shared dedicated upstream (bench/upstream.ts), started once per run. */
  readonly upstream: RunningServer;
  readonly resultsDir: string;
  /** LOG_LEVEL for the gateway children (info unless BENCH_LOG_LEVEL says otherwise). */
  readonly logLevel: string;
  /** Extra node flags for a target's child, e.g. --cpu-prof when BENCH_CPU_PROF names it. */
  nodeFlagsFor(target: string): string[];
}

export interface RunningTarget {
  readonly url: string;
  /** The process whose CPU time is charged to this target. */
  readonly pid: number;
  /** Whether the shared upstream is behind this target (its CPU is then reported too). */
  readonly proxiesUpstream: boolean;
  /** A file the target writes one line per request to (the access log), for a sanity count. */
  readonly accessLogFile?: string;
  stop(): Promise<void>;
}

export interface BenchTarget {
  readonly name: string;
  readonly description: string;
  /** Request path (and query) that autocannon sends: a ~1 KB JSON GET. */
  readonly path: string;
  start(ctx: BenchContext): Promise<RunningTarget>;
}

const ITEM_PATH = '/bench/v1/items/42';

export const targets: readonly BenchTarget[] = [
  {
    name: 'upstream',
    description: 'straight to the dedicated node:http upstream (the ceiling)',
    path: ITEM_PATH,
    async start({ upstream }) {
      // The shared upstream: the runner stops it at the end, not this target.
      return { url: upstream.url, pid: upstream.pid, proxiesUpstream: false, stop: async () => undefined };
    },
  },
  {
    name: 'bare-proxy',
    description: 'bare express 5 + http-proxy-middleware 3, keep-alive agent, no policies',
    path: ITEM_PATH,
    async start(ctx) {
      const server = await startChild('bare-proxy', {
        script: path.join(here, 'bare-proxy.ts'),
        env: { BENCH_UPSTREAM_URL: ctx.upstream.url },
        nodeFlags: ctx.nodeFlagsFor('bare-proxy'),
      });
      return { url: server.url, pid: server.pid, proxiesUpstream: true, stop: server.stop };
    },
  },
  {
    name: 'gateway',
    description: 'Portico production route (open access, info access log to a file)',
    path: ITEM_PATH,
    async start(ctx) {
      // The access log goes to a file, as a log shipper would read it; never through this process (it runs autocannon).
      const accessLogFile = path.join(ctx.resultsDir, 'gateway-stdout.log');
      const fd = openSync(accessLogFile, 'w');
      try {
        const server = await startChild('gateway', {
          script: path.join(here, 'gateway.ts'),
          env: { BENCH_UPSTREAM_URL: ctx.upstream.url, LOG_LEVEL: ctx.logLevel },
          stdout: fd,
          nodeFlags: ctx.nodeFlagsFor('gateway'),
        });
        return { url: server.url, pid: server.pid, proxiesUpstream: true, accessLogFile, stop: server.stop };
      } finally {
        closeSync(fd); // the child holds its own copy
      }
    },
  },
];

/** Ratios printed after the table: numerator / denominator target names. */
export const ratios: readonly (readonly [string, string])[] = [
  ['gateway', 'bare-proxy'],
  ['gateway', 'upstream'],
  ['bare-proxy', 'upstream'],
];

export interface Goal {
  readonly numerator: string;
  readonly denominator: string;
  /** Minimum requests/s ratio. */
  readonly minRpsRatio: number;
  readonly source: string;
}

export const goals: readonly Goal[] = [
  { numerator: 'gateway', denominator: 'bare-proxy', minRpsRatio: 0.8, source: 'target for the finished gateway (issue)' },
];

/** Starts the shared upstream every target uses. */
export function startUpstream(nodeFlags: string[]): Promise<RunningServer> {
  return startChild('upstream', { script: path.join(here, 'upstream.ts'), nodeFlags });
}
