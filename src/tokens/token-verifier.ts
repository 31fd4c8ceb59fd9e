// Verifies a gateway access token: pre-checks, then jose with our key (by kid, never from the token) and an algorithm allow-list.
import { jwtVerify, errors as joseErrors } from 'jose';
import type { Principal } from '../pipeline/principal.js';
import { ACCESS_TOKEN_TYP, principalFromClaims } from './claims.js';
import { inspectCompactJwt } from './inspect-compact-jwt.js';
import type { KeySet } from './key-set.js';
import { TokenError, type TokenErrorCode } from './token-error.js';

export interface VerifiedAccessToken {
  readonly principal: Principal;
  /** Epoch milliseconds of the token's exp. */
  readonly expiresAt: number;
}

export interface TokenVerifier {
  /** Resolves for a valid token; rejects with TokenError otherwise. `now` is epoch milliseconds. */
  verify(token: string, now: number): Promise<VerifiedAccessToken>;
}

export interface TokenVerifierOptions {
  keys: KeySet;
  issuer: string;
  audience: string;
  clockSkewSeconds: number;
  maxTokenBytes: number;
}

// Our tokens carry exactly these header members. Anything else (jku, x5u, jwk, x5c, crit, b64, zip...) is not ours: refused, never read.
const ALLOWED_HEADER = new Set(['alg', 'kid', 'typ']);

function checkHeader(header: Record<string, unknown>): { alg: string; kid: string } {
  for (const name of Object.keys(header)) {
    if (!ALLOWED_HEADER.has(name)) throw new TokenError('header', `header member "${name.slice(0, 20)}" not accepted`);
  }
  const { alg, kid, typ } = header;
  if (typeof alg !== 'string') throw new TokenError('algorithm', 'alg missing');
  if (typeof kid !== 'string') throw new TokenError('unknown-key', 'kid missing');
  if (typ !== ACCESS_TOKEN_TYP) throw new TokenError('type', 'typ is not at+jwt');
  return { alg, kid };
}

/** jose errors mapped by their stable code (never by message text). */
function fromJose(err: unknown): TokenError {
  if (err instanceof joseErrors.JOSEError) {
    let code: TokenErrorCode = 'malformed';
    switch (err.code) {
      case 'ERR_JWT_EXPIRED':
        code = 'expired';
        break;
      case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
        code = 'signature';
        break;
      case 'ERR_JOSE_ALG_NOT_ALLOWED':
        code = 'algorithm';
        break;
      case 'ERR_JWT_CLAIM_VALIDATION_FAILED': {
        const claim = (err as joseErrors.JWTClaimValidationFailed).claim;
        code = claim === 'nbf' ? 'not-yet-valid' : claim === 'iss' ? 'issuer' : claim === 'aud' ? 'audience' : claim === 'typ' ? 'type' : 'claims';
        break;
      }
      default:
        code = 'malformed';
    }
    return new TokenError(code, err.code, { cause: err });
  }
  return new TokenError('malformed', 'rejected by the JWS parser', { cause: err });
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { keys, issuer, audience, clockSkewSeconds, maxTokenBytes } = options;
  return {
    async verify(token, now) {
      const { alg, kid } = checkHeader(inspectCompactJwt(token, maxTokenBytes).header);
      const key = keys.find(kid);
      if (!key) throw new TokenError('unknown-key', 'kid not in the gateway key set');
      // The allow-list is the one algorithm of the key the kid names: never none, never HMAC keyed with a public key.
      if (alg !== key.alg) throw new TokenError('algorithm', `alg does not match the key's ${key.alg}`);
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, key.publicKey, {
          algorithms: [key.alg],
          issuer,
          audience,
          typ: ACCESS_TOKEN_TYP,
          clockTolerance: clockSkewSeconds,
          currentDate: new Date(now),
          requiredClaims: ['iss', 'aud', 'sub', 'iat', 'exp', 'jti'],
        }));
      } catch (err) {
        throw fromJose(err);
      }
      const principal = principalFromClaims(payload, Math.floor(now / 1000), clockSkewSeconds);
      return { principal, expiresAt: (payload.exp as number) * 1000 };
    },
  };
}
