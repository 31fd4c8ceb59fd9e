// Decodes the `Prefer` header (RFC 7240) into the mock's choices: `code=404`, `example=name`, `dynamic=true|false`.
// Unknown preferences (`return=minimal`, `respond-async`...) are ignored, as the RFC asks; a known one with a bad value is a 422.

import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import { splitOutsideQuotes } from './media-type.js';

export interface Preferences {
  /** A three-digit status, as text so it can be looked up in `responses` directly. */
  readonly code?: string;
  readonly example?: string;
  readonly dynamic?: boolean;
}

export function parsePrefer(header: string | readonly string[] | undefined): Preferences {
  if (header === undefined) return {};
  const text = typeof header === 'string' ? header : header.join(',');
  const found: { code?: string; example?: string; dynamic?: boolean } = {};
  const seen = new Set<string>();
  // Commas separate preferences and semicolons their parameters; clients use both between ours, so either is accepted.
  for (const part of splitOutsideQuotes(text, ',').flatMap((p) => splitOutsideQuotes(p, ';'))) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (name !== 'code' && name !== 'example' && name !== 'dynamic') continue;
    // The first occurrence wins (RFC 7240 §2).
    if (seen.has(name)) continue;
    seen.add(name);
    const value = eq === -1 ? '' : unquote(part.slice(eq + 1).trim());
    if (name === 'code') {
      if (!/^[1-5]\d\d$/.test(value)) throw badPreference('code', value, 'a three-digit HTTP status such as 404');
      found.code = value;
    } else if (name === 'dynamic') {
      const lower = value.toLowerCase();
      if (lower !== 'true' && lower !== 'false') throw badPreference('dynamic', value, '`true` or `false`', ['true', 'false']);
      found.dynamic = lower === 'true';
    } else {
      if (value === '') throw badPreference('example', value, 'the name of one of the response examples');
      found.example = value;
    }
  }
  return found;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).replace(/\\(.)/g, '$1');
  return value;
}

function badPreference(name: string, value: string, expected: string, allowed?: readonly string[]): ProblemError {
  return new ProblemError(problems.unprocessable, `Prefer: ${name}=${JSON.stringify(value)} is not understood; expected ${expected}.`, {
    extensions: allowed === undefined ? { preference: name } : { preference: name, allowed },
  });
}
