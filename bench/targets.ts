// What `npm run bench` measures: a list of targets (name + start() → {url, pid, stop()}), the groups BENCH_TARGETS may
// name, the ratios and costs to print and the goals. Add a bench by adding a target here.
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type autocannon from 'autocannon';
import { generateSigningJwk } from '../src/tokens/key-set.js';
import { ASSERTION_SEEN_HEADER } from './assertion-seen.js';
import { redisServerAvailable, startBenchRedis, type BenchRedis } from './redis-server.js';
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
  /** Other processes serving this target's requests (e.g. its redis-server): their CPU per request is reported too. */
  readonly peers?: readonly PeerProcess[];
  stop(): Promise<void>;
}

export interface PeerProcess {
  /** Short name for the table column and the lines, e.g. "redis". */
  readonly label: string;
  readonly pid: number;
  /** Counters read just before and just after the measured run, reported per request (e.g. Redis commands processed). */
  counters?(): Promise<Record<string, number>>;
}

export interface BenchTarget {
  readonly name: string;
  readonly description: string;
  /** Request path (and query) of the sanity check, and of every request unless `requests` varies it. */
  readonly path: string;
  /** Groups BENCH_TARGETS may name instead of the target (proxy, tokens, mock, limits). */
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
async function fetchProductionToken(baseUrl: string, clientId = BENCH_CLIENT_ID): Promise<string> {
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(BENCH_CLIENT_SECRET)}`).toString('base64');
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
      ? 'the upstream received a Portico-Consumer JWT (signed per request unless the target says per-token), part of the cost measured'
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

// ---- limits targets ---------------------------------------------------------------------------------------------

const LIMITS_CONFIG = path.join(here, 'config-limits');
/** bench/config-limits/consumers.yaml: same secret and API; plan unlimited vs bench-limited (every window at 1e9). */
const UNLIMITED_CLIENT_ID = BENCH_CLIENT_ID;
const LIMITED_CLIENT_ID = 'bench-client-limited';
const LIMITED_WINDOW = 1_000_000_000;

/** The real CLI, `node bin/portico.js start --config bench/config-limits`, on a free loopback port; REDIS_URL only when given. */
async function startPorticoCli(ctx: BenchContext, name: string, redisUrl: string | undefined, extraEnv: Record<string, string> = {}): Promise<RunningServer & { accessLogFile: string }> {
  const port = await freeLoopbackPort();
  const accessLogFile = path.join(ctx.resultsDir, `${name}-stdout.log`);
  const server = await startCommand(name, {
    command: process.execPath,
    args: [...ctx.nodeFlagsFor(name), path.join(repoRoot, 'bin', 'portico.js'), 'start', '--config', LIMITS_CONFIG],
    url: `http://127.0.0.1:${port}`,
    readyPath: '/status',
    logFile: accessLogFile,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      BENCH_UPSTREAM_URL: requireUpstream(ctx).url,
      LOG_LEVEL: ctx.logLevel,
      SIGNING_KEYS_FILE: benchSigningKeys(ctx.resultsDir),
      // Whatever the shell exported, the store is exactly what this target says.
      REDIS_URL: redisUrl,
      REDIS_CLUSTER_NODES: undefined,
      CONFIG_DIR: undefined,
      ...extraEnv,
    },
  });
  return Object.assign(server, { accessLogFile });
}

