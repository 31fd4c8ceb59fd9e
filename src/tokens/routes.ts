// The token feature's HTTP face: POST /sandbox/tokens, POST /oauth/token, the JWKS and the RFC 8414 metadata (express adapter).
import type { IncomingMessage } from 'node:http';
import express, { type ErrorRequestHandler, type RequestHandler, type Response, type Router } from 'express';
import { MemoryStore, type Store as RateLimitStore } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { TokensConfig } from '../config/gateway-schema.js';
import { createIpRateLimitFactory, type IpRateLimitFactory } from '../limits/ip-rate-limit.js';
import { bearerChallenge } from '../pipeline/authenticator.js';
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import type { Registry } from '../registry/registry.js';
import type { KeySet } from './key-set.js';
import { OAuthError, oauthErrorBody } from './oauth-error.js';
import { parseSandboxTokenRequest, resolveSandboxScope } from './sandbox-request.js';
import { buildServerMetadata } from './server-metadata.js';
import type { TokenEndpoint } from './token-endpoint.js';
import type { TokenIssuer } from './token-issuer.js';

export interface TokenRoutesOptions {
  tokens: Pick<TokensConfig, 'issuer' | 'sandbox'>;
  registry: Registry;
  keys: KeySet;
  issuer: TokenIssuer;
  endpoint: TokenEndpoint;
  /** Epoch ms; Date.now unless a test freezes it. */
  clock?: () => number;
  /**
   * Per-address limiters (the limits feature's: rate-limit-redis or MemoryStore, with its fault policy). When absent,
   * express-rate-limit over `limiterStore`, or its MemoryStore (per process) when that is absent too.
   */
  rateLimit?: IpRateLimitFactory;
  /** A rate-limit store per limiter name, used when `rateLimit` is absent. */
  limiterStore?: (name: string) => RateLimitStore;
  /** POST /oauth/token attempts per minute per client address (each may cost a scrypt check). */
  tokenEndpointPerMinutePerIp?: number;
  logger?: Logger;
}

const HOUR_MS = 60 * 60 * 1000;

function methodNotAllowed(allow: string): RequestHandler {
  return () => {
    throw new ProblemError(problems.methodNotAllowed, `This resource accepts ${allow}.`, { headers: { Allow: allow } });
  };
}

function sendOAuthError(res: Response, err: OAuthError): void {
  for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
  res.status(err.status).json(oauthErrorBody(err));
}

// RAC_GEN_004: a token in the URL ends up in logs and caches; refuse it rather than ignore it (and maybe proxy it).
/** A guard (AppDeps.guards): throws the problem, or returns when the request may go on. */
export const rejectQueryTokens = (req: IncomingMessage): void => {
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  if (queryAt !== -1 && url.includes('access_token', queryAt) && new URLSearchParams(url.slice(queryAt + 1)).has('access_token')) {
    const description = 'Send the token in the Authorization header, never in the URL';
    throw new ProblemError(problems.badRequest, `${description}.`, {
      headers: { 'WWW-Authenticate': bearerChallenge({ code: 'invalid_request', description }) },
    });
  }
};

export function createTokenRoutes(options: TokenRoutesOptions): Router {
  const clock = options.clock ?? Date.now;
  const storeFor = options.limiterStore ?? (() => new MemoryStore());
  const limiter = options.rateLimit ?? createIpRateLimitFactory({ storeFor, clock });
  const router = express.Router();
  router.post(
    '/sandbox/tokens',
    limiter({ name: 'sandbox-tokens', windowMs: HOUR_MS, limit: options.tokens.sandbox.issuancePerHourPerIp, what: 'sandbox tokens per hour' }),
    (req, _res, next) => {
      // The body is optional; an empty one (Content-Length: 0) counts as none, whatever its Content-Type.
      const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
      if (hasBody && !req.is('application/json')) throw new ProblemError(problems.unsupportedMediaType, 'Send application/json, or no body at all.');
      next();
    },
    express.json({ limit: '4kb' }),
    (req, res) => {
      const body = parseSandboxTokenRequest(req.body);
      const apis = resolveSandboxScope(body.apis, options.registry);
      const { token } = options.issuer.issueSandbox({ apis, ...(body.label === undefined ? {} : { label: body.label }), now: clock() });
      res.status(201).setHeader('Cache-Control', 'no-store').json(token);
    },
  );
  router.all('/sandbox/tokens', methodNotAllowed('POST'));

  const oauthErrors: ErrorRequestHandler = (err, _req, res, next) => {
    if (err instanceof OAuthError) {
      if (err.code === 'invalid_client') options.logger?.info({ reason: err.reason }, 'client authentication failed');
      sendOAuthError(res, err);
      return;
    }
    // body-parser tags what it refuses (too large, too many parameters, bad charset) with a type code and a 4xx status.
    const { type, status } = (err ?? {}) as { type?: unknown; status?: unknown };
    if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) {
      sendOAuthError(res, new OAuthError('invalid_request', 'The request body could not be read as a form'));
      return;
    }
    next(err);
  };
  const noStore: RequestHandler = (_req, res, next) => {
    // RFC 6749 §5.1: token responses, errors included, must not be cached.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    next();
  };
  const issueProductionToken: RequestHandler = async (req, res) => {
    const token = await options.endpoint.handle({ authorization: req.headers.authorization, body: req.body as unknown }, clock());
    res.status(200).json(token);
  };
  router.post(
    '/oauth/token',
    limiter({ name: 'oauth-token', windowMs: 60_000, limit: options.tokenEndpointPerMinutePerIp ?? 60, what: 'token requests per minute' }),
    noStore,
    express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 50 }),
    issueProductionToken,
  );
  router.use('/oauth/token', oauthErrors);
  router.all('/oauth/token', methodNotAllowed('POST'));

  const jwks = JSON.stringify(options.keys.jwks);
  router.get('/.well-known/jwks.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/jwk-set+json').send(jwks);
  });
  router.all('/.well-known/jwks.json', methodNotAllowed('GET, HEAD'));

  const metadata = JSON.stringify(buildServerMetadata({ issuer: options.tokens.issuer, apiIds: options.registry.apis.map((a) => a.id) }));
  router.get('/.well-known/oauth-authorization-server', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/json').send(metadata);
  });
  router.all('/.well-known/oauth-authorization-server', methodNotAllowed('GET, HEAD'));

  return router;
}
