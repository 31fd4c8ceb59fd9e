// The request's way through the gateway: its start (id, client address, access log), then route → authenticate →
// authorize → limit → dispatch as one handler for API calls, on node's own request and response objects.
import type { IncomingMessage, ServerResponse } from 'node:http';
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
import { attachContext, type GatewayHandler, type GatewayResponse, type RequestContext, type UpstreamHeaders } from './context.js';

const ignore = (): void => undefined;

/**
 * What every request starts with, on either path (API calls on node's objects, the rest through express): its id
 * (kept when the client sent a sane one), echoed as X-Request-ID; its client address; and its access-log line, written
 * when the response closes. `clientIp` is decided once from the trustProxy setting.
 */
export function createRequestStart(
  accessLog: AccessLog,
  clientIp: (req: IncomingMessage) => string | undefined,
  /** How an unrouted path is logged (e.g. cut after an API id, whose concrete paths may carry personal data). */
  unroutedPath: (path: string) => string = (path) => path,
): (req: IncomingMessage, res: ServerResponse) => RequestContext {
  // One listener function for every response (`this` is the response): a closure per request costs more than the work.
  function logOnClose(this: GatewayResponse): void {
    const ctx = this.locals.portico;
    let routePath: string | undefined;
    if (!ctx.api) {
      const url = this.req.url ?? '/';
      const queryAt = url.indexOf('?');
      const path = queryAt === -1 ? url : url.slice(0, queryAt);
      const logged = unroutedPath(path);
      if (logged.length <= 200) routePath = logged;
    }
    const entry = buildAccessLogEntry(
      ctx,
      { method: this.req.method ?? 'GET', ip: ctx.clientIp, routePath },
      { status: this.statusCode, finished: this.writableFinished, endedAt: process.hrtime.bigint() },
    );
    accessLog.write(entry);
  }
  return (req, res) => {
    const requestId = chooseRequestId(req.headers['x-request-id']);
    const ctx: RequestContext = { requestId, clientIp: clientIp(req), startedAt: process.hrtime.bigint() };
    const withLocals = res as ServerResponse & { locals?: { portico?: RequestContext } };
    if (withLocals.locals) withLocals.locals.portico = ctx;
    else withLocals.locals = { portico: ctx };
    attachContext(req, ctx);
    res.setHeader('X-Request-ID', requestId);
    // 'close' follows 'finish' on a completed response and also fires when the client goes away: one listener covers
    // both, and a response closes once, so `on` spares `once`'s wrapper.
    res.on('close', logOnClose);
    return ctx;
  };
}

export interface ApiPipelineDeps {
  registry: Registry;
  authenticator: Authenticator;
  limiter: Limiter;
  sandbox: SandboxHandler;
  /** One proxy per API id. */
  proxies: ReadonlyMap<string, GatewayHandler>;
  upstreamHeaders?: UpstreamHeaders | undefined;
}

/**
 * route → authenticate → authorize → limit → dispatch, as one handler: the stages are plain functions called in order
 * (five express layers cost more than the stages themselves on a proxied call). A stage refuses by throwing a problem,
 * which goes to `next(err)`.
 */
export function apiPipeline(deps: ApiPipelineDeps): GatewayHandler {
  const { registry, authenticator, limiter, sandbox, proxies, upstreamHeaders } = deps;

  async function run(req: IncomingMessage, res: GatewayResponse, next: (err?: unknown) => void): Promise<void> {
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
  async function dispatch(req: IncomingMessage, res: GatewayResponse, next: (err?: unknown) => void, ctx: RequestContext, extraHeaders: Promise<Readonly<Record<string, string>>> | undefined): Promise<void> {
    if (ctx.principal?.env !== 'production') {
      await sandbox(req, res, ctx);
      return;
    }
    const proxy = proxies.get(ctx.api!.id);
    if (!proxy) throw new ProblemError(problems.internal);
    if (extraHeaders) ctx.upstreamHeaders = await extraHeaders;
    proxy(req, res, next);
  }

  return (req, res, next) => {
    run(req, res, next).catch(next);
  };
}

function route(registry: Registry, req: IncomingMessage, ctx: RequestContext): RegisteredApi {
  const found = routeRequest(registry, req.method ?? 'GET', req.url ?? '/');
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
