// What the limiter does when its counters are unreachable (Kong's fault_tolerant switch): limits.failOpen lets the
// request through unlimited, with a throttled warning and a counter; otherwise a 503 problem with Retry-After.
import type { Logger } from 'pino';
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';

/** A counter store (Redis, or the Store) failed or timed out; only this error triggers the fault policy. */
export class LimitStoreError extends Error {
  constructor(cause: unknown) {
    super(`rate-limit counters unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'LimitStoreError';
  }
}

/** Plain counters, so the lead can expose them (prom-client later) without this module knowing how. */
export interface LimitMetrics {
  /** Counter calls that failed. */
  storeErrors: number;
  /** Requests let through unlimited because of a failure (failOpen). */
  passedUnlimited: number;
  /** Requests refused with 503 because of a failure (fail closed). */
  refusedUnavailable: number;
}

export function createLimitMetrics(): LimitMetrics {
  return { storeErrors: 0, passedUnlimited: 0, refusedUnavailable: 0 };
}

export interface StoreFaults {
  readonly failOpen: boolean;
  readonly metrics: LimitMetrics;
  /** Counts the failure; returns when the request may pass unlimited, throws the 503 problem otherwise. */
  handle(err: LimitStoreError): void;
}

export interface StoreFaultsOptions {
  failOpen: boolean;
  logger: Pick<Logger, 'warn'>;
  /** Epoch ms, for throttling the warning. */
  clock: () => number;
  metrics?: LimitMetrics;
  /** At most one warning per this many ms (an outage fails every request). */
  logEveryMs?: number;
}

const RETRY_AFTER_SECONDS = '5';

export function createStoreFaults(options: StoreFaultsOptions): StoreFaults {
  const metrics = options.metrics ?? createLimitMetrics();
  const every = options.logEveryMs ?? 10_000;
  let lastLogged = -Infinity;
  let sinceLog = 0;
  return {
    failOpen: options.failOpen,
    metrics,
    handle(err) {
      metrics.storeErrors++;
      sinceLog++;
      if (options.failOpen) metrics.passedUnlimited++;
      else metrics.refusedUnavailable++;
      const now = options.clock();
      if (now - lastLogged >= every) {
        options.logger.warn(
          { err: err.message, failOpen: options.failOpen, failures: sinceLog, ...metrics },
          options.failOpen ? 'rate-limit counters unavailable: letting requests through unlimited' : 'rate-limit counters unavailable: refusing with 503',
        );
        lastLogged = now;
        sinceLog = 0;
      }
      if (!options.failOpen) {
        throw new ProblemError(problems.serviceUnavailable, 'Rate limits cannot be checked right now.', {
          headers: { 'Retry-After': RETRY_AFTER_SECONDS },
          cause: err,
        });
      }
    },
  };
}
