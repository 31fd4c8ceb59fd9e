// Two gateway instances sharing one store: a revocation made on one applies there at once and on the other within
// tokens.revocationCheckSeconds (real HTTP through supertest to a real recording upstream; the store's clock is frozen).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { startRecordingUpstream, type RecordingUpstream } from '../../helpers/recording-upstream.js';
import { buildTokenGateway, frozenClock, generatedKeySet, testConsumers, type TokenGateway } from '../../helpers/token-kit.js';

const DOC = 'openapi-mini/proxy-test.openapi.yaml';

let upstream: RecordingUpstream;
let a: TokenGateway;
let b: TokenGateway;
const clock = frozenClock();

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  const fixtures = await testConsumers();
  const store = createMemoryStore({ now: clock });
  const { keySet } = generatedKeySet();
  const shared = { apis: [{ id: 'things', openapi: DOC, upstreamUrl: upstream.url }], consumers: fixtures.consumers, store, keySet, clock, tokens: { revocationCheckSeconds: 2 } };
  a = await buildTokenGateway(shared);
  b = await buildTokenGateway(shared);
});
afterAll(async () => {
  a.close();
  b.close();
  await upstream.close();
});

describe('revocation across instances', () => {
  it('applies at once where it was made and within revocationCheckSeconds elsewhere', async () => {
    const form = { grant_type: 'client_credentials', client_id: 'secret-co', client_secret: (await testConsumers()).secret };
    const issued = await request(a.app).post('/oauth/token').type('form').send(form);
    expect(issued.status).toBe(200);
    const token: string = issued.body.access_token;
    const call = (gw: TokenGateway) => request(gw.app).get('/things/v1/items').set('Authorization', `Bearer ${token}`);

    expect((await call(a)).status).toBe(200);
    expect((await call(b)).status).toBe(200); // b now holds a "not revoked" answer for 2 s
    const before = upstream.received.length;

    const jti = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).jti as string;
    await a.tokens.revocations.revoke(jti);
    expect((await call(a)).status).toBe(401);

    clock.advance(1_999);
    expect((await call(b)).status).toBe(200); // still within b's interval: the documented window
    clock.advance(1);
    const refused = await call(b);
    expect(refused.status).toBe(401);
    expect(refused.headers['www-authenticate']).toContain('invalid_token');
    expect(upstream.received.length).toBe(before + 1); // only the call inside the window reached the upstream
  });
});
