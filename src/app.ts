// createApp(deps): the gateway's request listener — API calls through the stages on node's own request/response, the
// gateway's own routes (status, tokens, catalogue) through express; importing this module does no I/O.
import express, { type RequestHandler } from 'express';
import type http from 'node:http';
import type { Logger } from 'pino';
import type { GatewayConfig } from './config/gateway-schema.js';
import type { Registry } from './registry/registry.js';
import type { Store } from './store/store.js';
import { createProxy } from './proxy/create-proxy.js';
import { unmapIPv4 } from './proxy/forward-headers.js';
import { createAccessLog } from './create-logger.js';
import { answerError, createProblemMiddleware } from './problem/problem-middleware.js';
import { ProblemError } from './problem/problem.js';
import { problems } from './problem/catalogue.js';
import { createStatusRoute } from './health/status-route.js';
import { createOpenAccessAuthenticator, type Authenticator } from './pipeline/authenticator.js';
import { NO_LIMITS, type Limiter } from './limits/limiter.js';
import { SANDBOX_NOT_READY, type SandboxHandler } from './pipeline/sandbox-handler.js';
import type { GatewayHandler, GatewayResponse, Guard, UpstreamHeaders } from './pipeline/context.js';
import proxyAddr from 'proxy-addr';
import { apiPipeline as createApiPipeline, createRequestStart } from './pipeline/stages.js';

export interface AppDeps {
  gateway: GatewayConfig;
  registry: Registry;
  store: Store;
  logger: Logger;
  authenticator?: Authenticator;
  limiter?: Limiter;
  sandbox?: SandboxHandler;
  /** Gateway-owned routes (token endpoints, JWKS, catalogue); API calls skip them. */
  routes?: readonly RequestHandler[];
  /** Cheap checks every request passes, API calls included (e.g. no token in the query string). */
  guards?: readonly Guard[];
  /** Extra headers for production upstream requests (e.g. the gateway-signed consumer assertion). */
  upstreamHeaders?: UpstreamHeaders;
}

export interface Gateway {
  /**
   * The server's request listener: API calls (a registered API id as first path segment) run the pipeline on node's
   * own request and response; everything else (status, tokens, catalogue, 404s) goes through express. Pass it to
   * http.createServer or supertest.
   */
  app: http.RequestListener;
  /** The express application serving the gateway's own routes. */
  express: express.Express;
  /** Releases upstream keep-alive sockets and timers. */
  close(): void;
}

/** The first path segment of an origin-form request target (`/imprese/v1/...?q` → `imprese`); '' otherwise. */
function firstSegment(url: string): string {
  if (url.charCodeAt(0) !== 47 /* '/' */) return '';
  let end = url.length;
  for (let i = 1; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 || c === 63 /* '?' */ || c === 35 /* '#' */) {
      end = i;
      break;
    }
  }
  return url.slice(1, end);
}

function methodNotAllowed(allow: string): RequestHandler {
  return () => {
    throw new ProblemError(problems.methodNotAllowed, `This resource accepts ${allow}.`, { headers: { Allow: allow } });
  };
}

export function createApp(deps: AppDeps): Gateway {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('trust proxy', deps.gateway.trustProxy);
  const trustFn = app.get('trust proxy fn') as (addr: string, i: number) => boolean;
  const trustsPeer = (req: http.IncomingMessage): boolean => trustFn(req.socket.remoteAddress ?? '', 0);
  // The client's address: the socket's unless trustProxy says which proxies' X-Forwarded-For to believe (as req.ip).
  const clientIp =
    deps.gateway.trustProxy === false
      ? (req: http.IncomingMessage) => unmapIPv4(req.socket.remoteAddress ?? '') || undefined
      : (req: http.IncomingMessage) => unmapIPv4(proxyAddr(req, trustFn)) || undefined;

  const proxies = new Map<string, GatewayHandler>();
  const agents: http.Agent[] = [];
  const closers: (() => void)[] = [];
  for (const api of deps.registry.apis) {
    const proxy = createProxy(api, { logger: deps.logger, trustsPeer });
    proxies.set(api.id, proxy.handler);
    closers.push(proxy.close);
    agents.push(proxy.agent);
  }

  // A request under an API's prefix that no operation took (a 404, or refused before routing) is logged as
  // `/<api>/…`: its concrete path may hold personal data (fiscal codes), like any API path.
  const unroutedPath = (path: string): string => {
    const api = firstSegment(path);
    return deps.registry.find(api) !== undefined && path.length > api.length + 1 ? `/${api}/…` : path;
  };
  const startRequest = createRequestStart(createAccessLog(deps.logger), clientIp, unroutedPath);
  const guards = deps.guards ?? [];
  const apiPipeline = createApiPipeline({
    registry: deps.registry,
    authenticator: deps.authenticator ?? createOpenAccessAuthenticator(),
    limiter: deps.limiter ?? NO_LIMITS,
    sandbox: deps.sandbox ?? SANDBOX_NOT_READY,
    proxies,
    upstreamHeaders: deps.upstreamHeaders,
  });

  // The gateway's own routes, through express.
  app.use((req, res, next) => {
    startRequest(req, res);
    for (const guard of guards) guard(req);
    next();
  });
  app.get('/status', createStatusRoute(deps.store));
  app.all('/status', methodNotAllowed('GET, HEAD'));
  for (const route of deps.routes ?? []) app.use(route);
  // Anything else: the route stage answers with the right 404 problem.
  app.use((req, res, next) => apiPipeline(req, res as unknown as GatewayResponse, next));
  app.use(createProblemMiddleware(deps.logger));

  // API calls, the hot path, never enter express: its per-request prototype swap of node's req/res
  // (Object.setPrototypeOf in app.handle) cost ~170 µs per proxied call in the bench — more than the whole pipeline.
  // API ids cannot take the gateway's route names (RESERVED_IDS in load-config.ts), so nothing is shadowed.
  const answerFailure = (res: http.ServerResponse) => (err?: unknown): void => {
    answerError(err ?? new ProblemError(problems.notFound), res, deps.logger);
  };
  const listener: http.RequestListener = (req, res) => {
    if (deps.registry.find(firstSegment(req.url ?? '')) === undefined) {
      app(req, res);
      return;
    }
    const gatewayRes = res as GatewayResponse;
    try {
      startRequest(req, res);
      for (const guard of guards) guard(req);
    } catch (err) {
      answerError(err, gatewayRes, deps.logger);
      return;
    }
    apiPipeline(req, gatewayRes, answerFailure(res));
  };

  return {
    app: listener,
    express: app,
    close: () => {
      for (const close of closers) close();
      for (const agent of agents) agent.destroy();
    },
  };
}
