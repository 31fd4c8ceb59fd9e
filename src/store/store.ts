// The Store: every piece of state gateway instances share (counters, replay and revocation sets, consumers, keys).
// Implementations: memory (embedded default, one process) and Redis (ioredis; single node or Cluster).

/** Result of an atomic check-and-increment against a limit within a fixed window. */
export interface ConsumeResult {
  /** True when the cost fitted under the limit and was counted; false when refused (nothing counted). */
  allowed: boolean;
  /** The counter's value after this call (unchanged when refused). */
  count: number;
  /** Epoch milliseconds when the window's counter expires. */
  resetAt: number;
}

/** One counter of a Store.consumeWindows call: a rate-limit window with its limit. */
export interface CounterWindow {
  /** The counter's key; every key of one call shares one `{hashtag}`. */
  readonly key: string;
  readonly limit: number;
  /** Epoch ms when the counter expires, used only when this call creates it (the window is fixed at creation). */
  readonly endsAtIfNew: number;
  /**
   * true: every hit counts, refused or not, and the call is refused once the count passes the limit (a burst, as
   * express-rate-limit counts). false: counted only when count + cost <= limit, otherwise refused (a quota).
   */
  readonly countWhenRefused: boolean;
}

/** What Store.consumeWindows saw, window by window, up to and including the one that refused. */
export interface WindowsResult {
  /** One entry per window evaluated, in the call's order: its count after this call, and when it resets (epoch ms). */
  counts: { count: number; resetAt: number }[];
  /** Index of the window that refused the call, or -1 when every window admitted it. */
  refusedAt: number;
}

export interface Store {
  /** 'memory' | 'redis' | 'redis-cluster', for logs and /status. */
  readonly kind: string;

  /** Reads a string value; undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Writes a string value, optionally expiring after ttlMs. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Writes only when absent (replay protection: a jti seen once). Returns true when written. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Deletes a key; true when something was deleted. */
  delete(key: string): Promise<boolean>;

  /** Atomically adds `by` to an integer counter; the expiry is set when the counter is created. */
  increment(key: string, by: number, ttlMs: number): Promise<{ value: number; resetAt: number }>;
  /**
   * Atomic check-and-increment: counts `cost` only when count + cost <= limit.
   * The window ends at `windowEndsAt` (epoch ms), fixed when the counter is created (calendar quotas, fixed windows).
   */
  consume(key: string, cost: number, limit: number, windowEndsAt: number): Promise<ConsumeResult>;
  /**
   * All of a request's windows in one atomic step (one Lua script on Redis, one round trip), in the given order.
   * Each counter has the shape `consume` and `increment` use, created on first touch with resetAt = endsAtIfNew and
   * expiring then (Redis counts the time left on its own clock, so a gateway clock that is off never cuts a window).
   * A `countWhenRefused` window adds `cost` and refuses when the new count exceeds its limit; any other window adds
   * `cost` only when it fits, and refuses otherwise. The first refusal stops the call: later windows are not
   * touched, the quota counts this call made are taken back, `countWhenRefused` (burst) counts stay. The counts
   * returned are as each window saw them (a quota given back still shows the count it had reached).
   * Every key of one call must carry the same `{hashtag}` (one Cluster slot); otherwise the call rejects with a
   * TypeError, on every implementation. `cost` (default 1) is a non-negative integer.
   */
  consumeWindows(windows: readonly CounterWindow[], cost?: number): Promise<WindowsResult>;

  /** Set membership (revoked jtis, consumer indexes). */
  addToSet(key: string, member: string): Promise<void>;
  removeFromSet(key: string, member: string): Promise<boolean>;
  isMember(key: string, member: string): Promise<boolean>;
  members(key: string): Promise<string[]>;

  /** Resolves when the store answers; rejects when unreachable (drives /status). */
  ping(): Promise<void>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}
