// Pre-crypto checks on untrusted tokens: size, shape, header; cheap even for hostile input.
import { describe, expect, it } from 'vitest';
import { inspectCompactJwt } from '../../../src/tokens/inspect-compact-jwt.js';
import { TokenError, type TokenErrorCode } from '../../../src/tokens/token-error.js';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const header = b64({ alg: 'ES256', kid: 'k', typ: 'at+jwt' });

function codeOf(token: string, max = 8192): TokenErrorCode {
  try {
    inspectCompactJwt(token, max);
  } catch (err) {
    if (err instanceof TokenError) return err.code;
    throw err;
  }
  throw new Error('expected a TokenError');
}

describe('inspectCompactJwt', () => {
  it('returns the decoded header of a well-formed token', () => {
    expect(inspectCompactJwt(`${header}.${b64({ sub: 'x' })}.c2ln`, 8192).header).toEqual({ alg: 'ES256', kid: 'k', typ: 'at+jwt' });
  });

  it.each([
    ['two segments', `${header}.${b64({})}`, 'malformed'],
    ['four segments', `${header}.a.b.c`, 'malformed'],
    ['an empty payload', `${header}..c2ln`, 'malformed'],
    ['an empty signature', `${header}.${b64({})}.`, 'malformed'],
    ['an empty header', `.${b64({})}.c2ln`, 'malformed'],
    ['standard base64 characters', `${header}.a+b/.c2ln`, 'malformed'],
    ['padding', `${header}.YQ==.c2ln`, 'malformed'],
    ['a header that is not JSON', `${b64('not json')}.${b64({})}.c2ln`, 'header'],
    ['a header that is an array', `${b64([1])}.${b64({})}.c2ln`, 'header'],
    ['a header that is null', `${b64('null')}.${b64({})}.c2ln`, 'header'],
    ['a huge header', `${b64({ alg: 'ES256', pad: 'x'.repeat(2000) })}.${b64({})}.c2ln`, 'header'],
  ])('refuses %s', (_name, token, code) => {
    expect(codeOf(token)).toBe(code);
  });

  it('refuses an oversized token by length alone, before looking at its characters', () => {
    // Invalid base64url everywhere: were the characters scanned first, the answer would be "malformed".
    expect(codeOf('!'.repeat(1024 * 1024))).toBe('oversized');
  });

  it('scans a hostile token at the size limit to the end (a backtracking pattern would not finish within the test timeout)', () => {
    // Speed is the bench's business; what this pins is that a near-miss of 8 000 characters gets an answer at all.
    for (const hostile of [`${'a'.repeat(8000)}!`, `${'a.'.repeat(4000)}!`, `${'a'.repeat(3999)}.${'b'.repeat(3999)}.!`]) expect(codeOf(hostile)).toBe('malformed');
  });
});
