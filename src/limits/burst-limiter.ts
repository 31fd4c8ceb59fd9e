// One express-rate-limit instance per burst window (consumer or ceiling; second or minute), with its own store.
// The limiter passes each request's key and limit; the store counts, and the limiter writes the IETF draft-8 headers.
import { rateLimit, type Store as RateLimitStore } from 'express-rate-limit';
import type { Logger } from 'pino';
import { LimitStoreError } from './store-faults.js';

export interface BurstCount {
  readonly limit: number;
  /** Hits in the window including this one (express-rate-limit counts refused requests too). */
  readonly used: number;
  readonly remaining: number;
  /** Whole seconds until the window resets. */
  readonly resetSeconds: number;
}

export interface BurstLimiter {
  readonly name: string;
  readonly windowMs: number;
  /** The window in whole seconds, as the IETF `w=` parameter shows it. */
  readonly windowSeconds: number;
  /** Counts one hit on `key`; resolves with the count, rejects with LimitStoreError when the store fails. */
  count(key: string, limit: number): Promise<BurstCount>;
}

/** express-rate-limit's own messages (configuration validations) go to our log; store errors are ours to report. */
export function rateLimitLogger(logger: Pick<Logger, 'warn' | 'error'>): { warn: (...args: unknown[]) => void; error: (...args: unknown[]) => void } {
  const forward =
    (level: 'warn' | 'error') =>
    (...args: unknown[]): void => {
      if (args.some((a) => a instanceof LimitStoreError)) return;
      logger[level]({ detail: args.map(String).join(' ') }, 'express-rate-limit');
    };
  return { warn: forward('warn'), error: forward('error') };
}

export function createBurstLimiter(options: { name: string; windowMs: number; store: RateLimitStore; logger: Pick<Logger, 'warn' | 'error'> }): BurstLimiter {
  const { name, windowMs, store } = options;
  // Set up once through the library: it validates the options and initialises the store (MemoryStore's timer,
  // rate-limit-redis's script). Per request the store is asked directly: the middleware's awaits, WeakMap and
  // per-response SHA-256 cost more than the counting (see the limits bench), and the limiter writes the headers.
  rateLimit({ windowMs, store, limit: 0, keyGenerator: () => '', identifier: name, passOnStoreError: false, logger: rateLimitLogger(options.logger) });
  const windowSeconds = Math.ceil(windowMs / 1000);

  return {
    name,
    windowMs,
    windowSeconds,
    async count(key, limit) {
      const { totalHits, resetTime } = await store.increment(key);
      // The library's stores run on Date.now, so the reset is measured on that clock too (as the library's `t=`).
      const resetSeconds = resetTime === undefined ? windowSeconds : Math.max(0, Math.ceil((resetTime.getTime() - Date.now()) / 1000));
      return { limit, used: totalHits, remaining: Math.max(limit - totalHits, 0), resetSeconds };
    },
  };
}
