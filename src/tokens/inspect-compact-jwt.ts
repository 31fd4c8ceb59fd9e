// Cheap checks on an untrusted compact JWT before any cryptography: bounded size, three base64url segments, a small JSON header.
import { TokenError } from './token-error.js';

// One pass over at most maxBytes characters; no nested quantifiers, so no catastrophic backtracking.
const COMPACT_CHARS = /^[A-Za-z0-9_.-]+$/;
const MAX_HEADER_CHARS = 1024;

export interface CompactJwtParts {
  /** The decoded protected header (not yet trusted). */
  header: Record<string, unknown>;
}

/** Throws TokenError('oversized' | 'malformed' | 'header'); never decodes the payload or touches a key. */
export function inspectCompactJwt(token: string, maxBytes: number): CompactJwtParts {
  if (token.length > maxBytes) throw new TokenError('oversized', `token longer than ${maxBytes} characters`);
  if (!COMPACT_CHARS.test(token)) throw new TokenError('malformed', 'characters outside base64url and "."');
  const first = token.indexOf('.');
  const second = first === -1 ? -1 : token.indexOf('.', first + 1);
  if (first <= 0 || second === -1 || second === first + 1 || second === token.length - 1 || token.indexOf('.', second + 1) !== -1) {
    throw new TokenError('malformed', 'expected three non-empty segments');
  }
  if (first > MAX_HEADER_CHARS) throw new TokenError('header', 'header too large');
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(token.slice(0, first), 'base64url').toString('utf8'));
  } catch (err) {
    throw new TokenError('header', 'header is not JSON', { cause: err });
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) throw new TokenError('header', 'header is not a JSON object');
  return { header: header as Record<string, unknown> };
}
