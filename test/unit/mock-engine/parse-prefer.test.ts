// Prefer header decoding: the three preferences, quoting, both separators, unknown ones ignored, bad values as 422.
import { describe, expect, it } from 'vitest';
import { parsePrefer } from '../../../src/mock/parse-prefer.js';
import { ProblemError } from '../../../src/problem/problem.js';

function problemOf(fn: () => unknown): ProblemError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProblemError) return err;
    throw err;
  }
  throw new Error('expected a ProblemError');
}

describe('parsePrefer', () => {
  it('reads nothing from an absent or unrelated header', () => {
    expect(parsePrefer(undefined)).toEqual({});
    expect(parsePrefer('return=minimal, respond-async, wait=10')).toEqual({});
  });

  it('reads code, example and dynamic separated by commas or semicolons', () => {
    expect(parsePrefer('code=404, dynamic=true')).toEqual({ code: '404', dynamic: true });
    expect(parsePrefer('code=200; example=positivo; dynamic=FALSE')).toEqual({ code: '200', example: 'positivo', dynamic: false });
  });

  it('unquotes values, so example names may contain separators', () => {
    expect(parsePrefer('example="a, b; c"')).toEqual({ example: 'a, b; c' });
  });

  it('keeps the first occurrence of a preference (RFC 7240)', () => {
    expect(parsePrefer(['code=201', 'code=404'])).toEqual({ code: '201' });
  });

  it('is case-insensitive on names and tolerant of spaces', () => {
    expect(parsePrefer('  Code = 422 ')).toEqual({ code: '422' });
  });

  it('refuses a malformed code with a 422 naming the preference', () => {
    const err = problemOf(() => parsePrefer('code=abc'));
    expect(err.template.status).toBe(422);
    expect(err.extensions.preference).toBe('code');
    expect(problemOf(() => parsePrefer('code=6000')).template.status).toBe(422);
  });

  it('refuses dynamic other than true/false, listing the allowed values', () => {
    const err = problemOf(() => parsePrefer('dynamic=yes'));
    expect(err.template.status).toBe(422);
    expect(err.extensions.allowed).toEqual(['true', 'false']);
  });

  it('refuses an empty example name', () => {
    expect(problemOf(() => parsePrefer('example=')).template.status).toBe(422);
  });
});
