// Builds the whole token feature from config, keys, store and registry: what createApp takes as authenticator, routes, upstreamHeaders.
// The composition root of src/tokens: the one place that defaults the clock to Date.now.
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ConsumerConfig } from '../config/consumer-schema.js';
import type { IpRateLimitFactory } from '../limits/ip-rate-limit.js';
import type { TokensConfig } from '../config/gateway-schema.js';
import type { Authenticator } from '../pipeline/authenticator.js';
import type { Guard, UpstreamHeaders } from '../pipeline/context.js';
import type { Registry } from '../registry/registry.js';
import type { Store } from '../store/store.js';
import { createClientAuthenticator } from './client-authentication.js';
import type { KeySet } from './key-set.js';
import { createRateLimitStore } from './rate-limit-store.js';
import { createRevocationList, type RevocationList } from './revocation-list.js';
import { createTokenRoutes, rejectQueryTokens } from './routes.js';
import { endpointUrls } from './server-metadata.js';
import { createTokenAuthenticator } from './token-authenticator.js';
import { createTokenEndpoint } from './token-endpoint.js';
import { createTokenIssuer, type TokenIssuer } from './token-issuer.js';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.js';
import { createUpstreamHeaders } from './upstream-assertion.js';
import { createVerificationCache, type VerificationCache } from './verification-cache.js';

export interface TokensDeps {
  tokens: TokensConfig;
  keys: KeySet;
  store: Store;
  registry: Registry;
  consumers: readonly ConsumerConfig[];
  logger?: Logger;
  /** Epoch ms; Date.now by default. */
  clock?: () => number;
  /** Per-address limiters from the limits feature (createLimits().ipRateLimit); by default, counters in `store`. */
  rateLimit?: IpRateLimitFactory;
  /** Accept valid tokens whose revocation cannot be checked because the Store is down (limits.failOpen). */
  revocationFailOpen?: boolean;
}

export interface Tokens {
  authenticator: Authenticator;
  routes: RequestHandler[];
  /** Checks for every request, API calls included (AppDeps.guards): a token in the query string is refused. */
  guards: Guard[];
  upstreamHeaders: UpstreamHeaders;
  issuer: TokenIssuer;
  verifier: TokenVerifier;
  cache: VerificationCache;
  revocations: RevocationList;
}

/** Throws (at start-up) when a consumer's secretHash or jwk is unusable. */
export function createTokens(deps: TokensDeps): Tokens {
  const { tokens, keys, store, registry, logger } = deps;
  const clock = deps.clock ?? Date.now;
  const urls = endpointUrls(tokens.issuer);
  const issuer = createTokenIssuer({
    keys,
    issuer: tokens.issuer,
    audience: tokens.audience,
    sandboxTtlSeconds: tokens.sandbox.ttlSeconds,
    productionTtlSeconds: tokens.production.ttlSeconds,
  });
  const verifier = createTokenVerifier({
    keys,
    issuer: tokens.issuer,
    audience: tokens.audience,
    clockSkewSeconds: tokens.clockSkewSeconds,
    maxTokenBytes: tokens.maxTokenBytes,
  });
  const cache = createVerificationCache(tokens.verificationCacheSize);
  const revocations = createRevocationList(store, { recheckMs: tokens.revocationCheckSeconds * 1000, clock, maxEntries: Math.max(1_000, tokens.verificationCacheSize) });
  let revocationUnchecked = 0;
  let lastWarned = Number.NEGATIVE_INFINITY;
  const authenticator = createTokenAuthenticator({
    verifier,
    cache,
    revocations,
    clock,
    onRejected: (code, api) => logger?.debug({ api, reason: code }, 'access token refused'),
    revocationFailOpen: deps.revocationFailOpen ?? false,
    onRevocationUnchecked: () => {
      revocationUnchecked += 1;
      const now = clock();
      if (now - lastWarned >= 10_000) {
        lastWarned = now;
        logger?.warn({ acceptedWithoutRevocationCheck: revocationUnchecked }, 'store unreachable: tokens accepted without revocation check (limits.failOpen)');
      }
    },
  });
  const clients = createClientAuthenticator({
    consumers: deps.consumers,
    store,
    assertionAudiences: [urls.tokenEndpoint, urls.issuer],
    clockSkewSeconds: tokens.clockSkewSeconds,
  });
  const endpoint = createTokenEndpoint({ clients, issuer, apiIds: registry.apis.map((a) => a.id) });
  const router = createTokenRoutes({
    tokens,
    registry,
    keys,
    issuer,
    endpoint,
    clock,
    limiterStore: (name) => createRateLimitStore(store, `rate-limit:${name}:`),
    ...(deps.rateLimit ? { rateLimit: deps.rateLimit } : {}),
    ...(logger ? { logger } : {}),
  });
  const upstreamHeaders = createUpstreamHeaders({
    keys,
    issuer: tokens.issuer,
    ttlSeconds: tokens.upstreamAssertion.ttlSeconds,
    header: tokens.upstreamAssertion.header,
    signing: tokens.upstreamAssertion.signing,
    clock,
  });
  return { authenticator, routes: [router], guards: [rejectQueryTokens], upstreamHeaders, issuer, verifier, cache, revocations };
}
