// Issue 5, item 5: three real `portico start` processes share one redis-server; 300 concurrent requests from one
// consumer against a limit of 100 admit exactly 100, for a burst window and for a daily quota.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from '../../helpers/gateway-process.js';
import { startRecordingUpstream, type RecordingUpstream } from '../../helpers/recording-upstream.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../helpers/redis-server.js';
import { FIXTURES } from '../../helpers/test-gateway.js';
import { consumersYaml, gatewayYaml, get, productionToken, sharedKeysFile, tally } from './processes-kit.js';

const DOC = path.join(FIXTURES, 'openapi-mini/proxy-test.openapi.yaml');
const REQUESTS = 300;
// Each process gets 100 of the 300 requests: counting alone, every process would admit all of them (300 in all).
const LIMIT = 100;

describeWithRedis('limits exact across three gateway processes sharing Redis', () => {
  let redis: RedisServer;
  let upstream: RecordingUpstream;
  let gateways: GatewayProcess[] = [];

  beforeAll(async () => {
    [redis, upstream] = await Promise.all([startRedisServer(), startRecordingUpstream()]);
    const keysFile = sharedKeysFile();
    // A minute is long enough that the 300 requests cannot straddle two windows; a day the same for the quota.
    const files = {
      'consumers.yaml': await consumersYaml([
        { clientId: 'burst-co', plan: 'burst', apis: ['things'] },
        { clientId: 'quota-co', plan: 'quota', apis: ['things'] },
      ]),
    };
    const yaml = gatewayYaml({ plans: [`burst: { burst: { perMinute: ${LIMIT} } }`, `quota: { quota: { perDay: ${LIMIT} } }`] });
    const options = {
      apis: [{ id: 'things', openapi: DOC, upstreamUrl: upstream.url, access: 'token' }],
      gatewayYaml: yaml,
      files,
      env: { REDIS_URL: redis.url, SIGNING_KEYS_FILE: keysFile },
    };
    gateways = await Promise.all([startGatewayProcess(options), startGatewayProcess(options), startGatewayProcess(options)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await upstream?.close();
    await redis?.stop();
  });

  async function fire(clientId: string) {
    const token = await productionToken(gateways[0]!.url, clientId);
    const before = upstream.received.length;
    const answers = await Promise.all(Array.from({ length: REQUESTS }, (_, i) => get(`${gateways[i % 3]!.url}/things/v1/items/${i}`, token, 15_000)));
    return { answers, reachedUpstream: upstream.received.length - before };
  }

  it('a burst limit of 100 per minute: exactly 100 of 300 admitted, the rest 429 rate-limited', async () => {
    const { answers, reachedUpstream } = await fire('burst-co');
    expect(tally(answers), 'is createLimits wired into main.ts (see src/limits/create-limits.ts)?').toEqual({ 200: LIMIT, 429: REQUESTS - LIMIT });
    expect(reachedUpstream).toBe(LIMIT);
    expect(answers.filter((a) => a.status === 429).every((a) => a.type?.endsWith('/rate-limited') && Number(a.headers.get('retry-after')) >= 1)).toBe(true);
  }, 60_000);

  it('a quota of 100 per day: exactly 100 of 300 admitted, the rest 429 quota-exceeded', async () => {
    const { answers, reachedUpstream } = await fire('quota-co');
    expect(tally(answers)).toEqual({ 200: LIMIT, 429: REQUESTS - LIMIT });
    expect(reachedUpstream).toBe(LIMIT);
    expect(answers.filter((a) => a.status === 429).every((a) => a.type?.endsWith('/quota-exceeded'))).toBe(true);
    expect(answers.filter((a) => a.status === 200).every((a) => a.headers.get('x-ratelimit-limit') === String(LIMIT))).toBe(true);
  }, 60_000);
});
