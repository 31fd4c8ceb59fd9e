// Sandbox scenarios: fixed answers for chosen requests (a known test SIREN that is "not found", one fixed company),
// checked against the document once at load and matched per request. Pure: the YAML files are read by load-scenarios.

import type { ConfigIssue } from '../config/config-error.js';
import type { SchemaCache } from './create-schema-cache.js';
import { isJsonMediaType, parseMediaType } from './media-type.js';
import type { QueryPairs } from './parse-parameters.js';
import type { PreparedMedia, PreparedOperation, PreparedResponse } from './prepare-operation.js';
import { isObject } from './schema-types.js';

/** A value to compare with: a string (numbers and booleans compare as their text), or a list meaning "any of". */
export type ScenarioMatch = string | number | boolean | readonly (string | number | boolean)[];

/** One scenario as written in `mocks/<apiId>/*.yaml`, with where it came from for error messages. */
export interface ScenarioDefinition {
  readonly file: string;
  /** Where in the file, e.g. `scenarios[2]`. */
  readonly field: string;
  readonly name?: string;
  /** operationId, or `METHOD /path` for operations without one. */
  readonly operation: string;
  readonly when: {
    readonly path?: Readonly<Record<string, ScenarioMatch>>;
    readonly query?: Readonly<Record<string, ScenarioMatch>>;
    readonly headers?: Readonly<Record<string, ScenarioMatch>>;
    /** A partial body: every member given must be present and equal; others are ignored. */
    readonly body?: unknown;
  };
  readonly status: number;
  /** Which declared media type the body is in; defaults to the response's JSON one, else its first. */
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Omitted: the body is generated for that status as usual. */
  readonly body?: unknown;
}

export interface CompiledScenario {
  readonly definition: ScenarioDefinition;
  readonly status: number;
  readonly response: PreparedResponse;
  readonly media: PreparedMedia | undefined;
}

export interface ScenarioRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryPairs;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: unknown;
}

/** Checks every scenario against its operation; returns the usable ones by operation id and every problem found. */
export function compileScenarios(
  definitions: readonly ScenarioDefinition[],
  operations: ReadonlyMap<string, PreparedOperation>,
  cache: SchemaCache,
): { scenarios: Map<string, CompiledScenario[]>; issues: ConfigIssue[] } {
  const scenarios = new Map<string, CompiledScenario[]>();
  const issues: ConfigIssue[] = [];
  const byMethodPath = new Map([...operations.values()].map((op) => [`${op.operation.method.toUpperCase()} ${op.operation.pathTemplate}`, op]));
  for (const def of definitions) {
    const issue = (field: string, message: string): void => {
      issues.push({ file: def.file, field: field === '' ? def.field : `${def.field}.${field}`, message });
    };
    const op = operations.get(def.operation) ?? byMethodPath.get(normaliseMethodPath(def.operation));
    if (op === undefined) {
      issue('operation', `no operation "${def.operation}" in the document (use an operationId, or "GET /path")`);
      continue;
    }
    const pathNames = new Set(op.parameters.filter((p) => p.spec.in === 'path').map((p) => p.spec.name));
    for (const name of Object.keys(def.when.path ?? {})) {
      if (!pathNames.has(name)) issue(`when.path.${name}`, `"${name}" is not a path parameter of ${op.operation.id} (${[...pathNames].join(', ') || 'none'})`);
    }
    const key = String(def.status);
    const response = op.responses.get(key) ?? op.responses.get(`${key[0]}XX`) ?? op.responses.get('default');
    if (response === undefined) {
      issue('status', `${def.status} is not a declared response of ${op.operation.id} (declared: ${[...op.responses.keys()].join(', ')})`);
      continue;
    }
    let media: PreparedMedia | undefined;
    if (response.content.size > 0) {
      const wanted = def.contentType === undefined ? undefined : parseMediaType(def.contentType).essence;
      const all = [...response.content.values()];
      media = wanted === undefined ? (all.find((m) => isJsonMediaType(m.media)) ?? all[0]) : all.find((m) => m.media.essence === wanted);
      if (media === undefined) {
        issue('contentType', `"${def.contentType}" is not declared for ${def.status} (declared: ${[...response.content.keys()].join(', ')})`);
        continue;
      }
    } else if (def.contentType !== undefined || def.body !== undefined) {
      issue('body', `the ${response.key} response of ${op.operation.id} declares no content, so it cannot have a body`);
      continue;
    }
    if (def.body !== undefined && media?.schema !== undefined) {
      const violations = cache.validator(media.schema, 'response')(def.body);
      if (violations.length > 0) {
        const listed = violations.slice(0, 5).map((v) => `${v.pointer || '/'} ${v.message}`);
        issue('body', `does not match the ${response.key} response schema of ${op.operation.id}: ${listed.join('; ')}${violations.length > 5 ? ` (+${violations.length - 5} more)` : ''}`);
        continue;
      }
    }
    const list = scenarios.get(op.operation.id) ?? [];
    list.push({ definition: def, status: def.status, response, media });
    scenarios.set(op.operation.id, list);
  }
  return { scenarios, issues };
}

/** The first scenario whose every condition holds, in file order. */
export function findScenario(list: readonly CompiledScenario[] | undefined, request: ScenarioRequest): CompiledScenario | undefined {
  return list?.find((s) => matches(s.definition.when, request));
}

function matches(when: ScenarioDefinition['when'], request: ScenarioRequest): boolean {
  for (const [name, expected] of Object.entries(when.path ?? {})) {
    if (!accepts(expected, request.params[name])) return false;
  }
  for (const [name, expected] of Object.entries(when.query ?? {})) {
    if (!accepts(expected, request.query.find(([n]) => n === name)?.[1])) return false;
  }
  for (const [name, expected] of Object.entries(when.headers ?? {})) {
    const raw = request.headers[name.toLowerCase()];
    if (!accepts(expected, typeof raw === 'string' ? raw : raw?.join(', '))) return false;
  }
  return when.body === undefined || containsDeep(request.body, when.body);
}

function accepts(expected: ScenarioMatch, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  const options = Array.isArray(expected) ? expected : [expected];
  return options.some((o) => String(o) === actual);
}

/** Objects match when every expected member matches; lists must match item by item; scalars are equal. */
export function containsDeep(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => containsDeep(actual[i], e));
  }
  if (isObject(expected)) {
    return isObject(actual) && Object.entries(expected).every(([k, v]) => Object.hasOwn(actual, k) && containsDeep(actual[k], v));
  }
  return Object.is(actual, expected);
}

function normaliseMethodPath(text: string): string {
  const m = /^\s*([a-z]+)\s+(\S+)\s*$/i.exec(text);
  return m === null ? text : `${(m[1] as string).toUpperCase()} ${m[2] as string}`;
}
