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
  /** The gateway's request id; absent from an assertion reused across requests (signing: per-token). */
  request_id?: string;
  /** jti of the access token the call came with, when there was one (correlates with gateway logs and revocation). */
  token_jti?: string;
}

export interface UpstreamAssertionOptions {
  keys: KeySet;
  issuer: string;
  ttlSeconds: number;
  newId?: () => string;
}

export function buildUpstreamAssertionClaims(input: { issuer: string; principal: Principal; apiId: string; requestId: string | undefined; jti: string; now: number; ttlSeconds: number }): UpstreamAssertionClaims {
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
  };
  if (input.requestId !== undefined) claims.request_id = input.requestId;
  if (input.principal.tokenId !== undefined) claims.token_jti = input.principal.tokenId;
  return claims;
}

/** Signs one assertion on the thread pool (see signJwtAsync): the proxy awaits it before opening the upstream request. */
export function createUpstreamAssertion(options: UpstreamAssertionOptions): (input: { principal: Principal; apiId: string; requestId: string | undefined; now: number }) => Promise<string> {
  const newId = options.newId ?? randomUUID;
  return (input) =>
    signJwtAsync(
      options.keys.signing,
      UPSTREAM_ASSERTION_TYP,
      { ...buildUpstreamAssertionClaims({ ...input, issuer: options.issuer, jti: newId(), ttlSeconds: options.ttlSeconds }) },
    );
}

/** How assertions are minted: one per request (request_id inside), or one per (access token, API) reused until half its lifetime has passed. */
export type AssertionSigning = 'per-request' | 'per-token';

/** Reused assertions held at most (the oldest go first); each is ~600 bytes. */
const MAX_REUSED = 10_000;

/**
 * AppDeps.upstreamHeaders: for a production call made with a token, a promise of the assertion header, started as soon
 * as the caller is authorised so that its signature (on the thread pool) runs while the limit stage waits on the store;
 * undefined otherwise. An anonymous call to an open API has no consumer to name, and a signature on every such request
 * would buy nothing the upstream cannot already see (it gets X-Request-ID). A sandbox call never gets here.
 *
 * With `per-token`, the assertion for an (access token, API) pair is signed once and sent with every call until half of
 * its lifetime is left, like a PDND voucher that a client reuses until it expires: no ECDSA per request at the gateway,
 * and an upstream can cache its verification the same way. It then names no request id; X-Request-ID still does.
 */
export function createUpstreamHeaders(options: UpstreamAssertionOptions & { header: string; clock: () => number; signing?: AssertionSigning }): UpstreamHeaders {
  const mint = createUpstreamAssertion(options);
  const headerOf = (jwt: string): Readonly<Record<string, string>> => ({ [options.header]: jwt });
  const reused = new Map<string, { headers: Promise<Readonly<Record<string, string>>>; renewAt: number }>();
  const reuseMs = (options.ttlSeconds * 1000) / 2;

  return (ctx) => {
    const { principal, api } = ctx;
    if (principal?.env !== 'production' || principal.tokenId === undefined || !api) return undefined;
    const now = options.clock();
    if (options.signing !== 'per-token') {
      return mint({ principal, apiId: api.id, requestId: ctx.requestId, now }).then(headerOf);
    }
    const key = `${principal.tokenId}\u0000${api.id}`;
    const held = reused.get(key);
    if (held !== undefined && now < held.renewAt) return held.headers;
    if (held !== undefined) reused.delete(key);
    else if (reused.size >= MAX_REUSED) reused.delete(reused.keys().next().value!);
    const headers = mint({ principal, apiId: api.id, requestId: undefined, now }).then(headerOf);
    headers.catch(() => reused.delete(key)); // a failed signature is not kept
    reused.set(key, { headers, renewAt: now + reuseMs });
    return headers;
  };
}
