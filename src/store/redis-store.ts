// The shared Store on Redis (a single node or a Cluster) through ioredis, for several gateway instances.
// Counters are atomic Lua scripts, one round trip per call (consumeWindows: all of a request's windows in one);
// a down Redis makes calls fail fast, never hang.

import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { assertWindowsCall } from './counter-windows.js';
import type { ConsumeResult, Store, WindowsResult } from './store.js';

export interface RedisStoreOptions {
  /** Single node, e.g. `redis://127.0.0.1:6379/0`. */
  url?: string;
  /** Cluster seed nodes, e.g. `['10.0.0.1:7000', '10.0.0.2:7000']`; takes the place of `url`. */
  clusterNodes?: string[];
  /**
   * Prepended to every key (default `portico:`). It must not contain `{` or `}`: callers may put a
   * `{hashtag}` in their key (e.g. `quota:{consumer-42}:day`) so related keys share one Cluster slot,
   * and the prefix stays outside the braces so that hashtag is the one Redis sees.
   */
  keyPrefix?: string;
  /** Bound on establishing a TCP connection (default 1000 ms). */
  connectTimeoutMs?: number;
  /** Bound on any one operation, queued or in flight (default 1000 ms). */
  commandTimeoutMs?: number;
  /** Connection errors are reported here (for logs) instead of being thrown as unhandled 'error' events. */
  onError?: (err: Error) => void;
}

// Counters are hashes {c: count, r: resetAt}: storing resetAt makes it exact and stable across calls,
// without reading the Redis clock or needing PEXPIRETIME (Redis 7+ only). ARGV[3] is resetAt (the caller's
// clock), ARGV[4] the time left until then in ms (at least 1): the expiry is relative (PEXPIRE), like
// CONSUME_WINDOWS_LUA's, so a caller whose clock is ahead of Redis's, or a give-back that lands after its window
// ended, never leaves a counter that a past absolute time deleted and HINCRBY recreated without any expiry.
const CONSUME_LUA = `
local v = redis.call('HMGET', KEYS[1], 'c', 'r')
local count = tonumber(v[1])
local resetAt = tonumber(v[2])
if count == nil or resetAt == nil then
  count = 0
  resetAt = tonumber(ARGV[3])
  redis.call('HSET', KEYS[1], 'c', 0, 'r', ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
if count + tonumber(ARGV[1]) > tonumber(ARGV[2]) then
  return {0, count, resetAt}
end
count = redis.call('HINCRBY', KEYS[1], 'c', ARGV[1])
return {1, count, resetAt}
`;

const INCREMENT_LUA = `
local resetAt = tonumber(redis.call('HGET', KEYS[1], 'r'))
if resetAt == nil then
  resetAt = tonumber(ARGV[2])
  redis.call('HSET', KEYS[1], 'r', ARGV[2])
  redis.call('PEXPIREAT', KEYS[1], ARGV[2])
end
local value = redis.call('HINCRBY', KEYS[1], 'c', ARGV[1])
return {value, resetAt}
`;

// Store.consumeWindows: a request's windows in order, in one script (one round trip). Counters have CONSUME_LUA's
// shape. KEYS: the counters, one hashtag (one slot). ARGV[1]: cost; then, per window i, ARGV[4i-2] limit,
// ARGV[4i-1] endsAtIfNew (stored as r), ARGV[4i] the time left until then in ms (at least 1), ARGV[4i+1] '1' when
// it counts refused hits (a burst) or '0' (a quota).
// The expiry is relative (PEXPIRE), unlike CONSUME_LUA's PEXPIREAT: a 1 s burst window then lasts 1 s on Redis's
// clock even when a gateway's clock is off by a second or more, where an absolute time in Redis's past would delete
// the counter at once and let every request through. resetAt stays the caller's, as with consume.
// Reply: {refusedAt (0-based, or -1), count1, resetAt1, count2, resetAt2, ...} for the windows evaluated.
const CONSUME_WINDOWS_LUA = `
local cost = tonumber(ARGV[1])
local out = {-1}
local taken = {}
for i = 1, #KEYS do
  local key = KEYS[i]
  local limit = tonumber(ARGV[4 * i - 2])
  local v = redis.call('HMGET', key, 'c', 'r')
  local count = tonumber(v[1])
  local resetAt = tonumber(v[2])
  if count == nil or resetAt == nil then
    count = 0
    resetAt = tonumber(ARGV[4 * i - 1])
    redis.call('HSET', key, 'c', 0, 'r', ARGV[4 * i - 1])
    redis.call('PEXPIRE', key, ARGV[4 * i])
  end
  local refused = false
  if ARGV[4 * i + 1] == '1' then
    count = redis.call('HINCRBY', key, 'c', cost)
    refused = count > limit
  elseif count + cost > limit then
    refused = true
  else
    count = redis.call('HINCRBY', key, 'c', cost)
    taken[#taken + 1] = key
  end
  out[2 * i] = count
  out[2 * i + 1] = resetAt
  if refused then
    for _, counted in ipairs(taken) do
      redis.call('HINCRBY', counted, 'c', -cost)
    end
    out[1] = i - 1
    return out
  end
end
return out
`;

