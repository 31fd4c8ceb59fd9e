// The hand-built access-log line is byte for byte what pino writes for the same entry with Portico's logger options.
import { describe, expect, it } from 'vitest';
import { createAccessLog, createLogger } from '../../src/create-logger.js';
import { accessLogLine, type AccessLogEntry } from '../../src/pipeline/access-log.js';

function pinoLine(entry: AccessLogEntry, now: number): string {
  let out = '';
  const logger = createLogger('info', { write: (chunk: string) => void (out += chunk) });
  const realNow = Date.now;
  Date.now = () => now;
  try {
    logger.info(entry, 'request');
  } finally {
    Date.now = realNow;
  }
  return out;
}

const full: AccessLogEntry = {
  reqId: '6f1c7c1e-3b7a-4c1e-9d1e-6f1c7c1e3b7a',
  ip: '127.0.0.1',
  method: 'GET',
  api: 'imprese',
  apiVersion: 'v1',
  operation: 'getImpresa',
  path: '/imprese/v1/imprese/{siren}',
  consumer: 'demo-client',
  env: 'production',
  status: 200,
  latencyMs: 12.34,
  upstreamLatencyMs: 3.2,
};
const NOW = Date.UTC(2026, 10, 22, 23, 59, 58, 123);

describe('access log line', () => {
  it('matches pino for a full entry, a minimal one, an aborted one and strings that need escaping', () => {
    const minimal: AccessLogEntry = { reqId: 'r-12345678', ip: undefined, method: 'POST', api: undefined, apiVersion: undefined, operation: undefined, path: '(unrouted)', consumer: undefined, env: undefined, status: 404, latencyMs: 0.5, upstreamLatencyMs: undefined };
    const odd: AccessLogEntry = { ...full, path: '/x/"quoted"\\back\u0001\u2028é😀', consumer: 'tab\tname', aborted: true, latencyMs: 1e-7 };
    for (const entry of [full, minimal, odd]) {
      const ours = accessLogLine(entry, NOW);
      expect(ours).toBe(pinoLine(entry, NOW));
      expect(JSON.parse(ours)).toMatchObject({ level: 'info', msg: 'request', status: entry.status });
    }
  });

  it('is written to the logger\'s own destination only when info is enabled', () => {
    const lines: string[] = [];
    const stream = { write: (chunk: string) => void lines.push(chunk) };
    const logger = createLogger('info', stream);
    createAccessLog(logger).write(full);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ reqId: full.reqId, consumer: 'demo-client', upstreamLatencyMs: 3.2 });
    logger.level = 'warn';
    createAccessLog(logger).write(full);
    expect(lines).toHaveLength(1);
  });
});

describe('log batching', () => {
  it('flushes the stream at once for warnings and errors, and leaves info lines to the batch', () => {
    let flushes = 0;
    const lines: string[] = [];
    const logger = createLogger('info', { write: (chunk: string) => void lines.push(chunk), flush: () => void (flushes += 1) } as never);
    logger.info('routine');
    createAccessLog(logger).write(full);
    expect(flushes).toBe(0);
    logger.warn('store unreachable');
    expect(flushes).toBe(1);
    logger.error('worse');
    expect(flushes).toBe(2);
    expect(lines).toHaveLength(4);
  });
});
