// The standalone mock server behind `portico mock <file>`: one document served at its `paths` keys from the root,
// like `prism mock`. Unknown paths are 404 problems, undeclared methods 405 with Allow.
import express from 'express';
import type { Logger } from 'pino';
import { accessLogStage, requestIdStage } from '../pipeline/stages.js';
import { createProblemMiddleware } from '../problem/problem-middleware.js';
import type { MockEngine } from './create-mock-engine.js';
import { DEFAULT_BODY_LIMIT, readRequestBody } from './read-request-body.js';
import { writeMockResponse } from './write-mock-response.js';

export interface MockServerOptions {
  readonly logger: Logger;
  readonly bodyLimit?: number;
}

export function createMockServer(engine: MockEngine, options: MockServerOptions): express.Express {
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(requestIdStage());
  // Standalone, the socket is the client: no proxy in front to trust.
  app.use(accessLogStage(options.logger, (req) => req.socket.remoteAddress));
  app.use(async (req, res) => {
    const url = req.originalUrl;
    const queryAt = url.indexOf('?');
    const body = await readRequestBody(req, limit);
    const response = engine.respond({
      method: req.method,
      path: queryAt === -1 ? url : url.slice(0, queryAt),
      query: queryAt === -1 ? '' : url.slice(queryAt + 1),
      headers: req.headers,
      body,
    });
    writeMockResponse(res, response);
  });
  app.use(createProblemMiddleware(options.logger));
  return app;
}
