// The standalone mock server echoes the request: a path id into the resource (in the integer the schema wants),
// a query filter into every item of a bare list, a sent correlation id into its declared header; errors are coherent.
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, serve } from './mock-helpers.js';

const fixture = path.join(FIXTURE_DIR, 'echo.yaml');

describe('echo of the request by the standalone mock server', () => {
  it('puts the path id in the resource, not in the ids of other records below it', async () => {
    const { app } = await serve(fixture, { validateResponses: true });
    const res = await request(app).get('/pratiche/4711');
    expect(res.status).toBe(200);
    expect(res.body.idPratica).toBe(4711);
    // `richiedente.idPratica` is a specific name, so it is the same file.
    expect(res.body.richiedente.idPratica).toBe(4711);
  });

  it('filters every item of a list by the query', async () => {
    const { app } = await serve(fixture, { validateResponses: true });
    const res = await request(app).get('/pratiche?stato=chiusa');
    expect(res.body.length).toBeGreaterThanOrEqual(2);
    for (const p of res.body) expect(p.stato).toBe('chiusa');
  });

  it('repeats a sent correlation id, and gives a declared X-Request-ID a UUID when none came', async () => {
    const { app } = await serve(fixture);
    const res = await request(app).get('/pratiche/1').set('X-Correlation-ID', 'corr-12345678');
    expect(res.headers['x-correlation-id']).toBe('corr-12345678');
    // The standalone server's own request id wins over the declared header, as at the gateway.
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('fills an agency error shape: about:blank for a status without a Portico type, no relative instance where a URI is required', async () => {
    const { app } = await serve(fixture, { validateResponses: true });
    const res = await request(app).get('/pratiche/1').set('Prefer', 'code=409');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'The request conflicts with the current state of the resource.' });
    expect(res.body.instance).toBeUndefined();
  });
});
