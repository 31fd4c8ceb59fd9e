// Runs the Store contract against the memory store, plus what only the memory store does (clock, sweep, close).

import { describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { runStoreContract } from './store-contract.js';

runStoreContract('memory', async () => {
  const store = createMemoryStore();
  return { store, cleanup: () => store.close() };
});

describe('memory store', () => {
  it('honours an injected clock', async () => {
    let t = 1_000_000;
    const store = createMemoryStore({ now: () => t });
    await store.set('k', 'v', 100);
    expect(await store.increment('n', 1, 100)).toEqual({ value: 1, resetAt: 1_000_100 });
    t += 99;
    expect(await store.get('k')).toBe('v');
    t += 1;
    expect(await store.get('k')).toBeUndefined();
    expect(await store.increment('n', 1, 100)).toEqual({ value: 1, resetAt: 1_000_200 });
    await store.close();
  });

  it('sweeps expired entries that are never read again', async () => {
    vi.useFakeTimers();
    try {
      let t = 0;
      const store = createMemoryStore({ now: () => t, sweepIntervalMs: 1_000 });
      await store.set('gone', 'v', 10);
      await store.set('kept', 'v');
      t = 50;
      vi.advanceTimersByTime(1_000);
      // The sweep removed the entry itself: moving the clock back would expose it were it still there.
      t = 0;
      expect(await store.get('gone')).toBeUndefined();
      expect(await store.get('kept')).toBe('v');
      await store.close();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects a key used as another kind, as Redis does', async () => {
    const store = createMemoryStore();
    await store.set('s', 'v');
    await expect(store.addToSet('s', 'm')).rejects.toThrow(TypeError);
    await expect(store.consume('s', 1, 1, Date.now() + 1_000)).rejects.toThrow(TypeError);
    await store.close();
  });

  it('rejects calls after close', async () => {
    const store = createMemoryStore();
    await store.close();
    await expect(store.ping()).rejects.toThrow(/closed/);
  });
});
