// What `npm run bench` measures: a list of targets (name + start() → {url, pid, stop()}), the groups BENCH_TARGETS may
// name, the ratios to print and the goals. Add a bench by adding a target here.
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type autocannon from 'autocannon';
import { generateSigningJwk } from '../src/tokens/key-set.js';
import { ASSERTION_SEEN_HEADER } from './assertion-seen.js';
import { freeLoopbackPort, startChild, startCommand, type RunningServer } from './start-child.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(here);

export interface BenchContext {
  /** The shared dedicated upstream (bench/upstream.ts), started once per run when a selected target needs it. */
  readonly upstream: RunningServer | undefined;
  readonly resultsDir: string;
  /** LOG_LEVEL for the gateway children (info unless BENCH_LOG_LEVEL says otherwise). */
  readonly logLevel: string;
  /** Extra node flags for a target's child, e.g. --cpu-prof when BENCH_CPU_PROF names it. */
  nodeFlagsFor(target: string): string[];
}

export interface RunningTarget {
  readonly url: string;
  /** The process whose CPU time and memory are charged to this target. */
  readonly pid: number;
  /** Whether the shared upstream is behind this target (its CPU is then reported too). */
  readonly proxiesUpstream: boolean;
  /** A file the target writes its log to (for the gateway, one access-log line per request), for a sanity count. */
  readonly accessLogFile?: string;
  /** Headers sent with every request (e.g. the bearer token obtained at start). */
  readonly headers?: Readonly<Record<string, string>>;
  /** What start() checked or found, printed with the target. */
  readonly notes?: readonly string[];
  stop(): Promise<void>;
}

export interface BenchTarget {
  readonly name: string;
  readonly description: string;
  /** Request path (and query) of the sanity check, and of every request unless `requests` varies it. */
  readonly path: string;
  /** Groups BENCH_TARGETS may name instead of the target (proxy, tokens, mock). */
  readonly groups: readonly string[];
  /** Whether the shared upstream must be running for this target. */
  readonly usesUpstream: boolean;
  /** autocannon request list, built afresh for each autocannon run (e.g. a path that varies per request). */
  requests?(): autocannon.Request[];
  start(ctx: BenchContext): Promise<RunningTarget>;
}

/** Thrown by start() when a target cannot run here (e.g. an optional peer is not installed): the runner skips it and says why. */
export class TargetUnavailable extends Error {
  override readonly name = 'TargetUnavailable';
}

function requireUpstream(ctx: BenchContext): RunningServer {
  if (!ctx.upstream) throw new Error('the shared upstream is not running (the target should say usesUpstream: true)');
  return ctx.upstream;
}

/** Starts the gateway child with a config folder; its stdout (the access log) goes to a file, never through this process (it runs autocannon). */
async function startGatewayChild(ctx: BenchContext, name: string, env: Record<string, string>): Promise<RunningServer & { accessLogFile: string }> {
  const accessLogFile = path.join(ctx.resultsDir, `${name}-stdout.log`);
  const fd = openSync(accessLogFile, 'w');
  try {
    const server = await startChild(name, {
      script: path.join(here, 'gateway.ts'),
      env: { BENCH_UPSTREAM_URL: requireUpstream(ctx).url, LOG_LEVEL: ctx.logLevel, ...env },
      stdout: fd,
      nodeFlags: ctx.nodeFlagsFor(name),
    });
    return Object.assign(server, { accessLogFile });
  } finally {
    closeSync(fd); // the child holds its own copy
  }
}

const ITEM_PATH = '/bench/v1/items/42';

// ---- token targets ----------------------------------------------------------------------------------------------

/** The bench consumer of bench/config-token*\/consumers.yaml. BENCH ONLY: this secret is public. */
const BENCH_CLIENT_ID = 'bench-client';
const BENCH_CLIENT_SECRET = 'portico-bench-only-client-secret';

let signingKeysFile: string | undefined;

/** A fresh ES256 signing key for this run (bench/results is git-ignored), shared by both token gateways. */
function benchSigningKeys(resultsDir: string): string {
  if (signingKeysFile) return signingKeysFile;
  const file = path.join(resultsDir, 'signing-keys.json');
  writeFileSync(file, `${JSON.stringify({ keys: [generateSigningJwk('ES256')] })}\n`, { mode: 0o600 });
  signingKeysFile = file;
  return file;
}

