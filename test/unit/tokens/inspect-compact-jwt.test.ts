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

  it('refuses an oversized token by length alone, in well under a millisecond per MB', () => {
    const huge = 'a'.repeat(1024 * 1024);
    const started = performance.now();
    for (let i = 0; i < 100; i++) expect(codeOf(huge)).toBe('oversized');
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('scans a hostile token at the size limit quickly (no backtracking)', () => {
    const hostile = `${'a'.repeat(8000)}!`;
    const started = performance.now();
    for (let i = 0; i < 1000; i++) expect(codeOf(hostile)).toBe('malformed');
    expect(performance.now() - started).toBeLessThan(200);
  });
});
