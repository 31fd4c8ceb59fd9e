// Reading the Authorization header (RFC 6750 §2.1).
import { describe, expect, it } from 'vitest';
import { readBearerCredential } from '../../../src/tokens/bearer-credential.js';

describe('readBearerCredential', () => {
  it('reads a bearer token, the scheme in any case', () => {
    expect(readBearerCredential('Bearer abc.def.ghi')).toEqual({ kind: 'bearer', token: 'abc.def.ghi' });
    expect(readBearerCredential('bearer  abc~+/==')).toEqual({ kind: 'bearer', token: 'abc~+/==' });
  });

  it('tells apart no header, another scheme and a malformed bearer header', () => {
    expect(readBearerCredential(undefined)).toEqual({ kind: 'none' });
    expect(readBearerCredential('Basic dXNlcjpwYXNz')).toEqual({ kind: 'other-scheme' });
    expect(readBearerCredential('Token abc')).toEqual({ kind: 'other-scheme' });
    for (const bad of ['Bearer', 'Bearer ', 'Bearer a b', 'Bearer a,b', 'Bearer "abc"', 'Bearerabc.def', '', ' ', '{}']) {
      expect(readBearerCredential(bad).kind, JSON.stringify(bad)).toMatch(/^(malformed|other-scheme)$/);
    }
    expect(readBearerCredential('Bearer a b').kind).toBe('malformed');
    expect(readBearerCredential(['Bearer a', 'Bearer b'])).toEqual({ kind: 'malformed' });
  });
});
