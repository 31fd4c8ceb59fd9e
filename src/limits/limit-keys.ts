// Counter keys (pure). Every key of one subject carries the same {hashtag}, so in a Redis Cluster all of its
// windows live in one slot and one Store.consumeWindows script counts them together.
import type { LimitWindow } from './resolve-policy.js';

/** `{c:<consumer>:<api>}` for a caller on an API, `{a:<api>}` for an API's ceiling. */
export function subjectTag(scope: LimitWindow['scope'], subject: string, apiId: string): string {
  // encodeURIComponent keeps braces (and anything else odd in a subject) out of the hashtag.
  return scope === 'api' ? `{a:${apiId}}` : `{c:${encodeURIComponent(subject)}:${apiId}}`;
}

/**
 * The Store key of a burst window, e.g. `rl:{c:acme:things}:second:burst`: one key for as long as the window lasts
 * (it starts with the first hit and the counter expires with it). The `:burst` suffix keeps it apart from the string
 * counters rate-limit-redis kept at `rl:{…}:second` before, so a rolling upgrade never meets a key of the other type.
 */
export function burstKey(tag: string, window: LimitWindow['name']): string {
  return `rl:${tag}:${window}:burst`;
}

/** The Store key of a quota window; the window's opening date keeps calendar periods apart even if clocks disagree. */
export function quotaKey(tag: string, window: LimitWindow['name'], label: string): string {
  return `rl:${tag}:${window}:${label}`;
}

/** Subject of an anonymous caller: its address (an IPv6 client already reduced to its /56 by the caller). */
export function addressSubject(address: string): string {
  return `ip:${address}`;
}
