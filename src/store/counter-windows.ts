// Checks shared by every Store's consumeWindows (pure): one {hashtag} per call and a sane cost, so a call that a
// Redis Cluster would refuse (CROSSSLOT) is refused the same way by the memory store and a single node.
import type { CounterWindow } from './store.js';

/** The part of a key Redis Cluster hashes: the first non-empty `{…}`, or the whole key when there is none. */
export function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  if (open === -1) return key;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

/** Throws a TypeError unless every key shares one hashtag, a RangeError unless cost is a non-negative integer. */
export function assertWindowsCall(windows: readonly CounterWindow[], cost: number): void {
  if (!Number.isSafeInteger(cost) || cost < 0) throw new RangeError(`consumeWindows cost must be a non-negative integer, not ${cost}`);
  if (windows.length < 2) return;
  const tag = hashTagOf(windows[0]!.key);
  for (let i = 1; i < windows.length; i++) {
    const key = windows[i]!.key;
    if (hashTagOf(key) !== tag) {
      throw new TypeError(`consumeWindows keys must share one {hashtag}: "${windows[0]!.key}" and "${key}" do not`);
    }
  }
}
