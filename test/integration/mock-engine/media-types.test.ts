// Non-JSON media types, 204s, form bodies, the document's own 422 shape, static examples and serve-time validation,
// through HTTP on a small OpenAPI 3.1 fixture.
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR, serve, type Served } from './mock-helpers.js';

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('mock media types (OpenAPI 3.1 fixture)', () => {
  let fixture: Served;
  beforeAll(async () => {
    fixture = await serve(path.join(FIXTURE_DIR, 'media-3.1.yaml'));
  });

  it('serves JSON by default and the declared header, but never a declared Content-Type header', async () => {
    const res = await request(fixture.app).get('/report?year=2024&ids=1|2|3&kind=full');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-total-count']).toMatch(/^\d+$/);
    expect(typeof res.body.title).toBe('string');
  });

  it('validates pipe-delimited arrays and enums', async () => {
    const res = await request(fixture.app).get('/report?year=2024&ids=1|x&kind=partial');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.violations).toEqual([
      { in: 'query', name: 'ids', pointer: '/1', message: 'must be integer' },
      { in: 'query', name: 'kind', message: 'must be equal to one of the allowed values' },
    ]);
  });

  it('follows Accept to CSV, XML and PDF', async () => {
    const csv = await request(fixture.app).get('/report?year=2024').set('Accept', 'text/csv');
    expect(csv.headers['content-type']).toBe('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('n,label');
    const xml = await request(fixture.app).get('/report?year=2024').set('Accept', 'application/xml');
    expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<report><title>/);
    const pdf = await request(fixture.app).get('/report?year=2024').set('Accept', 'application/pdf').buffer(true).parse(binary);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('serves binaries as valid files', async () => {
    const png = await request(fixture.app).get('/files/logo').set('Accept', 'image/png').buffer(true).parse(binary);
    expect((png.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
    const zip = await request(fixture.app).get('/files/logo').set('Accept', 'application/zip').buffer(true).parse(binary);
    expect((zip.body as Buffer).readUInt32LE(0)).toBe(0x06054b50);
    const bytes = await request(fixture.app).get('/files/logo').set('Accept', 'application/octet-stream').buffer(true).parse(binary);
    expect((bytes.body as Buffer).length).toBeGreaterThan(0);
  });

  it('answers a response without content with an empty body', async () => {
    const res = await request(fixture.app).delete('/files/logo');
    expect(res.status).toBe(204);
    expect(res.headers['content-type']).toBeUndefined();
    const notFound = await request(fixture.app).get('/report?year=2024').set('Prefer', 'code=404');
    expect(notFound.status).toBe(404);
    expect(notFound.text).toBe('');
  });

  it('refuses a Prefer code the operation does not declare (and has no default for) with a 422 naming the declared', async () => {
    const res = await request(fixture.app).get('/files/logo').set('Prefer', 'code=404');
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.allowed).toEqual(['200']);
  });

  it('uses `default` for a Prefer code that is not declared', async () => {
    const res = await request(fixture.app).get('/report?year=2024').set('Prefer', 'code=503');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(typeof res.body.title).toBe('string');
  });

  it('checks form bodies and answers with the document 422 shape, violations fitted to its items', async () => {
    const ok = await request(fixture.app).post('/uploads').type('form').send('name=report&size=12');
    expect(ok.status).toBe(201);
    const bad = await request(fixture.app).post('/uploads').type('form').send('size=big');
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toBe('application/json');
    expect(bad.body.code).toBe('INVALID');
    expect(bad.body.errors).toEqual([
      { field: '/name', reason: "must have required property 'name'" },
      { field: '/size', reason: 'must be integer' },
    ]);
    expect((await request(fixture.app).post('/uploads').set('Content-Type', 'multipart/form-data; boundary=x').send('--x--')).status).toBe(201);
    expect((await request(fixture.app).post('/uploads').set('Content-Type', 'application/json').send('{}')).status).toBe(415);
  });

  it('static mode serves the first valid example, skipping invalid ones', async () => {
    const staticFixture = await serve(path.join(FIXTURE_DIR, 'media-3.1.yaml'), { dynamic: false });
    const res = await request(staticFixture.app).get('/report?year=2024');
    expect(res.body).toEqual({ title: 'Small', rows: [{ n: 1, label: 'one' }] });
    expect(res.headers['x-total-count']).toBe('3');
    const dynamicAgain = await request(staticFixture.app).get('/report?year=2024').set('Prefer', 'dynamic=true');
    expect(dynamicAgain.body).not.toEqual(res.body);
  });

  it('validateResponses turns a body that breaks its schema into a 500 problem', async () => {
    const checked = await serve(path.join(FIXTURE_DIR, 'media-3.1.yaml'), { validateResponses: true });
    const res = await request(checked.app).get('/report?year=2024').set('Prefer', 'example=invalid');
    expect(res.status).toBe(500);
    expect(res.body.violations.length).toBeGreaterThan(0);
    const unchecked = await request(fixture.app).get('/report?year=2024').set('Prefer', 'example=invalid');
    expect(unchecked.body).toEqual({ title: 42 });
    expect((await request(checked.app).get('/report?year=2024')).status).toBe(200);
  });
});