/** The scripts registered with defineCommand; ioredis sends them with EVALSHA (EVAL once on NOSCRIPT). */
interface ScriptCommands {
  porticoConsume(key: string, cost: number, limit: number, windowEndsAt: number, expiresInMs: number): Promise<[number, number, number]>;
  porticoIncrement(key: string, by: number, expireAt: number): Promise<[number, number]>;
  /** Defined without numberOfKeys: the first argument is the number of keys (see CONSUME_WINDOWS_LUA). */
  porticoConsumeWindows(numberOfKeys: number, ...keysThenArgs: (string | number)[]): Promise<number[]>;
}
type Client = (Redis | Cluster) & ScriptCommands;
/** A pipeline with the same scripts (defineCommand adds them to pipelines too). */
type ScriptPipeline = ReturnType<Redis['pipeline']> & { porticoConsumeWindows(numberOfKeys: number, ...keysThenArgs: (string | number)[]): unknown };

type WindowsCall = (numberOfKeys: number, args: (string | number)[]) => Promise<number[]>;

/**
 * porticoConsumeWindows calls made during one turn of the event loop leave together, as one pipeline: one socket write
 * and usually one read for all the requests a turn handles, instead of one each (a write costs tens of µs on a
 * virtualised host; the limits bench shows it). Each call stays its own atomic script; only the transport is shared.
 * Single node only: a Cluster pipeline must stay within one slot, so a Cluster sends each call as it comes.
 */
function batchedWindowsCall(client: Redis & ScriptCommands): WindowsCall {
  let queue: { numberOfKeys: number; args: (string | number)[]; resolve: (reply: number[]) => void; reject: (err: unknown) => void }[] = [];
  const flush = (): void => {
    const batch = queue;
    queue = [];
    if (batch.length === 1) {
      const only = batch[0]!;
      client.porticoConsumeWindows(only.numberOfKeys, ...only.args).then(only.resolve, only.reject);
      return;
    }
    const pipeline = client.pipeline() as ScriptPipeline;
    for (const call of batch) pipeline.porticoConsumeWindows(call.numberOfKeys, ...call.args);
    pipeline.exec().then(
      (results) => {
        for (let i = 0; i < batch.length; i++) {
          const [err, reply] = results?.[i] ?? [new Error('Redis pipeline answered nothing for this call'), undefined];
          if (err) batch[i]!.reject(err);
          else batch[i]!.resolve(reply as number[]);
        }
      },
      (err: unknown) => {
        for (const call of batch) call.reject(err);
      },
    );
  };
  return (numberOfKeys, args) =>
    new Promise((resolve, reject) => {
      if (queue.push({ numberOfKeys, args, resolve, reject }) === 1) setImmediate(flush);
    });
}

const DEFAULT_TIMEOUT_MS = 1000;
const MAX_RECONNECT_DELAY_MS = 2000;

// Capped exponential backoff: quick when Redis blips, at most one attempt every 2 s during an outage, forever.
const reconnectDelay = (attempt: number): number => Math.min(100 * 2 ** (attempt - 1), MAX_RECONNECT_DELAY_MS);

