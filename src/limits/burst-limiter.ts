// One express-rate-limit instance per burst window (consumer or ceiling; second or minute), with its own store.
// The limiter passes each request's key and limit; the library counts, writes the IETF draft-8 headers, and reports.
import type { Request, Response } from 'express';
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
  /** Counts the request; resolves with the count, rejects with LimitStoreError when the store fails. */
  count(req: Request, res: Response, key: string, limit: number): Promise<BurstCount>;
}

interface RateLimitInfo {
  limit: number;
  used: number;
  remaining: number;
  resetTime: Date | undefined;
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
  const { name, windowMs } = options;
  // Per-request inputs: the limit and key depend on the principal and the API, decided before the library runs.
  const inputs = new WeakMap<Request, { key: string; limit: number }>();
  const property = `porticoBurst_${name}`;
  const middleware = rateLimit({
    windowMs,
    store: options.store,
    keyGenerator: (req) => inputs.get(req)?.key ?? '',
    limit: (req) => inputs.get(req)?.limit ?? 0,
    identifier: name,
    requestPropertyName: property,
    standardHeaders: 'draft-8',
    // X-RateLimit-Reset must be seconds to reset (AgID), not the library's epoch seconds: the limiter writes them.
    legacyHeaders: false,
    // The limiter refuses (which problem, which window's headers), so the library only reports.
    handler: (_req, _res, next) => next(),
    passOnStoreError: false,
    logger: rateLimitLogger(options.logger),
  });

  return {
    name,
    windowMs,
    async count(req, res, key, limit) {
      inputs.set(req, { key, limit });
      await new Promise<void>((resolve, reject) => {
        void middleware(req, res, (err?: unknown) => (err === undefined ? resolve() : reject(err)));
      });
      const info = (req as unknown as Record<string, RateLimitInfo | undefined>)[property];
      if (info === undefined) throw new Error(`express-rate-limit did not report on ${name}`);
      // The library's stores and its own `t=` run on Date.now, so the reset is measured on that clock too.
      const resetSeconds = info.resetTime === undefined ? windowMs / 1000 : Math.max(0, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000));
      return { limit: info.limit, used: info.used, remaining: info.remaining, resetSeconds };
    },
  };
}
