// The mock engine for one OpenAPI document: prepared once, then answers plain MockRequests with plain MockResponses.
// Order per request: operation → Prefer → request validation → scenario → response selection → negotiation → body.

import { ConfigError } from '../config/config-error.js';
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import { createOperationMatcher } from '../registry/match-operation.js';
import type { LoadedDocument, Operation } from '../registry/types.js';
import { buildInvalidResponse } from './build-invalid-response.js';
import { buildResponse, type BuildContext } from './build-response.js';
import { createSchemaCache } from './create-schema-cache.js';
import type { MockRequest, MockResponse } from './mock-exchange.js';
import { parseCookies, parseQueryString, type RequestParts } from './parse-parameters.js';
import { parsePrefer } from './parse-prefer.js';
import { prepareOperation, type PreparedOperation } from './prepare-operation.js';
import { requestSeed } from './request-seed.js';
import { compileScenarios, findScenario, type CompiledScenario, type ScenarioDefinition } from './scenarios.js';
import { selectResponse } from './select-response.js';
import type { Locale } from './types.js';
import { validateRequest, type RequestBody } from './validate-request.js';

export interface MockEngineOptions {
  readonly document: LoadedDocument;
  readonly locale: Locale;
  /** Engine seed: change it to get a different, still reproducible, data set. */
  readonly seed?: string;
  /** true: generated data by default; false: the document's valid examples first (Prefer: dynamic=… overrides). */
  readonly dynamic?: boolean;
  readonly scenarios?: readonly ScenarioDefinition[];
  /** Check every generated or example body against its schema before serving it (a 500 problem when it does not match). */
  readonly validateResponses?: boolean;
}

export interface MockEngine {
  readonly document: LoadedDocument;
  /** Throws ProblemError for 404/405/406/415/422 and for an invalid request the document has no 400 shape for. */
  respond(request: MockRequest): MockResponse;
}

const NO_COOKIES: ReadonlyMap<string, string> = new Map();

/** Throws ConfigError listing every scenario that does not fit the document. */
export function createMockEngine(options: MockEngineOptions): MockEngine {
  const { document } = options;
  const cache = createSchemaCache(document.format === 'openapi-3.1' ? 'openapi-3.1' : 'openapi-3.0', document.document);
  const operations = new Map<string, PreparedOperation>(document.operations.map((op) => [op.id, prepareOperation(op, cache)]));
  const { scenarios, issues } = compileScenarios(options.scenarios ?? [], operations, cache);
  if (issues.length > 0) throw new ConfigError(issues);
  const match = createOperationMatcher(document.operations);
  const engineSeed = options.seed ?? 'portico';
  const dynamicByDefault = options.dynamic ?? true;
  const validateResponses = options.validateResponses ?? false;

  const resolve = (request: MockRequest): { op: PreparedOperation; params: Readonly<Record<string, string>> } => {
    if (request.operation !== undefined) return { op: preparedFor(request.operation), params: request.params ?? {} };
    const result = match(request.method, request.path);
    if (result.kind === 'not-found') throw new ProblemError(problems.operationNotFound, `The document declares no operation at ${request.path}.`);
    if (result.kind === 'method-not-allowed') {
      const allow = result.allow.join(', ');
      throw new ProblemError(problems.methodNotAllowed, `${request.path} accepts ${allow}.`, { headers: { Allow: allow } });
    }
    return { op: preparedFor(result.operation), params: result.params };
  };

  const preparedFor = (operation: Operation): PreparedOperation => {
    const op = operations.get(operation.id);
    // The gateway hands in operations of this same document; anything else is a wiring mistake, not a client error.
    if (op === undefined) throw new Error(`operation "${operation.id}" is not part of ${document.source}`);
    return op;
  };

  return {
    document,
    respond(request) {
      const { op, params } = resolve(request);
      const headers = request.headers;
      const prefer = parsePrefer(headers.prefer);
      const parts: RequestParts = { pathParams: params, query: parseQueryString(request.query), headers, cookies: headers.cookie === undefined ? NO_COOKIES : parseCookies(headers.cookie) };
      const body = toRequestBody(request.body);
      const check = validateRequest(op, parts, body);
      const accept = typeof headers.accept === 'string' ? headers.accept : headers.accept?.join(', ');
      const ctx: BuildContext = {
        cache,
        locale: options.locale,
        seed: requestSeed({
          engineSeed,
          operationId: op.operation.id,
          method: request.method,
          path: stripQuery(request.path),
          query: parts.query,
          body: check.body,
          rawBody: body.kind === 'raw' ? body.bytes : undefined,
        }),
        accept,
        dynamic: prefer.dynamic ?? dynamicByDefault,
        example: prefer.example,
        head: request.method.toUpperCase() === 'HEAD',
        validateResponses,
        strictAccept: true,
        request: { method: request.method, path: `${request.basePath ?? ''}${stripQuery(request.path)}`, parameters: check.parameters, headers },
      };
      if (check.violations.length > 0) return buildInvalidResponse(op, check.violations, ctx);

      // An explicit Prefer: code/example is the developer's own choice and wins over a scenario.
      if (prefer.code === undefined && prefer.example === undefined) {
        const scenario = findScenario(scenarios.get(op.operation.id), { params, query: parts.query, headers, body: check.body });
        if (scenario !== undefined) return scenarioResponse(scenario, ctx);
      }
      const selected = selectResponse(op, prefer.code);
      return buildResponse(selected.status, selected.response, { ...ctx, strictAccept: selected.status >= 200 && selected.status < 300 });
    },
  };
}

function scenarioResponse(scenario: CompiledScenario, ctx: BuildContext): MockResponse {
  const def = scenario.definition;
  const fixed = def.body === undefined ? undefined : { media: scenario.media, value: def.body };
  const built = buildResponse(scenario.status, scenario.response, { ...ctx, strictAccept: false }, fixed);
  return def.headers === undefined ? built : { ...built, headers: { ...built.headers, ...def.headers } };
}

function toRequestBody(body: unknown): RequestBody {
  if (body === undefined || body === null) return { kind: 'none' };
  if (Buffer.isBuffer(body)) return body.length === 0 ? { kind: 'none' } : { kind: 'raw', bytes: body };
  if (typeof body === 'string') return body === '' ? { kind: 'none' } : { kind: 'raw', bytes: Buffer.from(body, 'utf8') };
  return { kind: 'parsed', value: body };
}

function stripQuery(path: string): string {
  const cut = path.search(/[?#]/);
  return cut === -1 ? path : path.slice(0, cut);
}
