// Writes problems: sendProblem for stages, and the express error handler that maps any thrown error to problem+json.
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { PROBLEM_CONTENT_TYPE, ProblemError, toProblem, type ProblemTemplate } from './problem.js';
import { problems } from './catalogue.js';

export function sendProblem(
  res: Response,
  template: ProblemTemplate,
  detail?: string,
  options: { headers?: Readonly<Record<string, string>>; extensions?: Readonly<Record<string, unknown>> } = {},
): void {
  const body = toProblem(template, detail, res.locals.portico?.requestId, options.extensions);
  res.status(template.status);
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

export function createProblemMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (res.headersSent) {
      // Too late for a problem body: cut the connection so the client sees a truncated response, not a silent success.
      logger.warn({ reqId: res.locals.portico?.requestId, err }, 'error after headers were sent');
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
    logger.error({ reqId: res.locals.portico?.requestId, err }, 'unhandled error');
    sendProblem(res, problems.internal);
  };
}
