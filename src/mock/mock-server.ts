// The standalone mock server behind `portico mock <file>`: one document served at its `paths` keys from the root,
// like `prism mock`. Unknown paths are 404 problems, undeclared methods 405 with Allow.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { createAccessLog } from '../create-logger.js';
import { buildAccessLogEntry } from '../pipeline/access-log.js';
import type { RequestContext } from '../pipeline/context.js';
import { chooseRequestId } from '../pipeline/request-id.js';
import { problems } from '../problem/catalogue.js';
import { PROBLEM_CONTENT_TYPE, ProblemError, toProblem, type ProblemTemplate } from '../problem/problem.js';
import type { MockEngine } from './create-mock-engine.js';
import type { MockResponse } from './mock-exchange.js';
import { DEFAULT_BODY_LIMIT, NO_BODY, readRequestBody } from './read-request-body.js';
import { hasNoBody } from '../request-framing.js';

export interface MockServerOptions {
  readonly logger: Logger;
  readonly bodyLimit?: number;
}

// Longer paths are left out of the access log rather than cut.
const LOGGED_PATH_LIMIT = 200;

/**
 * A plain node:http listener rather than an express app: three stages (request id, access log, engine) need no
 * router, and express's per-request machinery cost as much CPU as the engine. The gateway's sandbox still reaches the
 * engine through its express pipeline (mock-handler.ts).
 */
export function createMockServer(engine: MockEngine, options: MockServerOptions): RequestListener {
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const { logger } = options;
  // One line per request on the same stream, without the redaction pass (as the gateway's access log).
  const accessLog = createAccessLog(logger);

  const answer = (req: IncomingMessage, res: ServerResponse, ctx: RequestContext, url: string, queryAt: number, body: Buffer): void => {
    const response = engine.respond({
      method: req.method ?? 'GET',
      path: queryAt === -1 ? url : url.slice(0, queryAt),
      query: queryAt === -1 ? '' : url.slice(queryAt + 1),
      headers: req.headers,
      body,
    });
    sendMockResponse(req, res, response, ctx.requestId);
  };

  const serve = async (req: IncomingMessage, res: ServerResponse, ctx: RequestContext, url: string, queryAt: number): Promise<void> => {
    answer(req, res, ctx, url, queryAt, await readRequestBody(req, limit));
  };

  return (req, res) => {
    const ctx: RequestContext = { requestId: chooseRequestId(req.headers['x-request-id']), clientIp: req.socket.remoteAddress, startedAt: process.hrtime.bigint() };
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    // 'close' follows 'finish' on a completed response and also fires when the client goes away: one listener covers both.
    res.once('close', () => {
      const path = queryAt === -1 ? url : url.slice(0, queryAt);
      const entry = buildAccessLogEntry(
        ctx,
        { method: req.method ?? 'GET', ip: req.socket.remoteAddress, routePath: path.length <= LOGGED_PATH_LIMIT ? path : undefined },
        { status: res.statusCode, finished: res.writableFinished, endedAt: process.hrtime.bigint() },
      );
      accessLog.write(entry);
    });
    // Most calls are bodyless GETs: answered at once, without a promise and its extra turn of the event loop.
    if (hasNoBody(req)) {
      try {
        answer(req, res, ctx, url, queryAt, NO_BODY);
      } catch (err) {
        answerError(err, res, ctx, logger);
      }
      return;
    }
    serve(req, res, ctx, url, queryAt).catch((err: unknown) => answerError(err, res, ctx, logger));
  };
}

/**
 * The whole head in one writeHead call with a flat list (node's fast path, which only applies when no setHeader came
 * before), then the body in one end(): one write of head and body together.
 */
function sendMockResponse(req: IncomingMessage, res: ServerResponse, response: MockResponse, requestId: string): void {
  const { status, body } = response;
  const head: string[] = ['X-Request-ID', requestId];
  for (const name in response.headers) {
    // Framing is node's to decide (and this function's, below).
    const lower = name.toLowerCase();
    if (lower === 'content-length' || lower === 'transfer-encoding' || lower === 'x-request-id') continue;
    head.push(name, response.headers[name] as string);
  }
  // Answers that cannot have a body get no Content-Length from node either.
  const bodyless = req.method === 'HEAD' || status < 200 || status === 204 || status === 304;
  if (!bodyless) head.push('Content-Length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.length));
  res.writeHead(status, head);
  res.end(body);
}

/** What the gateway's problem middleware does, for this server: a problem+json body, or a cut connection when too late. */
function answerError(err: unknown, res: ServerResponse, ctx: RequestContext, logger: Logger): void {
  if (res.headersSent) {
    // Too late for a problem body: cut the connection so the client sees a truncated response, not a silent success.
    logger.warn({ reqId: ctx.requestId, err }, 'error after headers were sent');
    res.destroy();
    return;
  }
  if (err instanceof ProblemError) {
    sendProblem(res, ctx, err.template, err.detail, err.headers, err.extensions);
    return;
  }
  logger.error({ reqId: ctx.requestId, err }, 'unhandled error');
  sendProblem(res, ctx, problems.internal);
}

function sendProblem(
  res: ServerResponse,
  ctx: RequestContext,
  template: ProblemTemplate,
  detail?: string,
  headers: Readonly<Record<string, string>> = {},
  extensions: Readonly<Record<string, unknown>> = {},
): void {
  const body = toProblem(template, detail, ctx.requestId, extensions);
  res.statusCode = template.status;
  res.setHeader('X-Request-ID', ctx.requestId);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}
