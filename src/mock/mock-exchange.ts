// The mock engine's plain input and output: what an adapter (gateway sandbox, standalone server, test) hands in and gets back.
import type { Operation } from '../registry/types.js';

export interface MockRequest {
  readonly method: string;
  /** The operation path relative to the API's base (no server prefix), as sent: still percent-encoded. */
  readonly path: string;
  /** The prefix the client put before `path` (e.g. `/imprese/v1` at the gateway), so answers can name the full path. */
  readonly basePath?: string;
  /** The raw query string, without '?' ('' for none). */
  readonly query: string;
  /** Lower-case names, as node's IncomingHttpHeaders. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw bytes as received (a Buffer), or an already-parsed JSON value; undefined or empty for none. */
  readonly body?: unknown;
  /** Given when the caller already matched the operation (the gateway's route stage); otherwise the engine matches `path`. */
  readonly operation?: Operation;
  readonly params?: Readonly<Record<string, string>>;
}

export interface MockResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}
