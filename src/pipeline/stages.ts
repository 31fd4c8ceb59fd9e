// The request's way through the gateway as express middlewares, one per stage: id → route → authenticate → authorize → limit → dispatch; plus the access log.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import type { Registry } from '../registry/registry.js';
import type { Limiter } from '../limits/limiter.js';
import { chooseRequestId } from './request-id.js';
import { routeRequest } from './route.js';
import { mayCall } from './principal.js';
import type { Authenticator } from './authenticator.js';
import type { SandboxHandler } from './sandbox-handler.js';
import { buildAccessLogEntry } from './access-log.js';

export function requestIdStage(): RequestHandler {
  return (req, res, next) => {
    const requestId = chooseRequestId(req.headers['x-request-id']);
    res.locals.portico = { requestId, startedAt: process.hrtime.bigint() };
    res.setHeader('X-Request-ID', requestId);
    next();
  };
}

/** `clientIp` is decided once from the trustProxy setting, so the common case reads the socket instead of parsing headers. */
export function accessLogStage(logger: Logger, clientIp: (req: Request) => string | undefined): RequestHandler {
  return (req, res, next) => {
    // 'close' follows 'finish' on a completed response and also fires when the client goes away: one listener covers both.
    res.once('close', () => {
      const ctx = res.locals.portico;
      const entry = buildAccessLogEntry(
        ctx,
        { method: req.method, ip: clientIp(req), routePath: ctx.api ? undefined : req.path.length <= 200 ? req.path : undefined },
        { status: res.statusCode, finished: res.writableFinished, endedAt: process.hrtime.bigint() },
      );
      logger.info(entry, 'request');
    });
    next();
  };
}

export function routeStage(registry: Registry): RequestHandler {
  return (req, res, next) => {
    const route = routeRequest(registry, req.method, req.originalUrl);
    const ctx = res.locals.portico;
    ctx.api = route.api;
    ctx.operation = route.operation;
    ctx.params = route.params;
    ctx.upstreamPath = route.upstreamPath;
    next();
  };
}

export function authenticateStage(authenticator: Authenticator): RequestHandler {
  return async (req, res, next) => {
    const ctx = res.locals.portico;
    ctx.principal = await authenticator.authenticate(req, ctx.api!);
    next();
  };
}

export function authorizeStage(): RequestHandler {
  return (_req, res, next) => {
    const { principal, api } = res.locals.portico;
    if (!principal || !api || !mayCall(principal, api.id)) {
      throw new ProblemError(problems.forbidden, `This credential does not grant access to API "${api?.id}".`);
    }
    if (principal.env === 'sandbox' && !api.config.sandbox.enabled) {
      throw new ProblemError(problems.sandboxDisabled, `API "${api.id}" has no sandbox.`);
    }
    next();
  };
}

export function limitStage(limiter: Limiter): RequestHandler {
  return async (_req, res, next) => {
    await limiter.check(res.locals.portico, res);
    next();
  };
}

/** The one place that decides sandbox versus production: a sandbox principal never reaches a proxy. */
export function dispatchStage(sandbox: SandboxHandler, proxies: ReadonlyMap<string, RequestHandler>): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const ctx = res.locals.portico;
    if (ctx.principal?.env !== 'production') {
      await sandbox(req, res, ctx);
      return;
    }
    const proxy = proxies.get(ctx.api!.id);
    if (!proxy) throw new ProblemError(problems.internal);
    await proxy(req, res, next);
  };
}
