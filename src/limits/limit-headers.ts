// The rate-limit response headers (pure): X-RateLimit-* of the most restrictive window (AgID RAC_ROBUSTEZZA_001/002,
// Reset in seconds), and IETF draft-8 RateLimit / RateLimit-Policy items in express-rate-limit's exact format.
import { createHash } from 'node:crypto';

export interface WindowState {
  /** Policy name shown in the IETF headers, e.g. `second` or `api-day`. */
  readonly name: string;
  readonly limit: number;
  readonly remaining: number;
  /** Whole seconds until the window resets (never negative). */
  readonly resetSeconds: number;
}

/** The window a client should watch: fewest requests left; of those, the one that stays closed longest. */
export function mostRestrictive(states: readonly WindowState[]): WindowState | undefined {
  let worst: WindowState | undefined;
  for (const s of states) {
    if (!worst || s.remaining < worst.remaining || (s.remaining === worst.remaining && s.resetSeconds > worst.resetSeconds)) worst = s;
  }
  return worst;
}

export function legacyHeaders(state: WindowState): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': String(state.resetSeconds),
  };
}

/** express-rate-limit's partition key: the first 12 hex digits of SHA-256(key), base64 (the key itself stays private). */
export function partitionKey(key: string): string {
  return Buffer.from(createHash('sha256').update(key).digest('hex').slice(0, 12)).toString('base64');
}

/**
 * partitionKey remembered per key: a subject's keys recur on every request, and SHA-256 was a measurable share of
 * the limit stage. Bounded: emptied when `max` keys are held (quota keys change with each calendar period).
 */
export function createPartitionKeys(max = 10_000): (key: string) => string {
  const known = new Map<string, string>();
  return (key) => {
    let pk = known.get(key);
    if (pk === undefined) {
      if (known.size >= max) known.clear();
      pk = partitionKey(key);
      known.set(key, pk);
    }
    return pk;
  };
}

/** One `RateLimit` and one `RateLimit-Policy` list member (draft-ietf-httpapi-ratelimit-headers-08). */
export function ietfItems(state: WindowState, windowSeconds: number, key: string, pk = partitionKey(key)): { rateLimit: string; policy: string } {
  return {
    rateLimit: `"${state.name}"; r=${state.remaining}; t=${state.resetSeconds}`,
    policy: `"${state.name}"; q=${state.limit}; w=${windowSeconds}; pk=:${pk}:`,
  };
}

/** Seconds from `now` to `resetAt` (epoch ms), rounded up, at least 0. */
export function secondsUntil(resetAt: number, now: number): number {
  return Math.max(0, Math.ceil((resetAt - now) / 1000));
}
