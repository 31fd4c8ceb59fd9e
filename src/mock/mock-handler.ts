// The gateway's sandbox handler: answers sandbox principals from the API's mock engine (one per API, made at start-up).
import type { SandboxHandler } from '../pipeline/sandbox-handler.js';
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import type { MockEngine } from './create-mock-engine.js';
import { DEFAULT_BODY_LIMIT, readRequestBody } from './read-request-body.js';
import { writeMockResponse } from './write-mock-response.js';

export interface MockHandlerOptions {
  /** Largest request body accepted, in bytes (413 beyond); 1 MiB by default. */
  readonly bodyLimit?: number;
}

export function createMockHandler(engines: ReadonlyMap<string, MockEngine>, options: MockHandlerOptions = {}): SandboxHandler {
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  return async (req, res, ctx) => {
    const api = ctx.api;
    const engine = api === undefined ? undefined : engines.get(api.id);
    if (api === undefined || engine === undefined) throw new ProblemError(problems.sandboxUnavailable, `The sandbox for "${api?.id}" is not available.`);
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
    // The route stage accepted `/{api}/{version}`; what follows is the operation path the engine seeds on.
    const prefix = `/${api.id}/${api.config.version}`;
    const prefixed = rawPath.startsWith(prefix);
    const path = prefixed ? rawPath.slice(prefix.length) || '/' : rawPath;
    const body = await readRequestBody(req, limit);
    const response = engine.respond({
      method: req.method ?? 'GET',
      path,
      basePath: prefixed ? prefix : '',
      query: queryAt === -1 ? '' : url.slice(queryAt + 1),
      headers: req.headers,
      body,
      operation: ctx.operation,
      params: ctx.params,
    });
    writeMockResponse(res, response);
  };
}
