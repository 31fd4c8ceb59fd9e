// The production dispatch: http-proxy-middleware to one API's upstream, streaming both ways over a keep-alive agent.
import http from 'node:http';
import https from 'node:https';
import { createProxyMiddleware, type Plugin } from 'http-proxy-middleware';
import type { Logger } from 'pino';
import type { RegisteredApi } from '../registry/registry.js';
import { contextOf, type GatewayHandler, type GatewayResponse, type RequestContext } from '../pipeline/context.js';
import { sendProblem } from '../problem/problem-middleware.js';
import { problems } from '../problem/catalogue.js';
import { forwardedHeaders, requestHeadersToDrop, responseHeadersToDrop } from './forward-headers.js';
import { createUpstreamWatch } from './upstream-watch.js';
import { hasNoBody } from '../request-framing.js';

export interface ProxyOptions {
  logger: Logger;
  /** Whether the socket peer is a trusted proxy, whose X-Forwarded-For and X-Forwarded-Proto may be kept (trustProxy). */
  trustsPeer: (req: http.IncomingMessage) => boolean;
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

/** Per-request state hung on node's objects, so that shared listener functions (`this`) replace per-request closures. */
const CONTEXT = Symbol('portico.context');
const SOCKET_TIMEOUT = Symbol('portico.socketTimeout');
const PROXY_REQUEST = Symbol('portico.proxyRequest');
const UPSTREAM_RESPONSE = Symbol('portico.upstreamResponse');
type ProxyRequest = http.ClientRequest & { [CONTEXT]?: RequestContext; [SOCKET_TIMEOUT]?: boolean };
type ClientResponse = http.ServerResponse & { [PROXY_REQUEST]?: ProxyRequest; [UPSTREAM_RESPONSE]?: http.IncomingMessage };

/** Responses up to this size (with a Content-Length) finish under the coarse watch; larger ones stream under a socket timeout. */
const SMALL_BODY_BYTES = 256 * 1024;

const ignore = (): void => undefined;

/** The scheme the client used: the socket's, or X-Forwarded-Proto's first value when the peer is a trusted proxy. */
function protocolOf(req: http.IncomingMessage, trusted: boolean): string {
  const own = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  if (!trusted) return own;
  const forwarded = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || own;
}

export function createProxy(api: RegisteredApi, options: ProxyOptions): { handler: GatewayHandler; agent: http.Agent; close(): void } {
  const agent = createAgentFor(api);
  const { logger } = options;
  const timeoutMessage = `no answer from upstream within ${api.upstream.timeoutMs} ms`;
  const timedOut = (exchange: ProxyRequest): void => {
    const ctx = exchange[CONTEXT];
    if (ctx) ctx.upstreamTimedOut = true;
    exchange.destroy(new UpstreamTimeout(timeoutMessage));
  };
  const watch = createUpstreamWatch<ProxyRequest>({ timeoutMs: api.upstream.timeoutMs, onTimeout: timedOut });
  function onSocketTimeout(this: ProxyRequest): void {
    timedOut(this);
  }
  /** node's idle timeout on the upstream socket (no bytes either way for timeoutMs), for exchanges that stream. */
  function idleTimeout(exchange: ProxyRequest): void {
    exchange[SOCKET_TIMEOUT] = true;
    exchange.setTimeout(api.upstream.timeoutMs);
    exchange.on('timeout', onSocketTimeout);
  }
  // The client's response closed (answered, failed or abandoned): the exchange is over; an upstream body still
  // streaming is not read any further (no orphaned transfers).
  function onClientClosed(this: ClientResponse): void {
    const exchange = this[PROXY_REQUEST];
    if (exchange !== undefined) watch.release(exchange);
    if (!this.writableEnded) this[UPSTREAM_RESPONSE]?.destroy();
  }

  const portico: Plugin<http.IncomingMessage, GatewayResponse> = (proxyServer) => {
    proxyServer.on('proxyReq', (proxyReq, req, res) => {
      const ctx = res.locals.portico;
      const trusted = options.trustsPeer(req);
      for (const name of requestHeadersToDrop(req.headers)) proxyReq.removeHeader(name);
      const forwarded = forwardedHeaders({
        peerAddress: req.socket.remoteAddress,
        priorForwardedFor: req.headers['x-forwarded-for'] as string | undefined,
        trustPrior: trusted,
        proto: protocolOf(req, trusted),
        host: req.headers.host,
      });
      for (const name in forwarded) proxyReq.setHeader(name, forwarded[name]!);
      proxyReq.setHeader('x-request-id', ctx.requestId);
      // Prepared by the pipeline before the proxy was called (e.g. the signed consumer assertion).
      if (ctx.upstreamHeaders) for (const name in ctx.upstreamHeaders) proxyReq.setHeader(name, ctx.upstreamHeaders[name]!);
      ctx.upstreamSentAt = process.hrtime.bigint();
      proxyReq.on('error', ignore); // reported through the proxy 'error' event below; never crash the process
      const exchange = proxyReq as ProxyRequest;
      exchange[CONTEXT] = ctx;
      (res as ClientResponse)[PROXY_REQUEST] = exchange;
      res.on('close', onClientClosed);
      // A request streaming a body up gets node's exact socket idle timeout; a bodyless one, the coarse watch.
      if (hasNoBody(req)) watch.touch(exchange);
      else idleTimeout(exchange);
    });

    proxyServer.on('proxyRes', (proxyRes, _req, res) => {
      const client = res as ClientResponse;
      const ctx = res.locals.portico;
      if (ctx.upstreamSentAt !== undefined) ctx.upstreamLatencyMs = Number(process.hrtime.bigint() - ctx.upstreamSentAt) / 1e6;
      // Cleared, not deleted: http-proxy skips undefined headers, and `delete` would turn the object into a slow dictionary.
      for (const name of responseHeadersToDrop(proxyRes.headers)) proxyRes.headers[name] = undefined;
      client[UPSTREAM_RESPONSE] = proxyRes;
      const exchange = client[PROXY_REQUEST];
      if (exchange === undefined || exchange[SOCKET_TIMEOUT]) return;
      // The headers are in: the silence clock restarts for the body. A small body stays with the watch until the
      // client's response closes; a large or chunked one streams under node's socket idle timeout instead.
      const length = Number(proxyRes.headers['content-length']);
      if (length <= SMALL_BODY_BYTES) watch.touch(exchange);
      else {
        watch.release(exchange);
        idleTimeout(exchange);
      }
    });

    proxyServer.on('error', (err, req, res) => {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (!(res instanceof http.ServerResponse)) return;
      const client = res as GatewayResponse;
      const ctx = client.locals?.portico;
      if (req.socket.destroyed) return; // the client left; nobody to answer
      if (client.headersSent) {
        client.destroy();
        return;
      }
      if (ctx?.upstreamTimedOut || err instanceof UpstreamTimeout) {
        sendProblem(client, problems.gatewayTimeout, `The upstream of "${api.id}" did not answer within ${api.upstream.timeoutMs / 1000} s.`);
        return;
      }
      if (!UNREACHABLE.has(code)) logger.warn({ reqId: ctx?.requestId, api: api.id, code, msg: err.message }, 'unexpected upstream error');
      sendProblem(client, problems.badGateway, `The upstream of "${api.id}" could not be reached or closed the connection.`);
    });

    proxyServer.on('econnreset', () => undefined);
  };

  const handler = createProxyMiddleware<http.IncomingMessage, GatewayResponse>({
    target: api.upstream.origin,
    changeOrigin: true,
    xfwd: false,
    agent,
    ejectPlugins: true,
    plugins: [portico],
    pathRewrite: (_path, req) => contextOf(req)?.upstreamPath ?? '/',
  });
  // hpm's middleware returns a promise that settles when the request has been handed to http-proxy; its failures reach
  // the 'error' listener above, so nothing is left to await here.
  return { handler: (req, res, next) => void handler(req, res, next), agent, close: () => watch.close() };
}
