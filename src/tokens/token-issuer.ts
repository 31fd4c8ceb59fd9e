// Issues signed access tokens: sandbox tokens for anyone, production tokens for an authenticated consumer.
import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_TYP, ALL_APIS, buildProductionClaims, buildSandboxClaims, type AccessTokenClaims } from './claims.js';
import type { KeySet } from './key-set.js';
import { signJwt } from './sign-jwt.js';

/** The RFC 6749 §5.1 success body. */
export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export interface TokenIssuer {
  issueSandbox(input: { apis: readonly string[]; label?: string; now: number }): { token: IssuedToken; claims: AccessTokenClaims };
  issueProduction(input: { clientId: string; plan: string; apis: readonly string[] | typeof ALL_APIS; now: number }): { token: IssuedToken; claims: AccessTokenClaims };
}

export interface TokenIssuerOptions {
  keys: KeySet;
  issuer: string;
  audience: string;
  sandboxTtlSeconds: number;
  productionTtlSeconds: number;
  /** Random ids for jti and tester ids; injectable so tests can predict them. */
  newId?: () => string;
}

export function createTokenIssuer(options: TokenIssuerOptions): TokenIssuer {
  const newId = options.newId ?? randomUUID;
  const issue = (claims: AccessTokenClaims): { token: IssuedToken; claims: AccessTokenClaims } => ({
    token: {
      access_token: signJwt(options.keys.signing, ACCESS_TOKEN_TYP, { ...claims }),
      token_type: 'Bearer',
      expires_in: claims.exp - claims.iat,
      scope: claims.scope,
    },
    claims,
  });
  const common = { issuer: options.issuer, audience: options.audience };
  return {
    issueSandbox: ({ apis, label, now }) =>
      issue(
        buildSandboxClaims({
          ...common,
          testerId: `tester-${newId()}`,
          jti: newId(),
          apis,
          ...(label === undefined ? {} : { label }),
          now,
          ttlSeconds: options.sandboxTtlSeconds,
        }),
      ),
    issueProduction: ({ clientId, plan, apis, now }) =>
      issue(buildProductionClaims({ ...common, clientId, plan, apis, jti: newId(), now, ttlSeconds: options.productionTtlSeconds })),
  };
}