/** POST /oauth/token, client_credentials with client_secret_basic (RFC 6749 §2.3.1: id and secret form-encoded first). */
async function fetchProductionToken(baseUrl: string): Promise<string> {
  const basic = Buffer.from(`${encodeURIComponent(BENCH_CLIENT_ID)}:${encodeURIComponent(BENCH_CLIENT_SECRET)}`).toString('base64');
  const response = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'bench' }).toString(),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST /oauth/token: expected 200, got ${response.status}: ${text.slice(0, 300)}`);
  const token = (JSON.parse(text) as { access_token?: unknown }).access_token;
  if (typeof token !== 'string') throw new Error('POST /oauth/token: no access_token in the answer');
  return token;
}

/** Checks the route really needs the token and that the upstream receives a signed Portico-Consumer assertion. */
async function checkTokenRoute(url: string, token: string): Promise<string[]> {
  const without = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  await without.arrayBuffer();
  if (without.status !== 401) throw new Error(`${url} without a token: expected 401, got ${without.status} (is the route access: token?)`);
  const withToken = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5_000) });
  await withToken.arrayBuffer();
  if (withToken.status !== 200) throw new Error(`${url} with the token: expected 200, got ${withToken.status}`);
  const signed = withToken.headers.get(ASSERTION_SEEN_HEADER) !== null;
  return [
    'without a token → 401; with it → 200',
    signed
      ? 'the upstream received a Portico-Consumer JWT: every request also signs one (ES256), part of the cost measured'
      : 'the upstream received NO Portico-Consumer header (unexpected: production calls with a token should sign one)',
  ];
}

function tokenTarget(name: string, configFolder: string, cacheWords: string): BenchTarget {
  return {
    name,
    description: `Portico production route, access: token, one production token (POST /oauth/token, client_secret_basic) on every request; ${cacheWords}; a Portico-Consumer ES256 JWT signed per request`,
    path: ITEM_PATH,
    groups: ['tokens'],
    usesUpstream: true,
    async start(ctx) {
      const server = await startGatewayChild(ctx, name, {
        BENCH_CONFIG_DIR: path.join(here, configFolder),
        SIGNING_KEYS_FILE: benchSigningKeys(ctx.resultsDir),
      });
      try {
        const token = await fetchProductionToken(server.url);
        const notes = await checkTokenRoute(server.url + ITEM_PATH, token);
        return { url: server.url, pid: server.pid, proxiesUpstream: true, accessLogFile: server.accessLogFile, headers: { authorization: `Bearer ${token}` }, notes, stop: server.stop };
      } catch (err) {
        await server.stop();
        throw err;
      }
    },
  };
}

// ---- mock targets -----------------------------------------------------------------------------------------------

const MOCK_DOCUMENT = path.join(here, 'mock', 'bench.openapi.yaml');
const MOCK_IDS = 10_000;

/** Both mocks get the same requests: GET /records/{id} with the id cycling through 1..10000, so neither can answer from a per-path cache. */
function mockRequests(): autocannon.Request[] {
  let next = 0;
  return [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/records/${(next++ % MOCK_IDS) + 1}` }) }];
}

/** The JS entry of the prism bin, run with this node so the PID we measure is the server's (no shell, no npx). */
function prismEntry(): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new TargetUnavailable(
      '@stoplight/prism-cli is not installed: run `npm install` (it is a devDependency pinned to 5.14.2, the last release whose engines allow Node 20)',
    );
  }
  const { bin } = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin?: string | Record<string, string> };
  const relative = typeof bin === 'string' ? bin : bin?.prism;
  if (!relative) throw new TargetUnavailable(`${packageJson} declares no prism bin`);
  return path.join(path.dirname(packageJson), relative);
}

async function startMockCommand(ctx: BenchContext, name: string, args: (port: number) => string[]): Promise<RunningTarget> {
  const port = await freeLoopbackPort();
  const logFile = path.join(ctx.resultsDir, `${name}-stdout.log`);
  const server = await startCommand(name, {
    command: process.execPath,
    args: [...ctx.nodeFlagsFor(name), ...args(port)],
    url: `http://127.0.0.1:${port}`,
    readyPath: '/records/1',
    logFile,
  });
  return { url: server.url, pid: server.pid, proxiesUpstream: false, accessLogFile: logFile, stop: server.stop };
}

