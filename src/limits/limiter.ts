// The limit stage's contract: admit or refuse a routed, authenticated request (create-limiter.ts is the implementation).
import type { Response } from 'express';
import type { RequestContext } from '../pipeline/context.js';

export interface Limiter {
  /** Resolves to admit (having set any rate-limit headers on res); throws a 429/503 problem to refuse. */
  check(ctx: RequestContext, res: Response): Promise<void>;
}

export const NO_LIMITS: Limiter = Object.freeze({ check: async () => undefined });
