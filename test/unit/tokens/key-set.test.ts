// The key set: validation of a JWK Set, signing and verifying keys by kid, and a JWKS with no private members.
import { generateKeyPairSync } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createKeySet, generateSigningJwk, jwkThumbprint, KeySetError, type PublicJwk } from '../../../src/tokens/key-set.js';
import { signJwt } from '../../../src/tokens/sign-jwt.js';

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof KeySetError) return err.issues.map((i) => `${i.field}: ${i.message}`);
    throw err;
  }
  throw new Error('expected a KeySetError');
}

describe('createKeySet', () => {
  it.each(['ES256', 'RS256'] as const)('builds a %s set whose JWKS holds public members only, with kid, alg and use', (alg) => {
    const jwk = generateSigningJwk(alg);
    const set = createKeySet({ keys: [jwk] });
    expect(set.signing.alg).toBe(alg);
    expect(set.signing.kid).toBe(jwk.kid);
    expect(set.find(jwk.kid!)).toBeDefined();
    expect(set.find('nope')).toBeUndefined();
    const [published] = set.jwks.keys;
    expect(published).toMatchObject({ kid: jwk.kid, alg, use: 'sig' });
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(published).not.toHaveProperty(member);
  });

  it('names a key without kid by its RFC 7638 thumbprint', () => {
    const { kid: _kid, ...jwk } = generateSigningJwk('ES256');
    const set = createKeySet({ keys: [jwk] });
    expect(set.signing.kid).toBe(jwkThumbprint(set.signing.publicJwk));
    expect(set.signing.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('matches the RFC 7638 §3.1 example thumbprint', () => {
    const rfc = {
      kty: 'RSA',
      e: 'AQAB',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
    } as PublicJwk;
    expect(jwkThumbprint(rfc)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('signs with the first key and verifies with every key (rotation)', async () => {
    const oldKey = generateSigningJwk('ES256');
    const newKey = generateSigningJwk('RS256');
    const before = createKeySet({ keys: [oldKey] });
    const after = createKeySet({ keys: [newKey, oldKey] });
    const issuedBefore = signJwt(before.signing, 'at+jwt', { sub: 'x' });
    const issuedAfter = signJwt(after.signing, 'at+jwt', { sub: 'y' });
    const jwks = createLocalJWKSet({ keys: after.jwks.keys.map((k) => ({ ...k })) });
    expect((await jwtVerify(issuedBefore, jwks)).payload.sub).toBe('x');
    expect((await jwtVerify(issuedAfter, jwks)).protectedHeader).toMatchObject({ alg: 'RS256', kid: newKey.kid, typ: 'at+jwt' });
  });

  it('accepts a public-only key after the first (verify-only, private half destroyed)', () => {
    const retired = generateSigningJwk('ES256');
    const { d: _d, ...publicOnly } = retired;
    const set = createKeySet({ keys: [generateSigningJwk('ES256'), publicOnly] });
    expect(set.find(retired.kid!)).toBeDefined();
    expect(set.jwks.keys).toHaveLength(2);
  });

  it('reports every problem of a bad set at once', () => {
    const { d: _d, ...publicFirst } = generateSigningJwk('ES256');
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ format: 'jwk' });
    const weakRsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'jwk' });
    const dup = generateSigningJwk('ES256');
    const issues = issuesOf(() =>
      createKeySet({
        keys: [publicFirst, { kty: 'oct', k: 'c2VjcmV0' }, p384, weakRsa, { ...generateSigningJwk('ES256'), alg: 'RS256' }, dup, { ...dup }, 'text'],
      }),
    );
    expect(issues).toEqual([
      expect.stringMatching(/^keys\[0\]: expected a private key/),
      expect.stringMatching(/^keys\[1\]: expected an ES256 or RS256 key, found a key of type oct/),
      expect.stringMatching(/^keys\[2\]: expected an ES256 or RS256 key, found an EC key on curve P-384/),
      expect.stringMatching(/^keys\[3\]: expected an RSA modulus of at least 2048 bits, found 1024/),
      expect.stringMatching(/^keys\[4\]\.alg: expected ES256 for this key type, found RS256/),
      expect.stringMatching(/^keys\[7\]: expected a JWK object/),
      expect.stringMatching(/^keys\[6\]\.kid: expected a unique kid/),
    ]);
    expect(issuesOf(() => createKeySet({ keys: [] }))).toEqual(['keys: expected a non-empty array of JWKs']);
    expect(issuesOf(() => createKeySet(null))).toEqual(['keys: expected a non-empty array of JWKs']);
  });

  it('refuses a private key whose public members belong to another key', () => {
    const a = generateSigningJwk('ES256');
    const b = generateSigningJwk('ES256');
    expect(issuesOf(() => createKeySet({ keys: [{ ...a, x: b.x, y: b.y }] })).join()).toMatch(/keys\[0\]: (not a usable key|the private and public members)/);
  });
});
