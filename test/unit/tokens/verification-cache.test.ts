// The verification cache: keyed by hash, bounded LRU, entries gone at the token's expiry, 0 disables.
import { describe, expect, it } from 'vitest';
import type { VerifiedAccessToken } from '../../../src/tokens/token-verifier.js';
import { createVerificationCache } from '../../../src/tokens/verification-cache.js';

const NOW = Date.UTC(2025, 0, 15, 9);
const entry = (id: string, expiresAt = NOW + 60_000): VerifiedAccessToken => ({
  principal: { consumerId: id, env: 'sandbox', plan: 'sandbox', apis: [] },
  expiresAt,
});

describe('verification cache', () => {
  it('keys by SHA-256 of the token, never the token', () => {
    const cache = createVerificationCache(10);
    const key = cache.keyOf('header.payload.signature');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain('payload');
    expect(cache.keyOf('header.payload.signaturf')).not.toBe(key);
  });

  it('returns an entry until its expiry, then forgets it', () => {
    const cache = createVerificationCache(10);
    cache.set('k', entry('a'), NOW);
    expect(cache.get('k', NOW + 59_999)?.principal.consumerId).toBe('a');
    expect(cache.get('k', NOW + 60_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not store an entry already expired', () => {
    const cache = createVerificationCache(10);
    cache.set('k', entry('a', NOW), NOW);
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry past its bound', () => {
    const cache = createVerificationCache(2);
    cache.set('a', entry('a'), NOW);
    cache.set('b', entry('b'), NOW);
    cache.get('a', NOW); // a is now the most recent
    cache.set('c', entry('c'), NOW);
    expect(cache.size).toBe(2);
    expect(cache.get('b', NOW)).toBeUndefined();
    expect(cache.get('a', NOW)).toBeDefined();
    expect(cache.get('c', NOW)).toBeDefined();
  });

  it('caches nothing with size 0', () => {
    const cache = createVerificationCache(0);
    cache.set('a', entry('a'), NOW);
    expect(cache.get('a', NOW)).toBeUndefined();
  });
});
