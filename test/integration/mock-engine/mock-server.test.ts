// The standalone mock server through HTTP on the demo APIs' real documents: generation, validation, Prefer,
// negotiation, scenarios, determinism and the problems it answers with.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { createMockEngine } from '../../../src/mock/create-mock-engine.js';
import { loadScenarios } from '../../../src/mock/load-scenarios.js';
import { loadOpenApi } from '../../../src/registry/load-openapi.js';
import { CONFIG_APIS, ROOT, responseSchema, serve, violationsOf, type Served } from './mock-helpers.js';

describe('mock server on imprese (OpenAPI 3.0)', () => {
  let imprese: Served;
  beforeAll(async () => {
    imprese = await serve(path.join(CONFIG_APIS, 'imprese.openapi.yaml'), { locale: 'fr', seed: 'test' });
  });

  it('generates a valid 200 with its declared headers', async () => {
    const res = await request(imprese.app).get('/unites-legales/552100554');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(violationsOf(imprese.document, responseSchema(imprese.document, 'getUniteLegale', '200', 'application/json'), res.body)).toEqual([]);
    expect(Number(res.headers['x-ratelimit-limit'])).toBeGreaterThanOrEqual(0);
    expect(res.headers['x-ratelimit-reset']).toMatch(/^\d+$/);
    // The whole head is written at once: framing and the request id are there.
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('repeats a request id it was sent, on answers and on problems', async () => {
    const ok = await request(imprese.app).get('/unites-legales/552100554').set('X-Request-ID', 'trace-12345678');
    expect(ok.headers['x-request-id']).toBe('trace-12345678');
    const missing = await request(imprese.app).get('/nowhere').set('X-Request-ID', 'trace-87654321');
    expect(missing.status).toBe(404);
    expect(missing.headers['x-request-id']).toBe('trace-87654321');
  });

  it('is deterministic: same request, same bytes; another id, other data', async () => {
    const a = await request(imprese.app).get('/etablissements?per_page=5&page=2');
    const b = await request(imprese.app).get('/etablissements?page=2&per_page=5');
    expect(a.text).toBe(b.text);
    const c = await request(imprese.app).get('/unites-legales/552100554');
    const d = await request(imprese.app).get('/unites-legales/732829320');
    expect(c.text).not.toBe(d.text);
    const reseeded = await serve(path.join(CONFIG_APIS, 'imprese.openapi.yaml'), { locale: 'fr', seed: 'other' });
    expect((await request(reseeded.app).get('/unites-legales/552100554')).text).not.toBe(c.text);
  });

  it('answers an invalid request with the document 400 shape, carrying the violations', async () => {
    const res = await request(imprese.app).get('/unites-legales/12AB');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.status).toBe(400);
    expect(res.body.violations).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'path', name: 'siren' })]),
    );
    expect(violationsOf(imprese.document, responseSchema(imprese.document, 'getUniteLegale', '400', 'application/problem+json'), res.body)).toEqual([]);
  });

  it('refuses garbage in typed query parameters', async () => {
    const res = await request(imprese.app).get('/etablissements?page=not-a-number&per_page=1000');
    expect(res.status).toBe(400);
    expect(res.body.violations.map((v: { name: string }) => v.name)).toEqual(['page', 'per_page']);
  });

  it('serves Prefer code, example and dynamic', async () => {
    const notFound = await request(imprese.app).get('/unites-legales/552100554').set('Prefer', 'code=404');
    expect(notFound.status).toBe(404);
    expect(notFound.headers['content-type']).toMatch(/^application\/problem\+json/);

    const example = await request(imprese.app).get('/unites-legales/552100554').set('Prefer', 'example=active');
    expect(example.body.denomination).toBe('NUMERIQUE EXEMPLE SERVICES');
    // A named example is served exactly as written.
    expect(example.body.siren).toBe('847312253');

    // Static mode serves the document's example, about the company asked for: its SIREN, SIRET and VAT number.
    const staticMode = await request(imprese.app).get('/unites-legales/552100554').set('Prefer', 'dynamic=false');
    expect(staticMode.body).toMatchObject({ siren: '552100554', denomination: 'NUMERIQUE EXEMPLE SERVICES', tva_intracommunautaire: 'FR96552100554' });
    expect(staticMode.body.siret_siege).toMatch(/^552100554\d{5}$/);
    expect(staticMode.headers['x-ratelimit-limit']).toBe('250');

    const fromDefault = await request(imprese.app).get('/unites-legales/552100554').set('Prefer', 'code=500');
    expect(fromDefault.status).toBe(500);
  });

  it('answers a bad Prefer with a 422 problem naming the allowed values', async () => {
    // listEtablissements declares no 404, but its `default` covers any code.
    expect((await request(imprese.app).get('/etablissements').set('Prefer', 'code=404')).status).toBe(404);
    const example = await request(imprese.app).get('/unites-legales/552100554').set('Prefer', 'example=nope');
    expect(example.status).toBe(422);
    expect(example.body.allowed).toEqual(['active']);
    expect((await request(imprese.app).get('/etablissements').set('Prefer', 'dynamic=maybe')).status).toBe(422);
  });

  it('negotiates: 406 problem when Accept fits no declared type', async () => {
    const res = await request(imprese.app).get('/etablissements').set('Accept', 'text/csv');
    expect(res.status).toBe(406);
    expect(res.body.allowed).toEqual(['application/json']);
    expect((await request(imprese.app).get('/etablissements').set('Accept', 'text/html, application/*;q=0.2')).status).toBe(200);
  });

  it('answers unknown paths and methods with 404 and 405 problems', async () => {
    const missing = await request(imprese.app).get('/nothing/here');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    const wrong = await request(imprese.app).delete('/etablissements');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, HEAD');
  });

  it('answers HEAD without a body', async () => {
    const res = await request(imprese.app).head('/etablissements');
    expect(res.status).toBe(200);
    expect(res.text ?? '').toBe('');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-request-id']).toBeDefined();
  });
});

