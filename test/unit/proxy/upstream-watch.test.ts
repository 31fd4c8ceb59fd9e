// The coarse upstream watch: an exchange silent for timeoutMs is cut within one tick after; touched ones live on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpstreamWatch } from '../../../src/proxy/upstream-watch.js';

describe('upstream watch', () => {
  let now = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
  });
  afterEach(() => vi.useRealTimers());
  const advance = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };

  it('cuts an exchange silent for timeoutMs, between timeoutMs and timeoutMs + tick', () => {
    const cut: string[] = [];
    const watch = createUpstreamWatch<string>({ timeoutMs: 1000, tickMs: 100, now: () => now, onTimeout: (e) => cut.push(e) });
    watch.touch('a');
    advance(900);
    expect(cut).toEqual([]);
    advance(200);
    expect(cut).toEqual(['a']);
    expect(watch.size).toBe(0);
    watch.close();
  });

  it('restarts the clock on touch, forgets released exchanges, and keeps the others in order', () => {
    const cut: string[] = [];
    const watch = createUpstreamWatch<string>({ timeoutMs: 1000, tickMs: 100, now: () => now, onTimeout: (e) => cut.push(e) });
    watch.touch('a');
    watch.touch('b');
    watch.touch('c');
    advance(600);
    watch.touch('a'); // the response headers came: a's clock restarts
    watch.release('b'); // b ended
    advance(500);
    expect(cut).toEqual(['c']);
    advance(600);
    expect(cut).toEqual(['c', 'a']);
    watch.close();
  });

  it('stops its timer when nothing is watched, and starts it again on the next touch', () => {
    const cut: string[] = [];
    const watch = createUpstreamWatch<string>({ timeoutMs: 200, tickMs: 50, now: () => now, onTimeout: (e) => cut.push(e) });
    watch.touch('a');
    watch.release('a');
    advance(300);
    expect(vi.getTimerCount()).toBe(0);
    watch.touch('b');
    expect(vi.getTimerCount()).toBe(1);
    advance(300);
    expect(cut).toEqual(['b']);
    expect(vi.getTimerCount()).toBe(0);
    watch.close();
  });
});
