// The limit stage's contract: admit or refuse a routed, authenticated request (create-limiter.ts is the implementation).
import type { ServerResponse } from 'node:http';
import type { RequestContext } from '../pipeline/context.js';

export interface Limiter {
  /** Resolves to admit (having set any rate-limit headers on res); throws a 429/503 problem to refuse. */
  check(ctx: RequestContext, res: ServerResponse): Promise<void>;
}

export const NO_LIMITS: Limiter = Object.freeze({ check: async () => undefined });