/** Proves the limits are on (limited) or off (unlimited) from the response headers, before anything is measured. */
async function checkLimitHeaders(url: string, token: string, limited: boolean): Promise<string> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5_000) });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: expected 200, got ${response.status}`);
  const limit = response.headers.get('x-ratelimit-limit');
  const policy = response.headers.get('ratelimit-policy');
  if (!limited) {
    if (limit !== null || policy !== null) throw new Error(`${url}: the unlimited consumer got rate-limit headers (X-RateLimit-Limit ${limit}, RateLimit-Policy ${policy})`);
    return 'unlimited consumer: no X-RateLimit-* / RateLimit-Policy headers (no windows)';
  }
  if (limit !== String(LIMITED_WINDOW)) {
    throw new Error(`${url}: expected X-RateLimit-Limit ${LIMITED_WINDOW} for the limited consumer, got ${limit ?? 'none'} (limits off, or Redis failing open?)`);
  }
  return `limited consumer: X-RateLimit-Limit ${limit}, X-RateLimit-Remaining ${response.headers.get('x-ratelimit-remaining')}, RateLimit-Policy ${policy ?? 'none'}`;
}

/** The counters a limited request must have written to Redis: both bursts and the day quota of the consumer on the API. */
async function checkRedisKeys(redis: BenchRedis, clientId: string, limited: boolean): Promise<string> {
  const keys = await redis.keys();
  // /oauth/token's per-address limiter also counts in Redis ({ip:…}); only the consumer's own windows matter here.
  const counters = keys.filter((k) => k.includes(`{c:${encodeURIComponent(clientId)}:bench}`));
  if (limited) {
    const missing = ['second', 'minute', 'day'].filter((w) => !counters.some((k) => k.endsWith(`:${w}`) || k.includes(`:${w}:`)));
    if (missing.length > 0) throw new Error(`redis-server holds no ${missing.join('/')} counter after a limited request; keys: ${keys.join(', ') || 'none'}`);
  } else if (counters.length > 0) {
    throw new Error(`redis-server holds rate-limit counters after an unlimited request: ${counters.join(', ')}`);
  }
  return `redis-server pid ${redis.pid} on 127.0.0.1:${redis.port}; keys after the checks: ${keys.join(', ') || 'none'}`;
}

function limitsTarget(name: string, store: 'redis' | 'memory', limited: boolean, signing: 'per-request' | 'per-token' = 'per-request'): BenchTarget {
  const clientId = limited ? LIMITED_CLIENT_ID : UNLIMITED_CLIENT_ID;
  const planWords = limited
    ? `plan bench-limited (burst perSecond + perMinute, quota perDay, each ${LIMITED_WINDOW.toExponential(0)}: nothing refused, all three counted)`
    : 'plan unlimited (no windows)';
  const storeWords =
    store === 'redis'
      ? 'Redis store (REDIS_URL → a redis-server of its own on a free loopback port; the revocation check is a Redis round trip too)'
      : 'memory store (counters in the process)';
  return {
    name,
    description: `node bin/portico.js start, access: token route, production token of ${clientId} (client_secret_basic), ${planWords}, ${storeWords}, Portico-Consumer assertion signed ${signing}`,
    path: ITEM_PATH,
    groups: ['limits'],
    usesUpstream: true,
    async start(ctx) {
      if (store === 'redis' && !redisServerAvailable()) throw new TargetUnavailable('redis-server is not on PATH (apt-get install redis-server)');
      const redis = store === 'redis' ? await startBenchRedis(`${name}-redis`, path.join(ctx.resultsDir, `${name}-redis.log`)) : undefined;
      let server: (RunningServer & { accessLogFile: string }) | undefined;
      const stop = async (): Promise<void> => {
        await server?.stop();
        await redis?.stop();
      };
      try {
        server = await startPorticoCli(ctx, name, redis?.url, { BENCH_ASSERTION_SIGNING: signing });
        const token = await fetchProductionToken(server.url, clientId);
        const notes = await checkTokenRoute(server.url + ITEM_PATH, token);
        notes.push(await checkLimitHeaders(server.url + ITEM_PATH, token, limited));
        if (redis) notes.push(await checkRedisKeys(redis, clientId, limited));
        return {
          url: server.url,
          pid: server.pid,
          proxiesUpstream: true,
          accessLogFile: server.accessLogFile,
          headers: { authorization: `Bearer ${token}` },
          notes,
          ...(redis ? { peers: [{ label: 'redis', pid: redis.pid, counters: redis.commandCounts }] } : {}),
          stop,
        };
      } catch (err) {
        await stop();
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
    groups: ['proxy', 'tokens', 'limits'],
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
  limitsTarget('gateway-redis-unlimited', 'redis', false),
  limitsTarget('gateway-redis-limited', 'redis', true),
  limitsTarget('gateway-memory-limited', 'memory', true),
  limitsTarget('gateway-redis-limited-per-token', 'redis', true, 'per-token'),
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
  // The cost of distributed limiting (issue 5): the same route and gateway, only the consumer's plan (and store) differ.
  ['gateway-redis-limited', 'bare-proxy'],
  ['gateway-redis-limited-per-token', 'bare-proxy'],
  ['gateway-redis-unlimited', 'bare-proxy'],
  ['gateway-redis-limited', 'gateway-redis-unlimited'],
  ['gateway-memory-limited', 'gateway-redis-unlimited'],
  ['gateway-redis-limited', 'gateway-memory-limited'],
  // Only when BENCH_TARGETS also names gateway-token-cached (memory store, no limits): the unlimited baseline without Redis.
  ['gateway-redis-unlimited', 'gateway-token-cached'],
  ['gateway-memory-limited', 'gateway-token-cached'],
];

/** Printed as absolute differences per request (gateway CPU, peers' CPU and counters): numerator minus denominator. */
export const costs: readonly { readonly numerator: string; readonly denominator: string; readonly title: string }[] = [
  { numerator: 'gateway-redis-limited', denominator: 'gateway-redis-unlimited', title: 'limits counted in Redis (2 bursts + 1 quota)' },
  { numerator: 'gateway-memory-limited', denominator: 'gateway-redis-unlimited', title: 'limits counted in memory, vs the Redis unlimited route' },
];

export interface Goal {
  readonly numerator: string;
  readonly denominator: string;
  /** Minimum requests/s ratio. */
  readonly minRpsRatio: number;
  readonly source: string;
}

export const goals: readonly Goal[] = [
  { numerator: 'gateway-redis-limited', denominator: 'bare-proxy', minRpsRatio: 0.8, source: 'issue 2: the finished gateway, with JWT and Redis limits on' },
  { numerator: 'gateway', denominator: 'bare-proxy', minRpsRatio: 0.8, source: 'the open route (no token, no limits)' },
  { numerator: 'mock-portico', denominator: 'mock-prism', minRpsRatio: 10, source: 'issue 4: the mock against Prism dynamic mode' },
];

/** Starts the shared upstream every proxying target uses. */
export function startUpstream(nodeFlags: string[]): Promise<RunningServer> {
  return startChild('upstream', { script: path.join(here, 'upstream.ts'), nodeFlags });
}
