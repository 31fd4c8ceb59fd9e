// Counter keys (pure). Every key of one subject carries the same {hashtag}, so in a Redis Cluster all of its
// windows live in one slot: each script touches one slot, and a future all-windows script could touch them together.
import type { LimitWindow } from './resolve-policy.js';

/** `{c:<consumer>:<api>}` for a caller on an API, `{a:<api>}` for an API's ceiling. */
export function subjectTag(scope: LimitWindow['scope'], subject: string, apiId: string): string {
  // encodeURIComponent keeps braces (and anything else odd in a subject) out of the hashtag.
  return scope === 'api' ? `{a:${apiId}}` : `{c:${encodeURIComponent(subject)}:${apiId}}`;
}

/** The express-rate-limit key of a burst window, e.g. `{c:acme:things}:second` (the store adds its prefix). */
export function burstKey(tag: string, window: LimitWindow['name']): string {
  return `${tag}:${window}`;
}

/** The Store key of a quota window; the window's opening date keeps calendar periods apart even if clocks disagree. */
export function quotaKey(tag: string, window: LimitWindow['name'], label: string): string {
  return `rl:${tag}:${window}:${label}`;
}

/** Subject of an anonymous caller: its address (an IPv6 client already reduced to its /56 by the caller). */
export function addressSubject(address: string): string {
  return `ip:${address}`;
}