describe('scenarios', () => {
  it('loads the demo scenario files and answers the known identifiers', async () => {
    const imprese = await serve(path.join(CONFIG_APIS, 'imprese.openapi.yaml'), { scenarios: loadScenarios(path.join(ROOT, 'mocks/imprese')) });
    const unknown = await request(imprese.app).get('/unites-legales/123456782');
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('Aucune unité légale ne porte le SIREN 123456782.');
    expect(unknown.headers['content-type']).toBe('application/problem+json');
    const known = await request(imprese.app).get('/unites-legales/847312253');
    expect(known.body).toMatchObject({ siren: '847312253', denomination: 'NUMERIQUE EXEMPLE SERVICES' });
    expect((await request(imprese.app).get('/etablissements?siren=123456782')).body.results).toEqual([]);
    // An explicit Prefer wins over a scenario.
    expect((await request(imprese.app).get('/unites-legales/123456782').set('Prefer', 'code=200')).status).toBe(200);

    const anagrafe = await serve(path.join(CONFIG_APIS, 'anagrafe.openapi.yaml'), { scenarios: loadScenarios(path.join(ROOT, 'mocks/anagrafe')) });
    expect((await request(anagrafe.app).get('/residenti/VRDGPP80A01H501U')).status).toBe(404);
    expect((await request(anagrafe.app).get('/residenti/VRDGPP80A01H501U/residenza')).status).toBe(404);
    expect((await request(anagrafe.app).get('/residenti/RSSMRA85T10H501O/residenza')).body.cap).toBe('00186');
    const negative = await request(anagrafe.app)
      .post('/verifiche')
      .send({ codiceFiscale: 'VRDGPP80A01H501U', cognome: 'Verdi', nome: 'Giuseppe', dataNascita: '1980-01-01' });
    expect(negative.body).toEqual({ esito: false, dettaglio: 'I dati indicati non corrispondono a quelli registrati in anagrafe.' });
  });

  it('refuses at start-up a scenario whose body violates its schema, naming the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portico-scenarios-'));
    writeFileSync(
      path.join(dir, 'bad.yaml'),
      'scenarios:\n  - operation: getUniteLegale\n    when: { path: { siren: "123456782" } }\n    status: 200\n    body: { siren: "12" }\n',
    );
    writeFileSync(path.join(dir, 'typo.yaml'), 'scenarios:\n  - operation: getUniteLegale\n    stauts: 404\n');
    let thrown: unknown;
    try {
      loadScenarios(dir);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).message).toContain(path.join(dir, 'typo.yaml'));

    writeFileSync(path.join(dir, 'typo.yaml'), 'scenarios: []\n');
    const document = await loadOpenApi(path.join(CONFIG_APIS, 'imprese.openapi.yaml'));
    try {
      createMockEngine({ document, locale: 'fr', scenarios: loadScenarios(dir) });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as ConfigError).message;
      expect(message).toContain(path.join(dir, 'bad.yaml'));
      expect(message).toContain('scenarios[0].body');
      expect(message).toMatch(/\/denomination must have required property 'denomination'.*\(\+\d+ more\)/);
    }
  });
});

