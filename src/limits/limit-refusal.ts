// The 429 problems (pure): a full burst window is `rate-limited`, an exhausted quota `quota-exceeded`, so a client
// can tell "slow down for a second" from "come back tomorrow"; both carry Retry-After and the X-RateLimit-* headers.
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import { legacyHeaders, type WindowState } from './limit-headers.js';
import type { LimitWindow } from './resolve-policy.js';

const PER: Record<LimitWindow['name'], string> = { second: 'per second', minute: 'per minute', day: 'per day', month: 'per month' };

export function limitRefusal(window: Pick<LimitWindow, 'name' | 'kind' | 'scope' | 'limit'>, state: WindowState): ProblemError {
  // Retry-After 0 would invite an immediate retry into the same full window.
  const retryAfter = Math.max(1, state.resetSeconds);
  const whose = window.scope === 'api' ? 'This API accepts at most' : 'Your plan allows';
  const detail =
    window.kind === 'quota'
      ? `${whose} ${window.limit} requests ${PER[window.name]}, all used; the quota renews in ${retryAfter} s.`
      : `${whose} ${window.limit} requests ${PER[window.name]}; retry after ${retryAfter} s.`;
  return new ProblemError(window.kind === 'quota' ? problems.quotaExceeded : problems.rateLimited, detail, {
    headers: { ...legacyHeaders({ ...state, remaining: 0, resetSeconds: retryAfter }), 'Retry-After': String(retryAfter) },
    extensions: { limit: window.limit, window: window.name, scope: window.scope },
  });
}
