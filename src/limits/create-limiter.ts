// The limit stage: the request's windows (resolve-policy) counted together with Store.consumeWindows, one call (one
// Redis round trip) per hashtag group; refused with the right 429, admitted with the headers of the tightest window.
import type { ServerResponse } from 'node:http';
import { ipKeyGenerator } from 'express-rate-limit';
import type { ConsumerConfig } from '../config/consumer-schema.js';
import type { PlanLimitsConfig } from '../config/gateway-schema.js';
import type { RequestContext } from '../pipeline/context.js';
import { ANONYMOUS } from '../pipeline/authenticator.js';
import type { Principal } from '../pipeline/principal.js';
import type { RegisteredApi } from '../registry/registry.js';
import type { CounterWindow, Store, WindowsResult } from '../store/store.js';
import { createCalendar, type CalendarWindow } from './calendar-window.js';
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
  /** Counts every window (consumeWindows); consume with cost -1 gives back a quota when a later group refuses. */
  store: Pick<Store, 'consumeWindows' | 'consume'>;
  faults: StoreFaults;
  /** Epoch ms: burst windows start, calendar windows and every reset are computed on it. */
  clock: () => number;
}

const BURST_MS: Record<'second' | 'minute', number> = { second: 1000, minute: 60_000 };

const policyName = (w: Pick<LimitWindow, 'name' | 'scope'>): string => (w.scope === 'api' ? `api-${w.name}` : w.name);

/** The windows that share one hashtag (one scope), counted by one consumeWindows call. */
interface WindowGroup {
  readonly scope: LimitWindow['scope'];
  /** `index`: the window's place in resolve-policy's order, where its headers go whatever the group order. */
  readonly windows: readonly { readonly window: LimitWindow; readonly name: string; readonly index: number }[];
}

/** A request's windows, grouped; `size` windows in all. */
interface Policy {
  readonly groups: readonly WindowGroup[];
  readonly size: number;
}

/** The counter of one window for this request, and what its headers need besides the count. */
interface Counted {
  readonly counter: CounterWindow;
  /** The IETF `w=`: the burst's length, or the calendar period's. */
  readonly windowSeconds: number;
}

/**
 * Order and counting, chosen so that a refused request costs as little as possible and limits stay exact:
 * - windows are grouped by hashtag (the consumer's `{c:…}`, the API ceiling's `{a:…}`), groups in the order of their
 *   first window, and each group is one Store.consumeWindows call: one atomic script, one Redis round trip, so N
 *   instances sharing Redis admit exactly `limit`. A request without a ceiling (the common case) is one call;
 * - within a group, bursts before quotas, shortest first (resolve-policy's order): a request refused for going too
 *   fast never spends quota, and a per-second refusal never reaches the per-minute window (a burst counts every
 *   hit it sees, refused or not, as express-rate-limit does);
 * - a refusal inside a group takes back that call's quota counts (the script does); a refusal by a later group
 *   gives back the quota counts of the earlier ones (Store.consume with cost -1, not awaited). So with a ceiling,
 *   a request the ceiling's burst refuses holds one unit of the consumer's quota for a moment, then returns it.
 */
