// The production dispatch: http-proxy-middleware to one API's upstream, streaming both ways over a keep-alive agent.
import http from 'node:http';
import https from 'node:https';
import type { Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware, type Plugin } from 'http-proxy-middleware';
import type { Logger } from 'pino';
import type { RegisteredApi } from '../registry/registry.js';
import { sendProblem } from '../problem/problem-middleware.js';
import { problems } from '../problem/catalogue.js';
import { forwardedHeaders, requestHeadersToDrop, responseHeadersToDrop } from './forward-headers.js';

export interface ProxyOptions {
  logger: Logger;
  /** Whether the socket peer's X-Forwarded-For may be kept (mirrors the trustProxy setting). */
  trustsPeer: (req: Request) => boolean;
}

class UpstreamTimeout extends Error {
  readonly code = 'PORTICO_UPSTREAM_TIMEOUT';
}

// Errors meaning "the upstream could not be reached or dropped us" → 502. Everything else is unexpected → 502 too, but logged louder.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ETIMEDOUT', 'HPE_INVALID_CONSTANT']);

export function createAgentFor(api: RegisteredApi): http.Agent {
  const options = { keepAlive: true, maxSockets: 512, maxFreeSockets: 64, scheduling: 'lifo' as const };
  return api.upstream.origin.startsWith('https:') ? new https.Agent(options) : new http.Agent(options);
}

export function createProxy(api: RegisteredApi, options: ProxyOptions): { handler: RequestHandler; agent: http.Agent } {
  const agent = createAgentFor(api);
  const { logger } = options;

  const portico: Plugin<Request, Response> = (proxyServer) => {
    proxyServer.on('proxyReq', (proxyReq, req, res) => {
      const expressReq = req as Request;
      const expressRes = res as Response;
      const ctx = expressRes.locals.portico;
      for (const name of requestHeadersToDrop(req.headers)) proxyReq.removeHeader(name);
      const forwarded = forwardedHeaders({
        peerAddress: req.socket.remoteAddress,
        priorForwardedFor: req.headers['x-forwarded-for'] as string | undefined,
        trustPrior: options.trustsPeer(expressReq),
        proto: expressReq.protocol,
        host: req.headers.host,
      });
      for (const name in forwarded) proxyReq.setHeader(name, forwarded[name]!);
      proxyReq.setHeader('x-request-id', ctx.requestId);
      // Prepared by the pipeline before the proxy was called (e.g. the signed consumer assertion).
      if (ctx.upstreamHeaders) for (const name in ctx.upstreamHeaders) proxyReq.setHeader(name, ctx.upstreamHeaders[name]!);
      const sentAt = process.hrtime.bigint();
      proxyReq.once('response', () => {
        ctx.upstreamLatencyMs = Number(process.hrtime.bigint() - sentAt) / 1e6;
      });
      // An idle timeout (no bytes either way), so a slow but steady 20 MB stream is not cut while a silent upstream is.
      proxyReq.setTimeout(api.upstream.timeoutMs, () => {
        ctx.upstreamTimedOut = true;
        proxyReq.destroy(new UpstreamTimeout(`no answer from upstream within ${api.upstream.timeoutMs} ms`));
      });
      proxyReq.on('error', () => undefined); // reported through the proxy 'error' event below; never crash the process
    });

    proxyServer.on('proxyRes', (proxyRes, _req, res) => {
      for (const name of responseHeadersToDrop(proxyRes.headers)) delete proxyRes.headers[name];
      // If the client goes away mid-stream, stop reading from the upstream too (no orphaned transfers).
      res.on('close', () => {
        if (!res.writableEnded) proxyRes.destroy();
      });
    });

    proxyServer.on('error', (err, req, res) => {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (!(res instanceof http.ServerResponse)) return;
      const expressRes = res as Response;
      const ctx = expressRes.locals.portico;
      if (req.socket.destroyed) return; // the client left; nobody to answer
      if (expressRes.headersSent) {
        expressRes.destroy();
        return;
      }
      if (ctx?.upstreamTimedOut || err instanceof UpstreamTimeout) {
        sendProblem(expressRes, problems.gatewayTimeout, `The upstream of "${api.id}" did not answer within ${api.upstream.timeoutMs / 1000} s.`);
        return;
      }
      if (!UNREACHABLE.has(code)) logger.warn({ reqId: ctx?.requestId, api: api.id, code, msg: err.message }, 'unexpected upstream error');
      sendProblem(expressRes, problems.badGateway, `The upstream of "${api.id}" could not be reached or closed the connection.`);
    });

    proxyServer.on('econnreset', () => undefined);
  };

  const handler = createProxyMiddleware<Request, Response>({
    target: api.upstream.origin,
    changeOrigin: true,
    xfwd: false,
    agent,
    ejectPlugins: true,
    plugins: [portico],
    pathRewrite: (_path, req) => (req.res as Response).locals.portico.upstreamPath ?? '/',
  });
  return { handler, agent };
}
