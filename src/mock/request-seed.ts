// Seeds for generation: a digest of everything that should make two answers differ, so the same request (method,
// path, query, body) against the same document and engine seed gets byte-identical data, and another id other data.

import { hash } from 'node:crypto';
import type { QueryPairs } from './parse-parameters.js';

export interface SeedParts {
  readonly engineSeed: string;
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly query: QueryPairs;
  /** The decoded body when there is one (key order does not matter), else the raw bytes. */
  readonly body: unknown;
  readonly rawBody: Buffer | undefined;
}

/** The request part of the seed; the chosen status and media type are added by `responseSeed`. */
export function requestSeed(parts: SeedParts): string {
  const query = [...parts.query].sort((a, b) => (a[0] === b[0] ? compare(a[1], b[1]) : compare(a[0], b[0])));
  const body =
    parts.body !== undefined ? digest(canonicalJson(parts.body)) : parts.rawBody !== undefined && parts.rawBody.length > 0 ? digest(parts.rawBody) : '';
  return digest(JSON.stringify([parts.engineSeed, parts.operationId, parts.method.toUpperCase(), parts.path, query, body]));
}

export function responseSeed(request: string, status: number, contentType: string): string {
  return digest(`${request}\u0000${status}\u0000${contentType}`);
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` seed alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compare(a, b))) : v,
  );
}

function digest(data: string | Buffer): string {
  // One-shot: a third of the cost of createHash().update().digest(), and two run on every request.
  return hash('sha256', data, 'base64url');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
