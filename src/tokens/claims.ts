// Access-token claims (RFC 9068 shape, PDND-like): building sandbox and production claims, scope ↔ API ids, claims → principal.
import type { Environment, Principal } from '../pipeline/principal.js';
import { TokenError } from './token-error.js';

/** typ of access tokens (RFC 9068); other tokens the gateway signs carry another typ, so none can stand in for another. */
export const ACCESS_TOKEN_TYP = 'at+jwt';
export const SANDBOX_PLAN = 'sandbox';
/** Scope of a production consumer allowed every API, present and future. */
export const ALL_APIS = '*';

export interface AccessTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
  client_id: string;
  /** Space-separated API ids, or '*'. */
  scope: string;
  env: Environment;
  plan: string;
  label?: string;
}

interface CommonInput {
  issuer: string;
  audience: string;
  jti: string;
  /** Epoch milliseconds. */
  now: number;
  ttlSeconds: number;
}

function timestamps(now: number, ttlSeconds: number): Pick<AccessTokenClaims, 'iat' | 'nbf' | 'exp'> {
  const iat = Math.floor(now / 1000);
  return { iat, nbf: iat, exp: iat + ttlSeconds };
}

export function buildSandboxClaims(input: CommonInput & { testerId: string; apis: readonly string[]; label?: string }): AccessTokenClaims {
  const claims: AccessTokenClaims = {
    iss: input.issuer,
    sub: input.testerId,
    aud: input.audience,
    ...timestamps(input.now, input.ttlSeconds),
    jti: input.jti,
    client_id: input.testerId,
    scope: formatScope(input.apis),
    env: 'sandbox',
    plan: SANDBOX_PLAN,
  };
  if (input.label !== undefined) claims.label = input.label;
  return claims;
}

export function buildProductionClaims(input: CommonInput & { clientId: string; plan: string; apis: readonly string[] | typeof ALL_APIS }): AccessTokenClaims {
  return {
    iss: input.issuer,
    sub: input.clientId,
    aud: input.audience,
    ...timestamps(input.now, input.ttlSeconds),
    jti: input.jti,
    client_id: input.clientId,
    scope: formatScope(input.apis),
    env: 'production',
    plan: input.plan,
  };
}

export function formatScope(apis: readonly string[] | typeof ALL_APIS): string {
  return apis === ALL_APIS ? ALL_APIS : apis.join(' ');
}

const SCOPE_TOKEN = /^[a-z][a-z0-9-]{0,62}$/;
const MAX_SCOPE_TOKENS = 256;

/** Parses a scope claim; undefined when it is not a list of API ids (or '*'). */
export function parseScope(scope: unknown): string[] | typeof ALL_APIS | undefined {
  if (typeof scope !== 'string') return undefined;
  if (scope === ALL_APIS) return ALL_APIS;
  const tokens = scope === '' ? [] : scope.split(' ');
  if (tokens.length > MAX_SCOPE_TOKENS || !tokens.every((t) => SCOPE_TOKEN.test(t))) return undefined;
  return [...new Set(tokens)];
}

const SUBJECT = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The principal a verified token names. jose has already checked signature, iss, aud, exp, nbf and typ;
 * this checks the members the gateway itself relies on, so a signed but odd payload is still refused.
 */
export function principalFromClaims(payload: Readonly<Record<string, unknown>>, nowSeconds: number, skewSeconds: number): Principal {
  const { sub, env, plan, jti, iat } = payload;
  if (typeof sub !== 'string' || !SUBJECT.test(sub)) throw new TokenError('claims', 'sub missing or malformed');
  if (env !== 'sandbox' && env !== 'production') throw new TokenError('claims', 'env missing or unknown');
  if (typeof plan !== 'string' || plan.length === 0 || plan.length > 64) throw new TokenError('claims', 'plan missing or malformed');
  if (env === 'sandbox' && plan !== SANDBOX_PLAN) throw new TokenError('claims', 'sandbox token with a production plan');
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > 128) throw new TokenError('claims', 'jti missing or malformed');
  if (typeof iat !== 'number' || iat > nowSeconds + skewSeconds) throw new TokenError('claims', 'iat missing or in the future');
  const apis = parseScope(payload.scope);
  if (apis === undefined) throw new TokenError('claims', 'scope missing or malformed');
  if (env === 'sandbox' && apis === ALL_APIS) throw new TokenError('claims', 'sandbox token with an unbounded scope');
  return Object.freeze({ consumerId: sub, env, plan, apis: apis === ALL_APIS ? ALL_APIS : Object.freeze(apis), tokenId: jti });
}