export function createLimiter(options: LimiterOptions): Limiter {
  const { store, faults, clock } = options;
  const calendar = createCalendar(options.timeZone);
  const overrides = new Map(options.consumers.filter((c) => c.limits !== undefined).map((c) => [c.clientId, c.limits]));
  const partitionKeys = createPartitionKeys();

  // Bounded by plans × APIs × (consumers with overrides + 1) × environments: all from configuration.
  const policies = new Map<string, Policy>();
  function policyOf(principal: Principal, api: RegisteredApi): Policy {
    const override = overrides.get(principal.consumerId);
    const memo = `${principal.env}\u0000${principal.plan}\u0000${override ? principal.consumerId : ''}\u0000${api.id}`;
    let policy = policies.get(memo);
    if (policy === undefined) {
      const windows = resolvePolicy({ plans: options.plans, plan: principal.plan, env: principal.env, api: api.config.limits, consumer: override });
      policy = { groups: groupByScope(windows), size: windows.length };
      policies.set(memo, policy);
    }
    return policy;
  }

  function counted(window: LimitWindow, tag: string, now: number): Counted {
    if (window.kind === 'burst') {
      const ms = BURST_MS[window.name === 'minute' ? 'minute' : 'second'];
      return { counter: { key: burstKey(tag, window.name), limit: window.limit, endsAtIfNew: now + ms, countWhenRefused: true }, windowSeconds: ms / 1000 };
    }
    const period: CalendarWindow = calendar.windowAt(window.name === 'month' ? 'month' : 'day', now);
    return {
      counter: { key: quotaKey(tag, window.name, period.label), limit: window.limit, endsAtIfNew: period.endsAt, countWhenRefused: false },
      windowSeconds: Math.round((period.endsAt - period.startsAt) / 1000),
    };
  }

  // The IETF items of every window counted, by window index (resolve-policy's order, as before grouping), written
  // once per header at the end (six res.append calls cost more). Windows not counted leave holes.
  interface Items {
    rateLimit: (string | undefined)[];
    policy: (string | undefined)[];
  }

  /** The states of the windows counted, by window index; throws the 429 problem or LimitStoreError. */
  async function count(groups: readonly WindowGroup[], subject: string, apiId: string, items: Items): Promise<(WindowState | undefined)[]> {
    const now = clock();
    const states = new Array<WindowState | undefined>(items.rateLimit.length);
    // Quotas counted by earlier groups, to give back if a later group refuses (a group's own, its script gives back).
    const refunds: CounterWindow[] = [];
    for (const group of groups) {
      const tag = subjectTag(group.scope, subject, apiId);
      const planned = group.windows.map(({ window }) => counted(window, tag, now));
      let result: WindowsResult;
      try {
        result = await store.consumeWindows(planned.map((p) => p.counter));
      } catch (err) {
        throw new LimitStoreError(err);
      }
      for (let i = 0; i < result.counts.length; i++) {
        const { window, name, index } = group.windows[i]!;
        const { counter, windowSeconds } = planned[i]!;
        const { count: hits, resetAt } = result.counts[i]!;
        const state = { name, limit: window.limit, remaining: Math.max(0, window.limit - hits), resetSeconds: secondsUntil(resetAt, now) };
        const item = ietfItems(state, windowSeconds, counter.key, partitionKeys(counter.key));
        items.rateLimit[index] = item.rateLimit;
        items.policy[index] = item.policy;
        if (i === result.refusedAt) {
          for (const r of refunds) void store.consume(r.key, -1, Number.MAX_SAFE_INTEGER, r.endsAtIfNew).catch(() => undefined);
          throw limitRefusal(window, state);
        }
        states[index] = state;
      }
      for (const p of planned) if (!p.counter.countWhenRefused) refunds.push(p.counter);
    }
    return states;
  }

  return {
    async check(ctx: RequestContext, res: ServerResponse) {
      const { principal, api } = ctx;
      if (!principal || !api) return;
      const { groups, size } = policyOf(principal, api);
      if (size === 0) return;
      // Anonymous callers of open APIs are told apart by address; everyone else by token subject / client id.
      const anonymous = principal.tokenId === undefined && principal.consumerId === ANONYMOUS.consumerId;
      const subject = anonymous ? addressSubject(ipKeyGenerator(ctx.clientIp ?? 'unknown', 56)) : principal.consumerId;
      const items: Items = { rateLimit: new Array<string | undefined>(size), policy: new Array<string | undefined>(size) };
      let states: (WindowState | undefined)[];
      try {
        states = await count(groups, subject, api.id, items);
      } catch (err) {
        if (!(err instanceof LimitStoreError)) throw err;
        faults.handle(err); // throws the 503 problem when failing closed
        return;
      } finally {
        // Admitted, refused or failed: the windows counted so far show, as when each was appended on counting.
        appendAll(res, 'RateLimit', items.rateLimit);
        appendAll(res, 'RateLimit-Policy', items.policy);
      }
      // Every window was counted when admitted: no holes left.
      const tightest = mostRestrictive(states as WindowState[]);
      if (tightest) for (const [header, value] of Object.entries(legacyHeaders(tightest))) res.setHeader(header, value);
    },
  };
}

/** Windows by scope (= hashtag), groups in the order of their first window, each keeping the windows' order. */
function groupByScope(windows: readonly LimitWindow[]): WindowGroup[] {
  const groups: { scope: LimitWindow['scope']; windows: { window: LimitWindow; name: string; index: number }[] }[] = [];
  for (const [index, window] of windows.entries()) {
    let group = groups.find((g) => g.scope === window.scope);
    if (group === undefined) {
      group = { scope: window.scope, windows: [] };
      groups.push(group);
    }
    group.windows.push({ window, name: policyName(window), index });
  }
  return groups;
}

/** express's res.append for several values at once (holes skipped): one value stays a string, several are header lines. */
function appendAll(res: ServerResponse, header: string, slots: readonly (string | undefined)[]): void {
  const values = slots.filter((v): v is string => v !== undefined);
  if (values.length === 0 || res.headersSent) return;
  const prev = res.getHeader(header);
  const all = prev === undefined ? values : [...(Array.isArray(prev) ? prev : [String(prev)]), ...values];
  res.setHeader(header, all.length === 1 ? all[0]! : [...all]);
}
