// Plan + API override + consumer override + API ceiling → the windows one request is counted in (pure).
// Precedence, field by field: the plan, then the API's override of that plan, then the consumer's own override.
import type { PlanLimitsConfig } from '../config/gateway-schema.js';
import type { ApiConfig } from '../config/api-schema.js';
import type { Environment } from '../pipeline/principal.js';

export type WindowName = 'second' | 'minute' | 'day' | 'month';

export interface LimitWindow {
  readonly name: WindowName;
  readonly limit: number;
  /** burst: a short window counted from the first request; quota: a calendar day or month. */
  readonly kind: 'burst' | 'quota';
  /** consumer: this caller on this API; api: every production caller of this API together (the ceiling). */
  readonly scope: 'consumer' | 'api';
}

export interface PolicyInput {
  /** The plans of gateway.yaml (their description is ignored). */
  plans: Readonly<Record<string, PlanLimitsConfig>>;
  /** The principal's plan; a plan that is not defined contributes no windows. */
  plan: string;
  env: Environment;
  api?: ApiConfig['limits'];
  consumer?: PlanLimitsConfig;
}

const BURSTS = [
  ['second', 'perSecond'],
  ['minute', 'perMinute'],
] as const;
const QUOTAS = [
  ['day', 'perDay'],
  ['month', 'perMonth'],
] as const;

/** Windows in checking order: shortest first, consumer before ceiling (see create-limiter for why the order matters). */
export function resolvePolicy(input: PolicyInput): LimitWindow[] {
  const layers = [input.plans[input.plan], input.api?.plans[input.plan], input.consumer];
  const pick = <T>(read: (layer: PlanLimitsConfig) => T | undefined): T | undefined => {
    let value: T | undefined;
    for (const layer of layers) {
      const v = layer === undefined ? undefined : read(layer);
      if (v !== undefined) value = v;
    }
    return value;
  };

  const windows: LimitWindow[] = [];
  for (const [name, field] of BURSTS) {
    const limit = pick((l) => l.burst?.[field]);
    if (limit !== undefined) windows.push({ name, limit, kind: 'burst', scope: 'consumer' });
  }
  // A sandbox request never reaches the upstream, so the ceiling that protects the upstream does not count it.
  const ceiling = input.env === 'production' ? input.api?.ceiling : undefined;
  for (const [name, field] of BURSTS) {
    const limit = ceiling?.[field];
    if (limit !== undefined) windows.push({ name, limit, kind: 'burst', scope: 'api' });
  }
  for (const [name, field] of QUOTAS) {
    const limit = pick((l) => l.quota?.[field]);
    if (limit !== undefined) windows.push({ name, limit, kind: 'quota', scope: 'consumer' });
  }
  for (const [name, field] of QUOTAS) {
    const limit = ceiling?.[field];
    if (limit !== undefined) windows.push({ name, limit, kind: 'quota', scope: 'api' });
  }
  return windows;
}
