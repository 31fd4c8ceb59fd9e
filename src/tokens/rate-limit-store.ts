// An express-rate-limit Store over Portico's Store, so issuance limits hold across gateway instances sharing Redis.
import type { Options, Store as RateLimitStore, ClientRateLimitInfo } from 'express-rate-limit';
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import type { Store } from '../store/store.js';

function unavailable(err: unknown): ProblemError {
  return new ProblemError(problems.serviceUnavailable, 'Rate limits cannot be checked right now.', { headers: { 'Retry-After': '5' }, cause: err });
}

/** Fixed windows: the counter's expiry is set when it is created, as Store.increment does. A Store failure answers 503. */
export function createRateLimitStore(store: Pick<Store, 'increment' | 'delete'>, prefix: string): RateLimitStore {
  let windowMs = 60_000;
  return {
    prefix,
    localKeys: false,
    init(options: Options) {
      windowMs = options.windowMs;
    },
    async increment(key: string): Promise<ClientRateLimitInfo> {
      try {
        const { value, resetAt } = await store.increment(`${prefix}${key}`, 1, windowMs);
        return { totalHits: value, resetTime: new Date(resetAt) };
      } catch (err) {
        throw unavailable(err);
      }
    },
    async decrement(key: string) {
      await store.increment(`${prefix}${key}`, -1, windowMs).catch(() => undefined);
    },
    async resetKey(key: string) {
      await store.delete(`${prefix}${key}`);
    },
  };
}
