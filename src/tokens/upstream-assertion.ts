// The gateway's word to an upstream about who is calling: a short-lived JWT (aud = the API id) verifiable with our JWKS.
import { randomUUID } from 'node:crypto';
import type { UpstreamHeaders } from '../pipeline/context.js';
import type { Principal } from '../pipeline/principal.js';
import type { KeySet } from './key-set.js';
import { signJwtAsync } from './sign-jwt.js';

/** typ of the upstream assertion: distinct from at+jwt so it can never be replayed to the gateway as an access token. */
export const UPSTREAM_ASSERTION_TYP = 'portico-consumer+jwt';

export interface UpstreamAssertionClaims {
  iss: string;
  aud: string;
  sub: string;
  iat: number;
  exp: number;
  jti: string;
  env: 'production';
  plan: string;
  request_id: string;
  /** jti of the access token the call came with, when there was one (correlates with gateway logs and revocation). */
  token_jti?: string;
}

export interface UpstreamAssertionOptions {
  keys: KeySet;
  issuer: string;
  ttlSeconds: number;
  newId?: () => string;
}

export function buildUpstreamAssertionClaims(input: { issuer: string; principal: Principal; apiId: string; requestId: string; jti: string; now: number; ttlSeconds: number }): UpstreamAssertionClaims {
  const iat = Math.floor(input.now / 1000);
  const claims: UpstreamAssertionClaims = {
    iss: input.issuer,
    aud: input.apiId,
    sub: input.principal.consumerId,
    iat,
    exp: iat + input.ttlSeconds,
    jti: input.jti,
    env: 'production',
    plan: input.principal.plan,
    request_id: input.requestId,
  };
  if (input.principal.tokenId !== undefined) claims.token_jti = input.principal.tokenId;
  return claims;
}

/** Signs one assertion on the thread pool (see signJwtAsync): the proxy awaits it before opening the upstream request. */
export function createUpstreamAssertion(options: UpstreamAssertionOptions): (input: { principal: Principal; apiId: string; requestId: string; now: number }) => Promise<string> {
  const newId = options.newId ?? randomUUID;
  return (input) =>
    signJwtAsync(
      options.keys.signing,
      UPSTREAM_ASSERTION_TYP,
      { ...buildUpstreamAssertionClaims({ ...input, issuer: options.issuer, jti: newId(), ttlSeconds: options.ttlSeconds }) },
    );
}

/**
 * AppDeps.upstreamHeaders: for a production call made with a token, a promise of the assertion header, started as soon
 * as the caller is authorised so that its signature runs while the limit stage waits on the store; undefined otherwise.
 * An anonymous call to an open API has no consumer to name, and an ES256 signature on every such request would buy
 * nothing the upstream cannot already see (it gets X-Request-ID). A sandbox call never gets here.
 */
export function createUpstreamHeaders(options: UpstreamAssertionOptions & { header: string; clock: () => number }): UpstreamHeaders {
  const mint = createUpstreamAssertion(options);
  return (ctx) => {
    if (ctx.principal?.env !== 'production' || ctx.principal.tokenId === undefined || !ctx.api) return undefined;
    return mint({ principal: ctx.principal, apiId: ctx.api.id, requestId: ctx.requestId, now: options.clock() }).then((jwt) => ({ [options.header]: jwt }));
  };
}
