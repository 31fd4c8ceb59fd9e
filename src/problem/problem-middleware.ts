// Writes problems: sendProblem for stages, and the express error handler that maps any thrown error to problem+json.
import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { PROBLEM_CONTENT_TYPE, ProblemError, toProblem, type ProblemTemplate } from './problem.js';
import { problems } from './catalogue.js';

/** A response that may carry the request's context (express's, or the API path's `locals`). */
type ProblemResponse = ServerResponse & { locals?: { portico?: { requestId: string } } };

export function sendProblem(
  res: ProblemResponse,
  template: ProblemTemplate,
  detail?: string,
  options: { headers?: Readonly<Record<string, string>>; extensions?: Readonly<Record<string, unknown>> } = {},
): void {
  const body = toProblem(template, detail, res.locals?.portico?.requestId, options.extensions);
  res.statusCode = template.status;
  for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
  res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

/** Body-parser and similar libraries tag their errors with a numeric status and a `type` code; map those by code. */
function libraryProblem(err: unknown): ProblemTemplate | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const type = (err as { type?: unknown }).type;
  switch (type) {
    case 'entity.too.large':
      return problems.payloadTooLarge;
    case 'entity.parse.failed':
    case 'request.aborted':
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problems.badRequest;
    default:
      return undefined;
  }
}

/** Any thrown error → its problem+json answer (or a cut connection when the headers already left); unexpected ones are logged. */
export function answerError(err: unknown, res: ProblemResponse, logger: Pick<Logger, 'warn' | 'error'>): void {
  if (res.headersSent) {
    // Too late for a problem body: cut the connection so the client sees a truncated response, not a silent success.
    logger.warn({ reqId: res.locals?.portico?.requestId, err }, 'error after headers were sent');
    res.destroy();
    return;
  }
  if (err instanceof ProblemError) {
    sendProblem(res, err.template, err.detail, { headers: err.headers, extensions: err.extensions });
    return;
  }
  const mapped = libraryProblem(err);
  if (mapped) {
    sendProblem(res, mapped);
    return;
  }
  logger.error({ reqId: res.locals?.portico?.requestId, err }, 'unhandled error');
  sendProblem(res, problems.internal);
}

export function createProblemMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => answerError(err, res, logger);
}
