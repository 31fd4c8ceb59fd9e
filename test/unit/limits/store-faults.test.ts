// The fault policy: fail open counts and passes (one warning per interval), fail closed answers a 503 problem.
import { describe, expect, it } from 'vitest';
import { createStoreFaults, LimitStoreError } from '../../../src/limits/store-faults.js';
import { ProblemError } from '../../../src/problem/problem.js';

function logger() {
  const warnings: unknown[] = [];
  return { warnings, warn: (...args: unknown[]) => void warnings.push(args) };
}

describe('store faults', () => {
  it('fail open: returns, counts every failure, warns at most once per interval', () => {
    let now = 0;
    const log = logger();
    const faults = createStoreFaults({ failOpen: true, logger: log, clock: () => now, logEveryMs: 10_000 });
    for (let i = 0; i < 5; i++) faults.handle(new LimitStoreError(new Error('ECONNREFUSED')));
    expect(faults.metrics).toEqual({ storeErrors: 5, passedUnlimited: 5, refusedUnavailable: 0 });
    expect(log.warnings).toHaveLength(1);
    now = 10_000;
    faults.handle(new LimitStoreError(new Error('ECONNREFUSED')));
    expect(log.warnings).toHaveLength(2);
  });

  it('fail closed: throws service-unavailable with Retry-After', () => {
    const faults = createStoreFaults({ failOpen: false, logger: logger(), clock: () => 0 });
    let thrown: unknown;
    try {
      faults.handle(new LimitStoreError(new Error('timeout')));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ProblemError);
    expect((thrown as ProblemError).template.code).toBe('service-unavailable');
    expect((thrown as ProblemError).headers['Retry-After']).toBe('5');
    expect(faults.metrics.refusedUnavailable).toBe(1);
  });
});
