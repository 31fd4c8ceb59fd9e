// Per-request state shared by the stages, kept on res.locals so no stage re-derives what an earlier one decided.
import type { Principal } from './principal.js';
import type { RegisteredApi } from '../registry/registry.js';
import type { Operation } from '../registry/types.js';

export interface RequestContext {
  readonly requestId: string;
  /** process.hrtime.bigint() when the request arrived. */
  readonly startedAt: bigint;
  api?: RegisteredApi;
  operation?: Operation;
  params?: Readonly<Record<string, string>>;
  /** Path and query to send upstream, already joined to the upstream base path. */
  upstreamPath?: string;
  principal?: Principal;
  /** Extra headers for the production upstream (e.g. the signed consumer assertion), resolved before proxying. */
  upstreamHeaders?: Readonly<Record<string, string>>;
  /** process.hrtime.bigint() when the upstream request was handed to the socket. */
  upstreamSentAt?: bigint;
  /** Milliseconds from sending upstream to receiving its response headers. */
  upstreamLatencyMs?: number;
  /** Set when the proxy gave up waiting on the upstream. */
  upstreamTimedOut?: boolean;
}

/**
 * Extra headers for a production upstream request: a promise started once the caller is authorised (so slow work such
 * as a signature overlaps the limit stage), or undefined when there are none. A rejection fails the request with 500.
 */
export type UpstreamHeaders = (ctx: Readonly<RequestContext>) => Promise<Readonly<Record<string, string>>> | undefined;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- express exposes its types through this namespace
  namespace Express {
    interface Locals {
      portico: RequestContext;
    }
  }
}
