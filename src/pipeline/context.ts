// Per-request state shared by the stages, kept on res.locals so no stage re-derives what an earlier one decided.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from './principal.js';
import type { RegisteredApi } from '../registry/registry.js';
import type { Operation } from '../registry/types.js';

export interface RequestContext {
  readonly requestId: string;
  /** The client's address (the socket's, or from X-Forwarded-For behind trusted proxies), decided once per request. */
  readonly clientIp: string | undefined;
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

/** The response as the stages see it: node's own, with the request's context in `locals` (express adds `locals` for its
 * routes; the API path sets it itself). */
export interface GatewayResponse extends ServerResponse {
  locals: { portico: RequestContext };
}

/** An API-path handler: node's request and response, and a callback that takes a refusal (a thrown problem). */
export type GatewayHandler = (req: IncomingMessage, res: GatewayResponse, next: (err?: unknown) => void) => void;

/** A check every request passes before any routing (e.g. no token in the query string): throws a problem to refuse. */
export type Guard = (req: IncomingMessage) => void;

const REQUEST_CONTEXT = Symbol('portico.requestContext');

/** Hangs the context on node's request too, for hooks that get only the request (the proxy's path rewrite). */
export function attachContext(req: IncomingMessage, ctx: RequestContext): void {
  (req as IncomingMessage & { [REQUEST_CONTEXT]?: RequestContext })[REQUEST_CONTEXT] = ctx;
}

export function contextOf(req: IncomingMessage): RequestContext | undefined {
  return (req as IncomingMessage & { [REQUEST_CONTEXT]?: RequestContext })[REQUEST_CONTEXT];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- express exposes its types through this namespace
  namespace Express {
    interface Locals {
      portico: RequestContext;
    }
  }
}
