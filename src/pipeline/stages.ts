// The request's way through the gateway: request id and access log as one express middleware, then route →
// authenticate → authorize → limit → dispatch as one handler for API calls.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AccessLog } from '../create-logger.js';
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import type { Registry, RegisteredApi } from '../registry/registry.js';
import type { Limiter } from '../limits/limiter.js';
import { chooseRequestId } from './request-id.js';
import { routeRequest } from './route.js';
import { mayCall, type Principal } from './principal.js';
import type { Authenticator } from './authenticator.js';
import type { SandboxHandler } from './sandbox-handler.js';
import { buildAccessLogEntry } from './access-log.js';
import type { RequestContext, UpstreamHeaders } from './context.js';

/**
 * The first stage of every request: its id (kept when the client sent a sane one), echoed as X-Request-ID, and its
 * access-log line, written when the response closes. `clientIp` is decided once from the trustProxy setting, so the
 * common case reads the socket instead of parsing headers.
 */
const ignore = (): void => undefined;

export function requestStage(accessLog: AccessLog, clientIp: (req: Request) => string | undefined): RequestHandler {
  // One listener function for every response (`this` is the response): a closure per request costs more than the work.
  function logOnClose(this: Response): void {
    const res = this;
    const req = res.req;
    const ctx = res.locals.portico;
    const entry = buildAccessLogEntry(
      ctx,
      { method: req.method, ip: clientIp(req), routePath: ctx.api ? undefined : req.path.length <= 200 ? req.path : undefined },
      { status: res.statusCode, finished: res.writableFinished, endedAt: process.hrtime.bigint() },
    );
    accessLog.write(entry);
  }
  return (req, res, next) => {
    const requestId = chooseRequestId(req.headers['x-request-id']);
    res.locals.portico = { requestId, startedAt: process.hrtime.bigint() };
    res.setHeader('X-Request-ID', requestId);
    // 'close' follows 'finish' on a completed response and also fires when the client goes away: one listener covers
    // both, and a response closes once, so `on` spares `once`'s wrapper.
    res.on('close', logOnClose);
    next();
  };
}

export interface ApiPipelineDeps {
  registry: Registry;
  authenticator: Authenticator;
  limiter: Limiter;
  sandbox: SandboxHandler;
  /** One proxy per API id. */
  proxies: ReadonlyMap<string, RequestHandler>;
  upstreamHeaders?: UpstreamHeaders | undefined;
}

/**
 * route → authenticate → authorize → limit → dispatch, as one handler: the stages are plain functions called in order
 * (five express layers cost more than the stages themselves on a proxied call). A stage refuses by throwing a problem,
 * which goes to the problem middleware through next(err).
 */
export function apiPipeline(deps: ApiPipelineDeps): RequestHandler {
  const { registry, authenticator, limiter, sandbox, proxies, upstreamHeaders } = deps;

  async function run(req: Request, res: Response, next: NextFunction): Promise<void> {
    const ctx = res.locals.portico;
    const api = route(registry, req, ctx);
    const principal = await authenticator.authenticate(req, api);
    ctx.principal = principal;
    authorize(principal, api);
    // Started before the limit stage so that its work (a signature, on the thread pool) overlaps the store round trip.
    const extraHeaders = principal.env === 'production' ? upstreamHeaders?.(ctx) : undefined;
    extraHeaders?.catch(ignore); // a refusal below abandons it; its failure then has nobody to tell
    await limiter.check(ctx, res);
    await dispatch(req, res, next, ctx, extraHeaders);
  }

  /** The one place that decides sandbox versus production: a sandbox principal never reaches a proxy. */
  async function dispatch(req: Request, res: Response, next: NextFunction, ctx: RequestContext, extraHeaders: Promise<Readonly<Record<string, string>>> | undefined): Promise<void> {
    if (ctx.principal?.env !== 'production') {
      await sandbox(req, res, ctx);
      return;
    }
    const proxy = proxies.get(ctx.api!.id);
    if (!proxy) throw new ProblemError(problems.internal);
    if (extraHeaders) ctx.upstreamHeaders = await extraHeaders;
    await proxy(req, res, next);
  }

  return (req, res, next) => {
    run(req, res, next).catch(next);
  };
}

function route(registry: Registry, req: Request, ctx: RequestContext): RegisteredApi {
  const found = routeRequest(registry, req.method, req.originalUrl);
  ctx.api = found.api;
  ctx.operation = found.operation;
  ctx.params = found.params;
  ctx.upstreamPath = found.upstreamPath;
  return found.api;
}

function authorize(principal: Principal, api: RegisteredApi): void {
  if (!mayCall(principal, api.id)) {
    throw new ProblemError(problems.forbidden, `This credential does not grant access to API "${api.id}".`);
  }
  if (principal.env === 'sandbox' && !api.config.sandbox.enabled) {
    throw new ProblemError(problems.sandboxDisabled, `API "${api.id}" has no sandbox.`);
  }
}
