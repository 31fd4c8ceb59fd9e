// Route stage logic: `/{apiId}/{version}/{path}` → the API, its operation and the upstream path (pure; throws problems).
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import type { Registry, RegisteredApi } from '../registry/registry.js';
import type { Operation } from '../registry/types.js';

export interface Route {
  readonly api: RegisteredApi;
  readonly operation: Operation;
  readonly params: Readonly<Record<string, string>>;
  /** Upstream base path + the operation path as the client sent it (still percent-encoded) + its query string. */
  readonly upstreamPath: string;
}

// '.' and '..' segments, raw or percent-encoded: an upstream that normalises them could be walked out of its base path.
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;

export function routeRequest(registry: Registry, method: string, rawUrl: string): Route {
  const queryAt = rawUrl.indexOf('?');
  const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const search = queryAt === -1 ? '' : rawUrl.slice(queryAt);

  if (DOT_SEGMENT.test(rawPath)) throw new ProblemError(problems.badRequest, 'Paths may not contain "." or ".." segments.');

  const second = rawPath.indexOf('/', 1);
  const apiId = rawPath.slice(1, second === -1 ? undefined : second);
  const api = registry.find(apiId);
  if (!api) throw new ProblemError(problems.notFound, `Nothing is registered at /${apiId}.`);

  const third = second === -1 ? -1 : rawPath.indexOf('/', second + 1);
  const version = second === -1 ? '' : rawPath.slice(second + 1, third === -1 ? undefined : third);
  if (version !== api.config.version) {
    throw new ProblemError(problems.apiNotFound, `API "${api.id}" is served as /${api.id}/${api.config.version}; no version "${version}".`);
  }
  const operationPath = third === -1 ? '/' : rawPath.slice(third);

  const result = api.match(method, operationPath);
  if (result.kind === 'not-found') {
    throw new ProblemError(problems.operationNotFound, `API "${api.id}" ${api.config.version} has no operation at ${operationPath}.`);
  }
  if (result.kind === 'method-not-allowed') {
    const allow = result.allow.join(', ');
    throw new ProblemError(problems.methodNotAllowed, `${operationPath} accepts ${allow}.`, { headers: { Allow: allow } });
  }
  return {
    api,
    operation: result.operation,
    params: result.params,
    upstreamPath: api.upstream.basePath + operationPath + search,
  };
}
