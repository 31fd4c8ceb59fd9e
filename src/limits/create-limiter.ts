// The limit stage: the request's windows (resolve-policy) counted burst by burst with express-rate-limit, then quota
// by quota with Store.consume on calendar windows; refused with the right 429, admitted with the headers of the tightest.
import type { Response } from 'express';
import { ipKeyGenerator, type Store as RateLimitStore } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { ConsumerConfig } from '../config/consumer-schema.js';
import type { PlanLimitsConfig } from '../config/gateway-schema.js';
import type { RequestContext } from '../pipeline/context.js';
import { ANONYMOUS } from '../pipeline/authenticator.js';
import type { Principal } from '../pipeline/principal.js';
import type { RegisteredApi } from '../registry/registry.js';
import type { Store } from '../store/store.js';
import { createBurstLimiter, type BurstLimiter } from './burst-limiter.js';
import { createCalendar } from './calendar-window.js';
import { createPartitionKeys, ietfItems, legacyHeaders, mostRestrictive, secondsUntil, type WindowState } from './limit-headers.js';
import { addressSubject, burstKey, quotaKey, subjectTag } from './limit-keys.js';
import { limitRefusal } from './limit-refusal.js';
import type { Limiter } from './limiter.js';
import { resolvePolicy, type LimitWindow } from './resolve-policy.js';
import { LimitStoreError, type StoreFaults } from './store-faults.js';

export interface LimiterOptions {
  plans: Readonly<Record<string, PlanLimitsConfig>>;
  /** Consumers whose `limits` override their plan's. */
  consumers: readonly Pick<ConsumerConfig, 'clientId' | 'limits'>[];
  /** Where calendar days and months begin (IANA name). */
  timeZone: string;
  /** Quotas: atomic check-and-increment on calendar windows. */
  store: Pick<Store, 'consume'>;
  /** Bursts: a new express-rate-limit store for each limiter (MemoryStore, or rate-limit-redis). */
  burstStore: (prefix: string) => RateLimitStore;
  faults: StoreFaults;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Epoch ms. */
  clock: () => number;
}

export interface ClosableLimiter extends Limiter {
  /** Stops the memory stores' timers. */
  close(): Promise<void>;
}

const BURST_MS: Record<'second' | 'minute', number> = { second: 1000, minute: 60_000 };

const policyName = (w: Pick<LimitWindow, 'name' | 'scope'>): string => (w.scope === 'api' ? `api-${w.name}` : w.name);

/**
 * Order and counting, chosen so that a refused request costs as little as possible and limits stay exact:
 * - bursts before quotas, shortest first: a request refused for going too fast never spends daily quota, and a
 *   per-second refusal never fills the per-minute window (express-rate-limit counts every request it sees);
 * - each counter is one atomic Redis script, so N instances sharing Redis admit exactly `limit`;
 * - a quota that refuses after an earlier quota counted gives that count back (Store.consume with cost -1).
 * Round trips: one per window of the request (sequential; see the report for the measured cost).
 */
