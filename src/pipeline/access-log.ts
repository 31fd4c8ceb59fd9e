// The access-log record (Italian rule RAC_GEN_LOG_01): who called which operation, the outcome and the time taken.
// Paths are logged as their template: concrete paths carry personal data (fiscal codes), query strings may carry secrets.
import type { RequestContext } from './context.js';

export interface AccessLogEntry {
  reqId: string;
  ip: string | undefined;
  method: string;
  api: string | undefined;
  apiVersion: string | undefined;
  operation: string | undefined;
  path: string;
  consumer: string | undefined;
  env: string | undefined;
  status: number;
  latencyMs: number;
  upstreamLatencyMs: number | undefined;
  /** True when the client closed the connection before the response ended. */
  aborted?: true;
}

export function buildAccessLogEntry(
  ctx: RequestContext,
  request: { method: string; ip: string | undefined; routePath: string | undefined },
  response: { status: number; finished: boolean; endedAt: bigint },
): AccessLogEntry {
  const entry: AccessLogEntry = {
    reqId: ctx.requestId,
    ip: request.ip,
    method: request.method,
    api: ctx.api?.id,
    apiVersion: ctx.api?.config.version,
    operation: ctx.operation?.id,
    path: ctx.operation ? `/${ctx.api?.id}/${ctx.api?.config.version}${ctx.operation.pathTemplate}` : (request.routePath ?? '(unrouted)'),
    consumer: ctx.principal?.consumerId,
    env: ctx.principal?.env,
    status: response.status,
    latencyMs: round(Number(response.endedAt - ctx.startedAt) / 1e6),
    upstreamLatencyMs: ctx.upstreamLatencyMs === undefined ? undefined : round(ctx.upstreamLatencyMs),
  };
  if (!response.finished) entry.aborted = true;
  return entry;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
