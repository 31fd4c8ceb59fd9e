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
