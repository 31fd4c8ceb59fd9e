// Why an access token was refused: stable codes for logs and tests; clients only ever learn "invalid" or "expired" (RFC 6750 §3).

export type TokenErrorCode =
  | 'oversized'
  | 'malformed'
  | 'header'
  | 'algorithm'
  | 'unknown-key'
  | 'signature'
  | 'expired'
  | 'not-yet-valid'
  | 'issuer'
  | 'audience'
  | 'type'
  | 'claims'
  | 'revoked';

export class TokenError extends Error {
  readonly code: TokenErrorCode;
  constructor(code: TokenErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenError';
    this.code = code;
  }
}

/**
 * The error_description a client sees. Only expiry is named (RFC 6750's own example), because a client can act on it
 * by fetching a new token; every other cause reads the same, so a forger learns nothing about which check failed.
 */
export function publicDescription(code: TokenErrorCode): string {
  return code === 'expired' ? 'The access token expired' : 'The access token is invalid';
}
