// Per-address limiters for anonymous gateway routes (token issuance, the token endpoint, the catalogue): express-rate-limit
// keyed by req.ip, which follows trustProxy (the socket unless configured, never a client's X-Forwarded-For by default).
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store as RateLimitStore } from 'express-rate-limit';
import type { Logger } from 'pino';
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import { legacyHeaders, secondsUntil } from './limit-headers.js';
import { addressSubject } from './limit-keys.js';
import { LimitStoreError, type StoreFaults } from './store-faults.js';

export interface IpRateLimitOptions {
  /** Names the counter and the IETF policy, e.g. `sandbox-tokens`. */
  name: string;
  windowMs: number;
  limit: number;
  /** For the problem's detail, e.g. `sandbox tokens per hour`. */
  what: string;
}

export type IpRateLimitFactory = (options: IpRateLimitOptions) => RequestHandler;

export interface IpRateLimitDeps {
  /** A new store for each limiter name. */
  storeFor: (name: string) => RateLimitStore;
  /** Epoch ms; Retry-After and X-RateLimit-Reset are computed on it. */
  clock: () => number;
  /** The fault policy; without it a store error propagates as thrown (the Store adapter throws its own 503). */
  faults?: StoreFaults;
  logger?: Pick<Logger, 'warn' | 'error'>;
}

/** express-rate-limit's own messages (configuration validations) go to our log; store errors are ours to report. */
function rateLimitLogger(logger: Pick<Logger, 'warn' | 'error'>): { warn: (...args: unknown[]) => void; error: (...args: unknown[]) => void } {
  const forward =
    (level: 'warn' | 'error') =>
    (...args: unknown[]): void => {
      if (args.some((a) => a instanceof LimitStoreError)) return;
      logger[level]({ detail: args.map(String).join(' ') }, 'express-rate-limit');
    };
  return { warn: forward('warn'), error: forward('error') };
}

/** IPv6 clients are counted by /56, as express-rate-limit advises: one subscriber usually holds a whole /56 or /64. */
export function addressKey(req: Pick<Request, 'ip'>): string {
  return `{${addressSubject(ipKeyGenerator(req.ip ?? 'unknown', 56))}}`;
}

function guarded(store: RateLimitStore, faults: StoreFaults | undefined): RateLimitStore {
  if (faults === undefined) return store;
  return {
    prefix: store.prefix,
    localKeys: store.localKeys,
    init: (options) => store.init?.(options),
    async increment(key) {
      try {
        return await store.increment(key);
      } catch (err) {
        const failure = err instanceof LimitStoreError ? err : new LimitStoreError(err);
        faults.handle(failure); // throws the 503 problem when failing closed
        throw failure; // failing open: passOnStoreError lets the request through
      }
    },
    decrement: (key) => store.decrement(key),
    resetKey: (key) => store.resetKey(key),
    shutdown: () => store.shutdown?.(),
  };
}

export function createIpRateLimitFactory(deps: IpRateLimitDeps): IpRateLimitFactory {
  const { clock } = deps;
  const logger = deps.logger ?? { warn: () => undefined, error: () => undefined };
  return ({ name, windowMs, limit, what }) => {
    const resetSecondsOf = (req: Request): number => {
      const resetTime = (req as unknown as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      return resetTime ? secondsUntil(resetTime.getTime(), clock()) : Math.ceil(windowMs / 1000);
    };
    const middleware = rateLimit({
      windowMs,
      limit,
      store: guarded(deps.storeFor(name), deps.faults),
      keyGenerator: addressKey,
      identifier: name,
      // Seconds to the window's end on our clock (the library would read Date.now itself).
      retryAfter: (req) => Math.max(1, resetSecondsOf(req)),
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      passOnStoreError: deps.faults?.failOpen ?? false,
      logger: rateLimitLogger(logger),
      handler: (req, _res, next) => {
        const retryAfter = Math.max(1, resetSecondsOf(req));
        next(
          new ProblemError(problems.rateLimited, `At most ${limit} ${what} per client address; see Retry-After.`, {
            headers: { ...legacyHeaders({ name, limit, remaining: 0, resetSeconds: retryAfter }), 'Retry-After': String(retryAfter) },
          }),
        );
      },
    });
    return (req, res, next) => {
      void middleware(req, res, (err?: unknown) => {
        const info = (req as unknown as { rateLimit?: { remaining: number } }).rateLimit;
        // No info when the store failed and the request passed unlimited: then no headers claim a count.
        if (err === undefined && info !== undefined) {
          for (const [header, value] of Object.entries(legacyHeaders({ name, limit, remaining: info.remaining, resetSeconds: resetSecondsOf(req) }))) {
            res.setHeader(header, value);
          }
        }
        next(err);
      });
    };
  };
}
