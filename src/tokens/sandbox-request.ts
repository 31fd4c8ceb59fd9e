// POST /sandbox/tokens input: the optional `{ apis, label }` body, and the scope it resolves to against the registry (pure).
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import type { Registry } from '../registry/registry.js';

export interface SandboxTokenRequest {
  apis?: string[];
  label?: string;
}

const MAX_APIS = 100;
const MAX_LABEL = 100;
// Printable text only: the label lands in logs and in the token, so no control characters that could forge log lines.
const LABEL = /^[^\p{Cc}\p{Cf}]+$/u;

function bad(detail: string): ProblemError {
  return new ProblemError(problems.badRequest, detail);
}

/** Validates the parsed JSON body (undefined or {} when the client sent none). */
export function parseSandboxTokenRequest(body: unknown): SandboxTokenRequest {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw bad('Expected a JSON object like {"apis": ["<apiId>"], "label": "my app"}.');
  const { apis, label, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw bad(`Unknown member(s): ${unknown.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}; expected "apis" and "label".`);
  const request: SandboxTokenRequest = {};
  if (apis !== undefined) {
    if (!Array.isArray(apis) || apis.length > MAX_APIS || !apis.every((a): a is string => typeof a === 'string')) {
      throw bad(`"apis" must be an array of at most ${MAX_APIS} API ids.`);
    }
    request.apis = apis;
  }
  if (label !== undefined) {
    if (typeof label !== 'string' || label.length === 0 || label.length > MAX_LABEL || !LABEL.test(label)) {
      throw bad(`"label" must be printable text of 1-${MAX_LABEL} characters.`);
    }
    request.label = label;
  }
  return request;
}

/** The API ids a sandbox token gets: the ones asked for (each must exist and offer a sandbox), or every sandbox-enabled API. */
export function resolveSandboxScope(requested: readonly string[] | undefined, registry: Pick<Registry, 'apis' | 'find'>): string[] {
  if (requested === undefined || requested.length === 0) {
    const all = registry.apis.filter((api) => api.config.sandbox.enabled).map((api) => api.id);
    if (all.length === 0) throw bad('No registered API offers a sandbox.');
    return all;
  }
  const scope = [...new Set(requested)];
  for (const id of scope) {
    const api = registry.find(id);
    const shown = JSON.stringify(id.slice(0, 64));
    if (!api) throw bad(`Unknown API id ${shown}; GET /.well-known/oauth-authorization-server lists them under scopes_supported.`);
    if (!api.config.sandbox.enabled) throw bad(`API ${shown} has no sandbox.`);
  }
  return scope;
}