export function createRedisStore(options: RedisStoreOptions): Store {
  const prefix = options.keyPrefix ?? 'portico:';
  if (/[{}]/.test(prefix)) {
    throw new TypeError(`Redis keyPrefix "${prefix}" must not contain braces: they would hide callers' {hashtags}`);
  }
  const connectTimeout = options.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const commandTimeoutMs = options.commandTimeoutMs ?? DEFAULT_TIMEOUT_MS;

  const connection: RedisOptions = {
    connectTimeout,
    commandTimeout: commandTimeoutMs,
    // A command queued while disconnected is failed after one reconnect attempt instead of waiting indefinitely.
    maxRetriesPerRequest: 1,
    // A script in flight when the link dropped may already have run; resending it would count twice.
    autoResendUnfulfilledCommands: false,
  };

  const clusterNodes = options.clusterNodes ?? [];
  let client: Redis | Cluster;
  if (clusterNodes.length > 0) {
    client = new Cluster(clusterNodes, {
      clusterRetryStrategy: reconnectDelay,
      // Nodes that restart without a slot change come back by themselves rather than waiting for a MOVED.
      clusterNodeRetryStrategy: reconnectDelay,
      redisOptions: connection,
    });
  } else if (options.url !== undefined) {
    client = new Redis(options.url, { ...connection, retryStrategy: reconnectDelay });
  } else {
    throw new TypeError('createRedisStore needs a url or clusterNodes');
  }
  const kind = clusterNodes.length > 0 ? 'redis-cluster' : 'redis';

  // The offline queue lets calls made while the gateway boots wait for the first connection. Once connected,
  // an outage must fail calls at once (the limiter's fault policy decides what to do), so it is switched off.
  client.once('ready', () => {
    client.options.enableOfflineQueue = false;
  });
  // Without a listener, an unreachable Redis would crash the process with an unhandled 'error' event.
  const reportError = (err: Error): void => options.onError?.(err);
  client.on('error', reportError);
  if (client instanceof Cluster) client.on('node error', reportError);

  client.defineCommand('porticoConsume', { numberOfKeys: 1, lua: CONSUME_LUA });
  client.defineCommand('porticoIncrement', { numberOfKeys: 1, lua: INCREMENT_LUA });
  client.defineCommand('porticoConsumeWindows', { lua: CONSUME_WINDOWS_LUA });
  // defineCommand adds methods ioredis's types cannot know about; ScriptCommands declares them.
  const redis = client as Client;

  const k = (key: string): string => prefix + key;
  // ioredis's commandTimeout bounds every command of a single node, pipelined or not, but not the Cluster's own queue
  // (topology not yet known): there every call gets a deadline here too.
  const run = client instanceof Cluster ? <T>(op: () => Promise<T>): Promise<T> => withDeadline(op(), commandTimeoutMs, kind) : <T>(op: () => Promise<T>): Promise<T> => op();
  const windowsCall: WindowsCall =
    client instanceof Cluster ? (numberOfKeys, args) => redis.porticoConsumeWindows(numberOfKeys, ...args) : batchedWindowsCall(redis as Redis & ScriptCommands);
  // Redis rejects a PX of 0 or a fraction; the smallest real expiry is 1 ms.
  const px = (ttlMs: number): number => Math.max(1, Math.ceil(ttlMs));

  return {
    kind,

    get: (key) => run(async () => (await redis.get(k(key))) ?? undefined),

    set: (key, value, ttlMs) =>
      run(async () => {
        if (ttlMs === undefined) await redis.set(k(key), value);
        else await redis.set(k(key), value, 'PX', px(ttlMs));
      }),

    // SET NX PX is a single atomic command: no script needed.
    setIfAbsent: (key, value, ttlMs) =>
      run(async () => (await redis.set(k(key), value, 'PX', px(ttlMs), 'NX')) === 'OK'),

    delete: (key) => run(async () => (await redis.del(k(key))) > 0),

    increment: (key, by, ttlMs) =>
      run(async () => {
        const [value, resetAt] = await redis.porticoIncrement(k(key), by, Date.now() + px(ttlMs));
        return { value, resetAt };
      }),

    consume: (key, cost, limit, windowEndsAt) =>
      run(async (): Promise<ConsumeResult> => {
        const endsAt = Math.ceil(windowEndsAt);
        const [allowed, count, resetAt] = await redis.porticoConsume(k(key), cost, limit, endsAt, px(endsAt - Date.now()));
        return { allowed: allowed === 1, count, resetAt };
      }),

    consumeWindows: (windows, cost = 1) =>
      run(async (): Promise<WindowsResult> => {
        // Checked here, not left to Redis: a Cluster would answer CROSSSLOT, a single node would accept the call.
        assertWindowsCall(windows, cost);
        if (windows.length === 0) return { counts: [], refusedAt: -1 };
        const n = windows.length;
        const now = Date.now();
        // KEYS, then ARGV: cost, and four values per window (see CONSUME_WINDOWS_LUA).
        const args = new Array<string | number>(5 * n + 1);
        args[n] = cost;
        for (let i = 0; i < n; i++) {
          const w = windows[i]!;
          const endsAt = Math.ceil(w.endsAtIfNew);
          args[i] = k(w.key);
          args[n + 4 * i + 1] = w.limit;
          args[n + 4 * i + 2] = endsAt;
          args[n + 4 * i + 3] = px(endsAt - now);
          args[n + 4 * i + 4] = w.countWhenRefused ? 1 : 0;
        }
        const reply = await windowsCall(n, args);
        const counts: WindowsResult['counts'] = [];
        for (let j = 1; j + 1 < reply.length; j += 2) counts.push({ count: reply[j]!, resetAt: reply[j + 1]! });
        return { counts, refusedAt: reply[0]! };
      }),

    addToSet: (key, member) =>
      run(async () => {
        await redis.sadd(k(key), member);
      }),
    removeFromSet: (key, member) => run(async () => (await redis.srem(k(key), member)) > 0),
    isMember: (key, member) => run(async () => (await redis.sismember(k(key), member)) === 1),
    members: (key) => run(() => redis.smembers(k(key))),

    ping: () =>
      run(async () => {
        await redis.ping();
      }),

    async close() {
      try {
        await withDeadline(redis.quit(), commandTimeoutMs, kind);
      } catch {
        // quit needs a live link; when Redis is down, just drop the sockets and stop reconnecting.
        redis.disconnect();
      }
    },
  };
}

function withDeadline<T>(promise: Promise<T>, ms: number, kind: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(Object.assign(new Error(`${kind} store did not answer within ${ms} ms`), { code: 'ETIMEDOUT' }));
    }, ms);
    timer.unref();
  });
  // The loser of the race may still reject later; swallow that so it never surfaces as unhandled.
  promise.catch(() => undefined);
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
