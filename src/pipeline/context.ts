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
  /** Milliseconds from sending upstream to receiving its response headers. */
  upstreamLatencyMs?: number;
  /** Set when the proxy gave up waiting on the upstream. */
  upstreamTimedOut?: boolean;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- express exposes its types through this namespace
  namespace Express {
    interface Locals {
      portico: RequestContext;
    }
  }
}