export function createLimiter(options: LimiterOptions): ClosableLimiter {
  const { store, faults, clock } = options;
  const calendar = createCalendar(options.timeZone);
  const overrides = new Map(options.consumers.filter((c) => c.limits !== undefined).map((c) => [c.clientId, c.limits]));

  const partitionKeys = createPartitionKeys();
  const bursts = new Map<string, BurstLimiter>();
  const burstStores: RateLimitStore[] = [];
  for (const scope of ['consumer', 'api'] as const) {
    for (const name of ['second', 'minute'] as const) {
      const burstStore = options.burstStore('rl:');
      burstStores.push(burstStore);
      const key = policyName({ name, scope });
      bursts.set(key, createBurstLimiter({ name: key, windowMs: BURST_MS[name], store: burstStore, logger: options.logger }));
    }
  }

  // Bounded by plans × APIs × (consumers with overrides + 1) × environments: all from configuration.
  const policies = new Map<string, LimitWindow[]>();
  function policyOf(principal: Principal, api: RegisteredApi): LimitWindow[] {
    const override = overrides.get(principal.consumerId);
    const memo = `${principal.env}\u0000${principal.plan}\u0000${override ? principal.consumerId : ''}\u0000${api.id}`;
    let windows = policies.get(memo);
    if (windows === undefined) {
      windows = resolvePolicy({ plans: options.plans, plan: principal.plan, env: principal.env, api: api.config.limits, consumer: override });
      policies.set(memo, windows);
    }
    return windows;
  }

  async function consume(key: string, cost: number, limit: number, endsAt: number): ReturnType<Store['consume']> {
    try {
      return await store.consume(key, cost, limit, endsAt);
    } catch (err) {
      throw new LimitStoreError(err);
    }
  }

  // The IETF items of every window counted, written once per header at the end (six res.append calls cost more).
  interface Items {
    rateLimit: string[];
    policy: string[];
  }

  async function count(windows: readonly LimitWindow[], subject: string, apiId: string, items: Items): Promise<WindowState[]> {
    const states: WindowState[] = [];
    const refunds: { key: string; endsAt: number }[] = [];
    for (const window of windows) {
      const tag = subjectTag(window.scope, subject, apiId);
      const name = policyName(window);
      if (window.kind === 'burst') {
        const limiter = bursts.get(name)!; // every (scope, second|minute) pair was created above
        const key = burstKey(tag, window.name);
        const counted = await limiter.count(key, window.limit);
        const state = { name, limit: window.limit, remaining: counted.remaining, resetSeconds: counted.resetSeconds };
        push(items, ietfItems(state, limiter.windowSeconds, key, partitionKeys(key)));
        if (counted.used > counted.limit) throw limitRefusal(window, state);
        states.push(state);
        continue;
      }
      const now = clock();
      const period = calendar.windowAt(window.name === 'month' ? 'month' : 'day', now);
      const key = quotaKey(tag, window.name, period.label);
      const result = await consume(key, 1, window.limit, period.endsAt);
      const state = { name, limit: window.limit, remaining: Math.max(0, window.limit - result.count), resetSeconds: secondsUntil(result.resetAt, now) };
      push(items, ietfItems(state, Math.round((period.endsAt - period.startsAt) / 1000), key, partitionKeys(key)));
      if (!result.allowed) {
        for (const r of refunds) void consume(r.key, -1, Number.MAX_SAFE_INTEGER, r.endsAt).catch(() => undefined);
        throw limitRefusal(window, state);
      }
      refunds.push({ key, endsAt: period.endsAt });
      states.push(state);
    }
    return states;
  }

  return {
    async check(ctx: RequestContext, res: Response) {
      const { principal, api } = ctx;
      if (!principal || !api) return;
      const windows = policyOf(principal, api);
      if (windows.length === 0) return;
      // express sets res.req; the Limiter contract passes only the response.
      const req = res.req;
      // Anonymous callers of open APIs are told apart by address; everyone else by token subject / client id.
      const anonymous = principal.tokenId === undefined && principal.consumerId === ANONYMOUS.consumerId;
      const subject = anonymous ? addressSubject(ipKeyGenerator(req.ip ?? 'unknown', 56)) : principal.consumerId;
      const items: Items = { rateLimit: [], policy: [] };
      let states: WindowState[];
      try {
        states = await count(windows, subject, api.id, items);
      } catch (err) {
        if (!(err instanceof LimitStoreError)) throw err;
        faults.handle(err); // throws the 503 problem when failing closed
        return;
      } finally {
        // Admitted, refused or failed: the windows counted so far show, as when each was appended on counting.
        appendAll(res, 'RateLimit', items.rateLimit);
        appendAll(res, 'RateLimit-Policy', items.policy);
      }
      const tightest = mostRestrictive(states);
      if (tightest) for (const [header, value] of Object.entries(legacyHeaders(tightest))) res.setHeader(header, value);
    },
    async close() {
      for (const s of burstStores) await s.shutdown?.();
    },
  };
}

function push(items: { rateLimit: string[]; policy: string[] }, item: { rateLimit: string; policy: string }): void {
  items.rateLimit.push(item.rateLimit);
  items.policy.push(item.policy);
}

/** express's res.append for several values at once: one value stays a string, several are header lines. */
function appendAll(res: Response, header: string, values: readonly string[]): void {
  if (values.length === 0 || res.headersSent) return;
  const prev = res.getHeader(header);
  const all = prev === undefined ? values : [...(Array.isArray(prev) ? prev : [String(prev)]), ...values];
  res.setHeader(header, all.length === 1 ? all[0]! : [...all]);
}
