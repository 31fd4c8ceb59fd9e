// Plan → windows: the merge order (plan, API override, consumer override), ceilings, and what sandbox traffic skips.
import { describe, expect, it } from 'vitest';
import { resolvePolicy, type PolicyInput } from '../../../src/limits/resolve-policy.js';

const plans: PolicyInput['plans'] = {
  sandbox: { burst: { perSecond: 10, perMinute: 300 }, quota: { perDay: 5000 } },
  standard: { burst: { perSecond: 20 }, quota: { perDay: 10_000, perMonth: 250_000 } },
  unlimited: {},
};

describe('resolvePolicy', () => {
  it('turns a plan into windows, bursts before quotas, shortest first', () => {
    expect(resolvePolicy({ plans, plan: 'sandbox', env: 'sandbox' })).toEqual([
      { name: 'second', limit: 10, kind: 'burst', scope: 'consumer' },
      { name: 'minute', limit: 300, kind: 'burst', scope: 'consumer' },
      { name: 'day', limit: 5000, kind: 'quota', scope: 'consumer' },
    ]);
    expect(resolvePolicy({ plans, plan: 'standard', env: 'production' }).map((w) => `${w.name}=${w.limit}`)).toEqual(['second=20', 'day=10000', 'month=250000']);
  });

  it('gives no windows for an unlimited plan or a plan that is not defined', () => {
    expect(resolvePolicy({ plans, plan: 'unlimited', env: 'production' })).toEqual([]);
    expect(resolvePolicy({ plans, plan: 'gold', env: 'production' })).toEqual([]);
  });

  it('applies the API override of the plan, then the consumer override, field by field', () => {
    const api = { plans: { standard: { burst: { perSecond: 5, perMinute: 100 }, quota: { perDay: 1000 } } } };
    const consumer = { burst: { perSecond: 50 } };
    expect(resolvePolicy({ plans, plan: 'standard', env: 'production', api, consumer })).toEqual([
      { name: 'second', limit: 50, kind: 'burst', scope: 'consumer' },
      { name: 'minute', limit: 100, kind: 'burst', scope: 'consumer' },
      { name: 'day', limit: 1000, kind: 'quota', scope: 'consumer' },
      { name: 'month', limit: 250_000, kind: 'quota', scope: 'consumer' },
    ]);
    // An override for another plan changes nothing.
    expect(resolvePolicy({ plans, plan: 'sandbox', env: 'sandbox', api })).toEqual(resolvePolicy({ plans, plan: 'sandbox', env: 'sandbox' }));
  });

  it('adds the API ceiling for production traffic only, even on an unlimited plan', () => {
    const api = { plans: {}, ceiling: { perSecond: 100, perDay: 50_000 } };
    expect(resolvePolicy({ plans, plan: 'unlimited', env: 'production', api })).toEqual([
      { name: 'second', limit: 100, kind: 'burst', scope: 'api' },
      { name: 'day', limit: 50_000, kind: 'quota', scope: 'api' },
    ]);
    expect(resolvePolicy({ plans, plan: 'standard', env: 'production', api }).map((w) => `${w.scope}:${w.name}`)).toEqual([
      'consumer:second',
      'api:second',
      'consumer:day',
      'consumer:month',
      'api:day',
    ]);
    expect(resolvePolicy({ plans, plan: 'unlimited', env: 'sandbox', api })).toEqual([]);
  });
});
