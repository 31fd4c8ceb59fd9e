// The embedded Store: state held in one process's memory, for a single gateway instance, tests and the demo.
// Mirrors the Redis store's semantics (one keyspace, typed entries, expiry) so the contract suite holds for both.

import { assertWindowsCall } from './counter-windows.js';
import type { ConsumeResult, Store, WindowsResult } from './store.js';

export interface MemoryStoreOptions {
  /** Clock in epoch ms; injectable so tests can freeze or advance time. */
  now?: () => number;
  /** How often expired entries are swept; reads also drop them lazily. */
  sweepIntervalMs?: number;
}

type Entry =
  | { type: 'string'; value: string; expiresAt: number | undefined }
  | { type: 'counter'; count: number; expiresAt: number }
  | { type: 'set'; members: Set<string> };
type Counter = Extract<Entry, { type: 'counter' }>;

const DEFAULT_SWEEP_INTERVAL_MS = 10_000;

export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let closed = false;

  // Lazy expiry alone would let keys that are never read again pile up; the sweep bounds memory.
  const sweep = (): void => {
    const t = now();
    for (const [key, entry] of entries) {
      if (isExpired(entry, t)) entries.delete(key);
    }
  };
  const timer = setInterval(sweep, options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
  // The sweep must never be what keeps the process (or a test worker) alive.
  timer.unref();

  function assertOpen(): void {
    if (closed) throw new Error('Memory store is closed');
  }

  function read(key: string): Entry | undefined {
    assertOpen();
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (isExpired(entry, now())) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  // Same failure as Redis's WRONGTYPE, so a key reused across kinds is caught in tests, not in production.
  function wrongType(key: string, expected: Entry['type'], actual: Entry['type']): Error {
    return new TypeError(`Store key "${key}" holds a ${actual}, not a ${expected}`);
  }

  function readSet(key: string): Set<string> | undefined {
    const entry = read(key);
    if (entry === undefined) return undefined;
    if (entry.type !== 'set') throw wrongType(key, 'set', entry.type);
    return entry.members;
  }

  // Counters share one shape for increment and consume: created on first touch with a fixed expiry.
  function readCounter(key: string, expiresAtIfNew: number): Counter {
    const entry = read(key);
    if (entry === undefined) {
      const created: Entry = { type: 'counter', count: 0, expiresAt: expiresAtIfNew };
      entries.set(key, created);
      return created;
    }
    if (entry.type !== 'counter') throw wrongType(key, 'counter', entry.type);
    return entry;
  }

  return {
    kind: 'memory',

    async get(key) {
      const entry = read(key);
      if (entry === undefined) return undefined;
      if (entry.type !== 'string') throw wrongType(key, 'string', entry.type);
      return entry.value;
    },

    async set(key, value, ttlMs) {
      assertOpen();
      // Like Redis SET, a write without a TTL clears any previous expiry.
      entries.set(key, { type: 'string', value, expiresAt: ttlMs === undefined ? undefined : now() + ttlMs });
    },

    async setIfAbsent(key, value, ttlMs) {
      if (read(key) !== undefined) return false;
      entries.set(key, { type: 'string', value, expiresAt: now() + ttlMs });
      return true;
    },

    async delete(key) {
      return read(key) !== undefined && entries.delete(key);
    },

    async increment(key, by, ttlMs) {
      const counter = readCounter(key, now() + ttlMs);
      counter.count += by;
      return { value: counter.count, resetAt: counter.expiresAt };
    },

    async consume(key, cost, limit, windowEndsAt): Promise<ConsumeResult> {
      const counter = readCounter(key, windowEndsAt);
      if (counter.count + cost > limit) {
        return { allowed: false, count: counter.count, resetAt: counter.expiresAt };
      }
      counter.count += cost;
      return { allowed: true, count: counter.count, resetAt: counter.expiresAt };
    },

    // No await between the first read and the return: the whole call is one step of the event loop, as atomic
    // as the Redis script it mirrors.
    async consumeWindows(windows, cost = 1): Promise<WindowsResult> {
      assertOpen();
      assertWindowsCall(windows, cost);
      const counts: WindowsResult['counts'] = [];
      const taken: Counter[] = [];
      for (let i = 0; i < windows.length; i++) {
        const window = windows[i]!;
        const counter = readCounter(window.key, window.endsAtIfNew);
        let refused: boolean;
        if (window.countWhenRefused) {
          counter.count += cost;
          refused = counter.count > window.limit;
        } else if (counter.count + cost > window.limit) {
          refused = true;
        } else {
          counter.count += cost;
          taken.push(counter);
          refused = false;
        }
        counts.push({ count: counter.count, resetAt: counter.expiresAt });
        if (refused) {
          for (const quota of taken) quota.count -= cost;
          return { counts, refusedAt: i };
        }
      }
      return { counts, refusedAt: -1 };
    },

    async addToSet(key, member) {
      const members = readSet(key);
      if (members === undefined) entries.set(key, { type: 'set', members: new Set([member]) });
      else members.add(member);
    },

    async removeFromSet(key, member) {
      const members = readSet(key);
      if (members === undefined || !members.delete(member)) return false;
      // Redis drops a set when its last member goes; do the same so keys do not linger.
      if (members.size === 0) entries.delete(key);
      return true;
    },

    async isMember(key, member) {
      return readSet(key)?.has(member) ?? false;
    },

    async members(key) {
      return [...(readSet(key) ?? [])];
    },

    async ping() {
      assertOpen();
    },

    async close() {
      closed = true;
      clearInterval(timer);
      entries.clear();
    },
  };
}

function isExpired(entry: Entry, t: number): boolean {
  return entry.type !== 'set' && entry.expiresAt !== undefined && entry.expiresAt <= t;
}