// ---- the list -----------------------------------------------------------------------------------------------------

export const targets: readonly BenchTarget[] = [
  {
    name: 'upstream',
    description: 'straight to the dedicated node:http upstream (the ceiling)',
    path: ITEM_PATH,
    groups: ['proxy'],
    usesUpstream: true,
    async start(ctx) {
      // The shared upstream: the runner stops it at the end, not this target.
      const upstream = requireUpstream(ctx);
      return { url: upstream.url, pid: upstream.pid, proxiesUpstream: false, stop: async () => undefined };
    },
  },
  {
    name: 'bare-proxy',
    description: 'bare express 5 + http-proxy-middleware 3, keep-alive agent, no policies',
    path: ITEM_PATH,
    groups: ['proxy', 'tokens'],
    usesUpstream: true,
    async start(ctx) {
      const server = await startChild('bare-proxy', {
        script: path.join(here, 'bare-proxy.ts'),
        env: { BENCH_UPSTREAM_URL: requireUpstream(ctx).url },
        nodeFlags: ctx.nodeFlagsFor('bare-proxy'),
      });
      return { url: server.url, pid: server.pid, proxiesUpstream: true, stop: server.stop };
    },
  },
  {
    name: 'gateway',
    description: 'Portico production route (open access, no token, info access log to a file)',
    path: ITEM_PATH,
    groups: ['proxy', 'tokens'],
    usesUpstream: true,
    async start(ctx) {
      const server = await startGatewayChild(ctx, 'gateway', {});
      return { url: server.url, pid: server.pid, proxiesUpstream: true, accessLogFile: server.accessLogFile, stop: server.stop };
    },
  },
  tokenTarget('gateway-token-cached', 'config-token', 'verification cached (tokens.verificationCacheSize 10000): a SHA-256 and an LRU hit per request'),
  tokenTarget('gateway-token-uncached', 'config-token-uncached', 'tokens.verificationCacheSize 0: the ES256 signature verified on every request'),
  {
    name: 'mock-portico',
    description: `portico mock ${path.relative(repoRoot, MOCK_DOCUMENT)} (dynamic, default info log to a file), GET /records/{1..${MOCK_IDS}}`,
    path: '/records/1',
    groups: ['mock'],
    usesUpstream: false,
    requests: mockRequests,
    start: (ctx) => startMockCommand(ctx, 'mock-portico', (port) => [path.join(repoRoot, 'bin', 'portico.js'), 'mock', MOCK_DOCUMENT, '--port', String(port), '--host', '127.0.0.1']),
  },
  {
    name: 'mock-prism',
    description: `prism mock -d (Stoplight Prism's dynamic mode, its default info log to a file), same document, GET /records/{1..${MOCK_IDS}}`,
    path: '/records/1',
    groups: ['mock'],
    usesUpstream: false,
    requests: mockRequests,
    start: (ctx) => {
      const entry = prismEntry();
      return startMockCommand(ctx, 'mock-prism', (port) => [entry, 'mock', '-d', MOCK_DOCUMENT, '-p', String(port), '-h', '127.0.0.1']);
    },
  },
];

/** Ratios printed after the table: numerator / denominator target names. */
export const ratios: readonly (readonly [string, string])[] = [
  ['gateway', 'bare-proxy'],
  ['gateway', 'upstream'],
  ['bare-proxy', 'upstream'],
  ['gateway-token-cached', 'gateway'],
  ['gateway-token-uncached', 'gateway'],
  ['gateway-token-cached', 'bare-proxy'],
  ['gateway-token-uncached', 'bare-proxy'],
  ['gateway-token-uncached', 'gateway-token-cached'],
  ['mock-portico', 'mock-prism'],
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
  { numerator: 'mock-portico', denominator: 'mock-prism', minRpsRatio: 10, source: 'issue 4: the mock against Prism dynamic mode' },
];

/** Starts the shared upstream every proxying target uses. */
export function startUpstream(nodeFlags: string[]): Promise<RunningServer> {
  return startChild('upstream', { script: path.join(here, 'upstream.ts'), nodeFlags });
}
