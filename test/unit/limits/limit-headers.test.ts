// Headers and refusals: the tightest window chosen for X-RateLimit-*, draft-8 items, and the two 429 problem types.
import { describe, expect, it } from 'vitest';
import { createPartitionKeys, ietfItems, legacyHeaders, mostRestrictive, partitionKey, secondsUntil } from '../../../src/limits/limit-headers.js';
import { limitRefusal } from '../../../src/limits/limit-refusal.js';
import { burstKey, quotaKey, subjectTag } from '../../../src/limits/limit-keys.js';

describe('limit headers', () => {
  it('reports the window with the fewest requests left; on a tie, the one that stays closed longest', () => {
    const second = { name: 'second', limit: 20, remaining: 19, resetSeconds: 1 };
    const day = { name: 'day', limit: 10_000, remaining: 9_000, resetSeconds: 50_000 };
    expect(mostRestrictive([second, day])).toBe(second);
    const dayEmpty = { ...day, remaining: 0 };
    const secondEmpty = { ...second, remaining: 0 };
    expect(mostRestrictive([secondEmpty, dayEmpty])).toBe(dayEmpty);
    expect(mostRestrictive([])).toBeUndefined();
    expect(legacyHeaders(second)).toEqual({ 'X-RateLimit-Limit': '20', 'X-RateLimit-Remaining': '19', 'X-RateLimit-Reset': '1' });
  });

  it('formats draft-8 items as express-rate-limit does', () => {
    const items = ietfItems({ name: 'day', limit: 100, remaining: 42, resetSeconds: 3600 }, 86_400, 'rl:{c:acme:things}:day:2025-01-15');
    expect(items.rateLimit).toBe('"day"; r=42; t=3600');
    expect(items.policy).toMatch(/^"day"; q=100; w=86400; pk=:[A-Za-z0-9+/=]+:$/);
    expect(partitionKey('a')).toBe(partitionKey('a'));
    expect(partitionKey('a')).not.toBe(partitionKey('b'));
  });

  it('remembers partition keys, bounded, with the same values as partitionKey', () => {
    const pk = createPartitionKeys(2);
    for (const key of ['a', 'b', 'a', 'c', 'd', 'a']) expect(pk(key)).toBe(partitionKey(key));
    const items = ietfItems({ name: 'second', limit: 5, remaining: 4, resetSeconds: 1 }, 1, 'k', pk('k'));
    expect(items.policy).toBe(`"second"; q=5; w=1; pk=:${partitionKey('k')}:`);
  });

  it('rounds seconds up and never below zero', () => {
    expect(secondsUntil(1_001, 0)).toBe(2);
    expect(secondsUntil(1_000, 0)).toBe(1);
    expect(secondsUntil(0, 5_000)).toBe(0);
  });
});

describe('refusals', () => {
  it('a burst window refuses as rate-limited, a quota as quota-exceeded, both with Retry-After of at least 1', () => {
    const burst = limitRefusal({ name: 'second', kind: 'burst', scope: 'consumer', limit: 20 }, { name: 'second', limit: 20, remaining: 0, resetSeconds: 0 });
    expect(burst.template.code).toBe('rate-limited');
    expect(burst.headers).toEqual({ 'Retry-After': '1', 'X-RateLimit-Limit': '20', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '1' });
    expect(burst.extensions).toEqual({ limit: 20, window: 'second', scope: 'consumer' });

    const quota = limitRefusal({ name: 'day', kind: 'quota', scope: 'api', limit: 5 }, { name: 'api-day', limit: 5, remaining: 0, resetSeconds: 7200 });
    expect(quota.template).toMatchObject({ code: 'quota-exceeded', status: 429 });
    expect(quota.headers['Retry-After']).toBe('7200');
    expect(quota.detail).toContain('This API accepts at most 5 requests per day');
  });
});

describe('keys', () => {
  it('share one {hashtag} per subject, keep braces out of it, and date quota keys', () => {
    const tag = subjectTag('consumer', 'we{ir}d', 'things');
    expect(tag).toBe('{c:we%7Bir%7Dd:things}');
    expect(burstKey(tag, 'second')).toBe('rl:{c:we%7Bir%7Dd:things}:second:burst');
    expect(quotaKey(subjectTag('api', 'ignored', 'things'), 'day', '2025-01-15')).toBe('rl:{a:things}:day:2025-01-15');
  });
});
