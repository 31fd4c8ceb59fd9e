// The registry: every registered API with its loaded document, operation matcher and upstream, looked up by id.
import type { ApiConfig } from '../config/api-schema.js';
import { createOperationMatcher } from './match-operation.js';
import type { LoadedDocument, MatchResult } from './types.js';

export interface Upstream {
  readonly origin: string;
  /** Path prefix of the upstream base URL, without a trailing slash ('' for the root). */
  readonly basePath: string;
  readonly timeoutMs: number;
}

export interface RegisteredApi {
  readonly id: string;
  readonly config: ApiConfig;
  readonly document: LoadedDocument;
  readonly upstream: Upstream;
  readonly match: (method: string, path: string) => MatchResult;
}

export interface Registry {
  readonly apis: readonly RegisteredApi[];
  find(id: string): RegisteredApi | undefined;
}

export function createRegisteredApi(config: ApiConfig, document: LoadedDocument, defaultTimeoutMs: number): RegisteredApi {
  const url = new URL(config.upstream.url);
  return Object.freeze({
    id: config.id,
    config,
    document,
    upstream: Object.freeze({
      origin: url.origin,
      basePath: url.pathname.replace(/\/+$/, ''),
      timeoutMs: config.upstream.timeoutMs ?? defaultTimeoutMs,
    }),
    match: createOperationMatcher(document.operations),
  });
}

export function createRegistry(apis: readonly RegisteredApi[]): Registry {
  const byId = new Map(apis.map((api) => [api.id, api]));
  return Object.freeze({ apis: Object.freeze([...apis]), find: (id: string) => byId.get(id) });
}
