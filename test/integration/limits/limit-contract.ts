// The limit contract every counter backend must keep (memory, Redis, Redis Cluster): exact admission under
// concurrency for bursts and quotas, refused requests not counted in quotas, ceilings shared by consumers.
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../../../src/limits/calendar-window.js';
import { startRecordingUpstream, type RecordingUpstream } from '../../helpers/recording-upstream.js';
import { frozenClock } from '../../helpers/token-kit.js';
import { buildLimitedGateway, type LimitedGateway } from './limits-kit.js';

const PLANS = {
  burst: { burst: { perMinute: 25 } },
  quota: { quota: { perDay: 15, perMonth: 1000 } },
  unlimited: {},
};

/** `store`: the gateway.yaml store section (memory, or Redis from the helper). */
export function runLimitContract(name: string, store: () => Record<string, unknown>): void {
  describe(`limit contract: ${name}`, () => {
    let upstream: RecordingUpstream;
    const built: LimitedGateway[] = [];
    beforeAll(async () => {
      upstream = await startRecordingUpstream();
    });
    afterEach(async () => {
      await Promise.all(built.splice(0).map((g) => g.shutdown()));
    });
    afterAll(async () => {
      await upstream?.close();
    });

    async function gateway(apiLimits?: unknown): Promise<LimitedGateway> {
      const gw = await buildLimitedGateway({
        gateway: { plans: PLANS, store: store() },
        apis: [{ id: 'things', upstreamUrl: upstream.url, ...(apiLimits ? { limits: apiLimits } : {}) }],
        consumers: [
          { clientId: 'burst-co', plan: 'burst', apis: ['things'] },
          { clientId: 'quota-co', plan: 'quota', apis: ['things'] },
          { clientId: 'other-co', plan: 'unlimited', apis: ['things'] },
          { clientId: 'more-co', plan: 'unlimited', apis: ['things'] },
        ],
        // Counters expire at absolute times: the clock starts at the real now.
        clock: frozenClock(Date.now()),
      });
      built.push(gw);
      return gw;
    }

    const burstOf = (gw: LimitedGateway, token: string, n: number) =>
      Promise.all(Array.from({ length: n }, () => request(gw.app).get('/things/v1/items/1').set('Authorization', `Bearer ${token}`)));
    const tally = (answers: { status: number }[]) => answers.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

    it('bursts: 60 concurrent requests against 25 per minute admit exactly 25', async () => {
      const gw = await gateway();
      const answers = await burstOf(gw, gw.productionToken('burst-co'), 60);
      expect(tally(answers)).toEqual({ 200: 25, 429: 35 });
      expect(answers.filter((r) => r.status === 429).every((r) => r.body.type.endsWith('/rate-limited'))).toBe(true);
      expect(answers.every((r) => r.headers['ratelimit-policy']?.startsWith('"minute"; q=25; w=60;'))).toBe(true);
    });

    it('quotas: 40 concurrent requests against 15 per day admit exactly 15, and refusals are not counted', async () => {
      const gw = await gateway();
      const token = gw.productionToken('quota-co');
      const answers = await burstOf(gw, token, 40);
      expect(tally(answers)).toEqual({ 200: 15, 429: 25 });
      expect(answers.filter((r) => r.status === 429).every((r) => r.body.type.endsWith('/quota-exceeded'))).toBe(true);
      const admitted = answers.find((r) => r.status === 200)!;
      expect(admitted.headers['x-ratelimit-limit']).toBe('15');
      // Refused requests counted nowhere: the day holds 15, and so does the month (a day refusal comes first).
      const peek = async (unit: 'day' | 'month'): Promise<number> => {
        const period = createCalendar('UTC').windowAt(unit, gw.clock());
        return (await gw.store.consume(`rl:{c:quota-co:things}:${unit}:${period.label}`, 0, Number.MAX_SAFE_INTEGER, period.endsAt)).count;
      };
      expect(await peek('day')).toBe(15);
      expect(await peek('month')).toBe(15);
    });

    it('ceilings: consumers share the API ceiling, exactly', async () => {
      const gw = await gateway({ ceiling: { perMinute: 20 } });
      const [a, b] = await Promise.all([burstOf(gw, gw.productionToken('other-co'), 20), burstOf(gw, gw.productionToken('more-co'), 20)]);
      expect(tally([...a, ...b])).toEqual({ 200: 20, 429: 20 });
      expect([...a, ...b].filter((r) => r.status === 429).every((r) => r.body.scope === 'api')).toBe(true);
    });
  });
}
