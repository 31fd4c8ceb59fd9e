// The revocation list: Store-backed, with each instance reusing an answer for recheckMs (counted Store calls, real memory store).
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';
import { createRevocationList, REVOKED_JTI_SET } from '../../../src/tokens/revocation-list.js';

/** The memory store with its isMember calls counted (and optionally failing). */
function countingStore(): { store: Store; calls: () => number; fail: (on: boolean) => void } {
  const store = createMemoryStore();
  let calls = 0;
  let failing = false;
  const isMember: Store['isMember'] = async (key, member) => {
    calls += 1;
    if (failing) throw new Error('store down');
    return store.isMember(key, member);
  };
  return { store: { ...store, isMember }, calls: () => calls, fail: (on) => (failing = on) };
}

describe('revocation list', () => {
  it('asks the Store on every call when recheckMs is 0', async () => {
    const { store, calls } = countingStore();
    const list = createRevocationList(store);
    for (let i = 0; i < 5; i++) expect(await list.isRevoked('a')).toBe(false);
    expect(calls()).toBe(5);
  });

  it('reuses an answer for recheckMs, then asks again', async () => {
    const { store, calls } = countingStore();
    let now = 1_000;
    const list = createRevocationList(store, { recheckMs: 1_000, clock: () => now });
    expect(await list.isRevoked('a')).toBe(false);
    now += 999;
    expect(await list.isRevoked('a')).toBe(false);
    expect(calls()).toBe(1);
    now += 1;
    expect(await list.isRevoked('a')).toBe(false);
    expect(calls()).toBe(2);
  });

  it('sees a revocation made by another instance once the interval has passed', async () => {
    const { store } = countingStore();
    let now = 0;
    const here = createRevocationList(store, { recheckMs: 1_000, clock: () => now });
    const elsewhere = createRevocationList(store, { recheckMs: 1_000, clock: () => now });
    expect(await here.isRevoked('a')).toBe(false);
    await elsewhere.revoke('a');
    expect(await elsewhere.isRevoked('a')).toBe(true); // at once where it was revoked
    now += 1_000;
    expect(await here.isRevoked('a')).toBe(true);
    expect(await store.isMember(REVOKED_JTI_SET, 'a')).toBe(true);
  });

  it('applies its own revocations at once, even over a Store answer still in flight', async () => {
    const { store } = countingStore();
    const list = createRevocationList(store, { recheckMs: 60_000 });
    const inFlight = list.isRevoked('a'); // asked before the revocation lands
    await list.revoke('a');
    await inFlight;
    expect(await list.isRevoked('a')).toBe(true);
  });

  it('shares one Store call between concurrent checks of one token', async () => {
    const { store, calls } = countingStore();
    const list = createRevocationList(store, { recheckMs: 1_000 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => list.isRevoked('a')));
    expect(answers).toEqual(Array(20).fill(false));
    expect(calls()).toBe(1);
  });

  it('rejects when the Store fails and the answer is due, so the fail-open/closed policy decides', async () => {
    const { store, fail } = countingStore();
    let now = 0;
    const list = createRevocationList(store, { recheckMs: 1_000, clock: () => now });
    expect(await list.isRevoked('a')).toBe(false);
    fail(true);
    expect(await list.isRevoked('a')).toBe(false); // still within the interval
    now += 1_000;
    await expect(Promise.resolve(list.isRevoked('a'))).rejects.toThrow('store down');
  });

  it('remembers at most maxEntries answers', async () => {
    const { store, calls } = countingStore();
    const list = createRevocationList(store, { recheckMs: 60_000, maxEntries: 2 });
    for (const jti of ['a', 'b', 'c']) await list.isRevoked(jti);
    await list.isRevoked('c');
    expect(calls()).toBe(3);
    await list.isRevoked('a'); // evicted: asked again
    expect(calls()).toBe(4);
  });
});