describe('mock server on anagrafe: JSON request bodies', () => {
  let anagrafe: Served;
  beforeAll(async () => {
    anagrafe = await serve(path.join(CONFIG_APIS, 'anagrafe.openapi.yaml'), { locale: 'it' });
  });
  const valid = { codiceFiscale: 'RSSMRA85T10H501O', cognome: 'Rossi', nome: 'Mario', dataNascita: '1985-12-10' };

  it('accepts a valid body and answers from the schema', async () => {
    const res = await request(anagrafe.app).post('/verifiche').send(valid);
    expect(res.status).toBe(200);
    expect(typeof res.body.esito).toBe('boolean');
  });

  it('the same body gives the same answer whatever its key order or spacing', async () => {
    const a = await request(anagrafe.app).post('/verifiche').set('Content-Type', 'application/json').send(JSON.stringify(valid));
    const reordered = { dataNascita: valid.dataNascita, nome: valid.nome, cognome: valid.cognome, codiceFiscale: valid.codiceFiscale };
    const b = await request(anagrafe.app).post('/verifiche').set('Content-Type', 'application/json').send(JSON.stringify(reordered, null, 2));
    expect(a.text).toBe(b.text);
  });

  it('lists body violations with pointers', async () => {
    const res = await request(anagrafe.app).post('/verifiche').send({ ...valid, dataNascita: 'ieri', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'body', pointer: '/dataNascita' }),
        expect.objectContaining({ in: 'body' }),
      ]),
    );
  });

  it('requires the body, refuses malformed JSON, and 415 on an undeclared Content-Type', async () => {
    expect((await request(anagrafe.app).post('/verifiche')).status).toBe(400);
    expect((await request(anagrafe.app).post('/verifiche').set('Content-Type', 'application/json').send('{oops')).status).toBe(400);
    const res = await request(anagrafe.app).post('/verifiche').set('Content-Type', 'text/plain').send('hello');
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.allowed).toEqual(['application/json']);
  });

  it('refuses bodies over the limit with 413', async () => {
    const res = await request(anagrafe.app).post('/verifiche').set('Content-Type', 'application/json').send(JSON.stringify({ pad: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
  });
});

describe('mock server on indirizzi: required and typed query parameters', () => {
  it('400 for a missing required parameter, 200 with it', async () => {
    const { app } = await serve(path.join(CONFIG_APIS, 'indirizzi.openapi.yaml'), { locale: 'fr' });
    const missing = await request(app).get('/search');
    expect(missing.status).toBe(400);
    expect(missing.body.violations).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'query', name: 'q' })]));
    expect((await request(app).get('/search?q=avenue%20de%20S%C3%A9gur&limit=3')).status).toBe(200);
    expect((await request(app).get('/reverse?lat=48.85&lon=north')).status).toBe(400);
  });
});
