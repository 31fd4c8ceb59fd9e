// createApp(deps): wires the gateway's stages into an express app; importing this module does no I/O.
import express, { type Request, type RequestHandler } from 'express';
import type http from 'node:http';
import type { Logger } from 'pino';
import type { GatewayConfig } from './config/gateway-schema.js';
import type { Registry } from './registry/registry.js';
import type { Store } from './store/store.js';
import { createProxy } from './proxy/create-proxy.js';
import { unmapIPv4 } from './proxy/forward-headers.js';
import { createAccessLog } from './create-logger.js';
import { createProblemMiddleware } from './problem/problem-middleware.js';
import { ProblemError } from './problem/problem.js';
import { problems } from './problem/catalogue.js';
import { createStatusRoute } from './health/status-route.js';
import { createOpenAccessAuthenticator, type Authenticator } from './pipeline/authenticator.js';
import { NO_LIMITS, type Limiter } from './limits/limiter.js';
import { SANDBOX_NOT_READY, type SandboxHandler } from './pipeline/sandbox-handler.js';
import type { UpstreamHeaders } from './pipeline/context.js';
import { apiPipeline as createApiPipeline, requestStage } from './pipeline/stages.js';

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
  guards?: readonly RequestHandler[];
  /** Extra headers for production upstream requests (e.g. the gateway-signed consumer assertion). */
  upstreamHeaders?: UpstreamHeaders;
}

export interface Gateway {
  app: express.Express;
  /** Releases upstream keep-alive sockets. */
  close(): void;
}

function firstSegment(path: string): string {
  const end = path.indexOf('/', 1);
  return path.slice(1, end === -1 ? undefined : end);
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
  const trustsPeer = (req: Request): boolean => trustFn(req.socket.remoteAddress ?? '', 0);

  const proxies = new Map<string, RequestHandler>();
  const agents: http.Agent[] = [];
  const closers: (() => void)[] = [];
  for (const api of deps.registry.apis) {
    const proxy = createProxy(api, { logger: deps.logger, trustsPeer });
    proxies.set(api.id, proxy.handler);
    closers.push(proxy.close);
    agents.push(proxy.agent);
  }

  const clientIp =
    deps.gateway.trustProxy === false ? (req: Request) => unmapIPv4(req.socket.remoteAddress ?? '') || undefined : (req: Request) => req.ip;
  app.use(requestStage(createAccessLog(deps.logger), clientIp));
  for (const guard of deps.guards ?? []) app.use(guard);

  const apiPipeline = createApiPipeline({
    registry: deps.registry,
    authenticator: deps.authenticator ?? createOpenAccessAuthenticator(),
    limiter: deps.limiter ?? NO_LIMITS,
    sandbox: deps.sandbox ?? SANDBOX_NOT_READY,
    proxies,
    upstreamHeaders: deps.upstreamHeaders,
  });
  // API calls are the hot path: a registered API id as first segment goes straight to the pipeline, past the
  // gateway's own routes (API ids cannot take those names: see RESERVED_IDS in load-config.ts).
  app.use((req, res, next) => {
    if (deps.registry.find(firstSegment(req.path))) apiPipeline(req, res, next);
    else next();
  });

  app.get('/status', createStatusRoute(deps.store));
  app.all('/status', methodNotAllowed('GET, HEAD'));
  for (const route of deps.routes ?? []) app.use(route);
  // Anything else: the route stage answers with the right 404 problem.
  app.use(apiPipeline);

  app.use(createProblemMiddleware(deps.logger));

  return {
    app,
    close: () => {
      for (const close of closers) close();
      for (const agent of agents) agent.destroy();
    },
  };
}
