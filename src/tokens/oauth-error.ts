// RFC 6749 §5.2 errors of the token endpoint: JSON `{ error, error_description }` (not problem+json, which OAuth clients do not read).

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

export class OAuthError extends Error {
  readonly code: OAuthErrorCode;
  readonly status: number;
  readonly description: string;
  /** Why, for the gateway's own log; never sent (the description stays generic for invalid_client). */
  readonly reason: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: OAuthErrorCode, description: string, options: { reason?: string; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(description, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OAuthError';
    this.code = code;
    // RFC 6749 §5.2: 400, except a failed client authentication, which may (and with Basic must) be 401.
    this.status = code === 'invalid_client' ? 401 : 400;
    this.description = description;
    this.reason = options.reason ?? description;
    this.headers = options.headers ?? {};
  }
}

export function oauthErrorBody(err: OAuthError): { error: OAuthErrorCode; error_description: string } {
  return { error: err.code, error_description: err.description };
}

/** The one description every failed client authentication gets, so a caller cannot tell an unknown id from a wrong secret. */
export const CLIENT_AUTH_FAILED = 'Client authentication failed';
