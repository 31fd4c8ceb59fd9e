// The authenticate stage for gateway tokens: Bearer header → cached or fresh verification → revocation → scope → principal.
import { ANONYMOUS, bearerChallenge, type Authenticator } from '../pipeline/authenticator.js';
import { mayCall, type Principal } from '../pipeline/principal.js';
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import { readBearerCredential } from './bearer-credential.js';
import type { RevocationList } from './revocation-list.js';
import { publicDescription, TokenError, type TokenErrorCode } from './token-error.js';
import type { TokenVerifier, VerifiedAccessToken } from './token-verifier.js';
import type { VerificationCache } from './verification-cache.js';

export interface TokenAuthenticatorOptions {
  verifier: TokenVerifier;
  cache: VerificationCache;
  revocations: RevocationList;
  /** Epoch milliseconds; main passes Date.now, tests a frozen clock. */
  clock: () => number;
  /** Told why a token was refused (for a debug log); the client is told far less. */
  onRejected?: (code: TokenErrorCode, apiId: string) => void;
  /**
   * When the Store cannot say whether a token was revoked: true accepts the (otherwise valid) token, false answers 503.
   * main.ts passes `limits.failOpen`, the operator's one switch for "the shared store is down", so that a Redis
   * outage does not refuse every production call while the limits are set to keep serving. Default false.
   */
  revocationFailOpen?: boolean;
  /** Told each time a token was accepted without its revocation check (for a warning log and a counter). */
  onRevocationUnchecked?: (err: unknown) => void;
}

function invalidToken(code: TokenErrorCode): ProblemError {
  const description = publicDescription(code);
  return new ProblemError(problems.unauthorized, `${description}.`, {
    headers: { 'WWW-Authenticate': bearerChallenge({ code: 'invalid_token', description }) },
  });
}

function noCredential(apiId: string): ProblemError {
  return new ProblemError(problems.unauthorized, `API "${apiId}" requires a bearer token (Authorization: Bearer <token>).`, {
    headers: { 'WWW-Authenticate': bearerChallenge() },
  });
}

/**
 * Revocation is checked on every call, cache hit or not, through the RevocationList: it asks the Store at most once per
 * token per tokens.revocationCheckSeconds (a revocation on another instance applies here within that time; one made here
 * applies at once). The verification cache only spares the signature and claims work, which is the CPU cost.
 */
export function createTokenAuthenticator(options: TokenAuthenticatorOptions): Authenticator {
  const { verifier, cache, revocations, clock } = options;

  async function verified(token: string, now: number): Promise<VerifiedAccessToken> {
    const key = cache.keyOf(token);
    const hit = cache.get(key, now);
    if (hit) return hit;
    const fresh = await verifier.verify(token, now);
    cache.set(key, fresh, now);
    return fresh;
  }

  return {
    async authenticate(request, api): Promise<Principal> {
      const credential = readBearerCredential(request.headers.authorization);
      if (credential.kind === 'none') {
        if (api.config.access === 'open') return ANONYMOUS;
        throw noCredential(api.id);
      }
      if (credential.kind === 'other-scheme') throw noCredential(api.id);

      let principal: Principal;
      try {
        if (credential.kind === 'malformed') throw new TokenError('malformed', 'Authorization header is not "Bearer <token>"');
        principal = (await verified(credential.token, clock())).principal;
        let revoked: boolean;
        try {
          revoked = await revocations.isRevoked(principal.tokenId ?? '');
        } catch (err) {
          if (!options.revocationFailOpen) {
            // Fail closed: without the Store we cannot know whether the token was revoked.
            throw new ProblemError(problems.serviceUnavailable, 'Token revocation cannot be checked right now.', {
              headers: { 'Retry-After': '5' },
              cause: err,
            });
          }
          options.onRevocationUnchecked?.(err);
          revoked = false;
        }
        if (revoked) throw new TokenError('revoked', 'jti is revoked');
      } catch (err) {
        if (!(err instanceof TokenError)) throw err;
        options.onRejected?.(err.code, api.id);
        throw invalidToken(err.code);
      }

      if (!mayCall(principal, api.id)) {
        const description = 'The access token does not grant this API';
        throw new ProblemError(problems.forbidden, `${description} ("${api.id}").`, {
          headers: { 'WWW-Authenticate': bearerChallenge({ code: 'insufficient_scope', description }) },
        });
      }
      return principal;
    },
  };
}
