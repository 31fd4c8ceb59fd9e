// Reads the Authorization header (RFC 6750 §2.1): the only place a token is accepted (no query or body tokens: RAC_GEN_004).

export type BearerCredential =
  | { readonly kind: 'none' }
  | { readonly kind: 'other-scheme' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'bearer'; readonly token: string };

// b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" ; the scheme is case-insensitive (RFC 9110 §11.1).
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
const SCHEME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(?: |$)/;

export function readBearerCredential(header: string | string[] | undefined): BearerCredential {
  if (header === undefined) return { kind: 'none' };
  if (typeof header !== 'string') return { kind: 'malformed' };
  const match = BEARER.exec(header);
  if (match) return { kind: 'bearer', token: match[1]! };
  if (/^Bearer(?: |$)/i.test(header)) return { kind: 'malformed' };
  return SCHEME.test(header) ? { kind: 'other-scheme' } : { kind: 'malformed' };
}
