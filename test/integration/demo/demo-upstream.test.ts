// The demo upstreams answer every operation of their documents, and every answer validates against the
// document's response schema (Problem included); the documents and their examples are checked as well.
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import request, { type Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoUpstream, DEMO_API_IDS, type DemoApiId } from '../../../src/demo/create-demo-upstream.js';
import {
  etablissements,
  residenti,
  UNKNOWN_CODICE_FISCALE,
  UNKNOWN_SIREN,
  unitesLegales,
} from '../../../src/demo/demo-data.js';
import { startDemoUpstreams } from '../../../src/demo/start-demo-upstreams.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const docPath = (id: DemoApiId): string => fileURLToPath(new URL(`../../../config/apis/${id}.openapi.yaml`, import.meta.url));

const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS: under NodeNext its default import is the module object, at run time the function.
const formats = addFormats as unknown as { default?: typeof addFormats } & typeof addFormats;
(formats.default ?? formats)(ajv);
for (const openApiFormat of ['int32', 'int64', 'float', 'double']) ajv.addFormat(openApiFormat, true);

const docs = {} as Record<DemoApiId, Json>;
const apps = {} as Record<DemoApiId, ReturnType<typeof createDemoUpstream>>;
const validators = new Map<object, ValidateFunction>();
/** `METHOD /path` of each operation answered 2xx and validated, to prove every operation is covered. */
const covered = new Set<string>();

beforeAll(async () => {
  for (const id of DEMO_API_IDS) {
    docs[id] = (await SwaggerParser.dereference(docPath(id))) as Json;
    apps[id] = createDemoUpstream(id);
  }
});

function validatorFor(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

/** Asserts the answer is one the document promises for this operation: status, media type and body schema. */
function expectConforms(id: DemoApiId, method: string, template: string, res: Response): void {
  const operation = docs[id].paths[template]?.[method.toLowerCase()] as Json | undefined;
  expect(operation, `${method} ${template} in ${id}`).toBeDefined();
  const declared = operation!.responses[String(res.status)] ?? operation!.responses.default;
  expect(declared, `${id} ${method} ${template} documents status ${res.status}`).toBeDefined();
  const mediaType = String(res.headers['content-type']).split(';')[0]!.trim();
  const content = declared.content?.[mediaType] as Json | undefined;
  expect(content, `${id} ${method} ${template} ${res.status} documents ${mediaType}`).toBeDefined();
  const validate = validatorFor(content!.schema);
  const valid = validate(res.body);
  expect(validate.errors ?? [], JSON.stringify(res.body)).toEqual([]);
  expect(valid).toBe(true);
  if (res.status < 300) covered.add(`${id} ${method.toUpperCase()} ${template}`);
}

describe('the documents', () => {
  it.each(DEMO_API_IDS)('%s is a valid OpenAPI 3.0.3 document in the agency style', async (id) => {
    const api = (await SwaggerParser.validate(docPath(id))) as Json;
    expect(api.openapi).toBe('3.0.3');
    expect(api.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(api.servers[0].url).toBe(`/${id}/v1`);
    expect(api.components.schemas.Problem).toBeDefined();
    expect(Boolean(api.components.securitySchemes?.bearerAuth)).toBe(id !== 'indirizzi');
    for (const [template, item] of Object.entries(docs[id].paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        const where = `${method.toUpperCase()} ${template}`;
        expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
        expect(op.summary, where).toBeTruthy();
        expect(op.description, where).toBeTruthy();
        for (const param of op.parameters ?? []) expect(param.schema, `${where} ${param.name}`).toBeDefined();
        expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(['200', '429', '503', 'default']));
        expect(op.responses['429'].headers['Retry-After'], where).toBeDefined();
        expect(Object.keys(op.responses['200'].headers), where)
          .toEqual(['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']);
      }
    }
  });

  it.each(DEMO_API_IDS)('every example in %s validates against its schema', (id) => {
    let count = 0;
    for (const item of Object.values(docs[id].paths as Json)) {
      for (const op of Object.values(item as Json)) {
        const media = [op.requestBody, ...Object.values(op.responses)]
          .flatMap((r: Json | undefined) => Object.values((r?.content ?? {}) as Json));
        for (const m of media) {
          const examples = [m.example, ...Object.values((m.examples ?? {}) as Json).map((e: Json) => e.value)];
          for (const example of examples.filter((e) => e !== undefined)) {
            expect(validatorFor(m.schema)(example), JSON.stringify(example)).toBe(true);
            count += 1;
          }
        }
        for (const p of op.parameters ?? []) {
          if (p.example !== undefined) expect(validatorFor(p.schema)(p.example), `${p.name} example`).toBe(true);
        }
      }
    }
    expect(count).toBeGreaterThan(0);
  });
});

describe('imprese upstream', () => {
  it.each(unitesLegales.map((u) => u.siren))('GET /unites-legales/%s', async (siren) => {
    const res = await request(apps.imprese).get(`/unites-legales/${siren}`).expect(200);
    expect(res.body.siren).toBe(siren);
    expectConforms('imprese', 'get', '/unites-legales/{siren}', res);
  });

  it.each(etablissements.map((e) => e.siret))('GET /etablissements/%s', async (siret) => {
    const res = await request(apps.imprese).get(`/etablissements/${siret}`).expect(200);
    expect(res.body.siret).toBe(siret);
    expectConforms('imprese', 'get', '/etablissements/{siret}', res);
  });

  it('answers 404 for unknown and 400 for malformed identifiers, as problems', async () => {
    const cases = [
      ['/unites-legales/' + UNKNOWN_SIREN, 404, '/unites-legales/{siren}'],
      ['/unites-legales/12345', 400, '/unites-legales/{siren}'],
      ['/unites-legales/84731225A', 400, '/unites-legales/{siren}'],
      ['/etablissements/12345678200017', 404, '/etablissements/{siret}'],
      ['/etablissements/847312253', 400, '/etablissements/{siret}'],
    ] as const;
    for (const [path, status, template] of cases) {
      const res = await request(apps.imprese).get(path).expect(status).expect('content-type', /application\/problem\+json/);
      expect(res.body).toMatchObject({ status, type: expect.stringMatching(/^https:\/\//) });
      expectConforms('imprese', 'get', template, res);
    }
  });

  it('lists establishments by SIREN, page by page', async () => {
    const all = await request(apps.imprese).get('/etablissements').expect(200);
    expectConforms('imprese', 'get', '/etablissements', all);
    expect(all.body.total_results).toBe(etablissements.length);

    const first = await request(apps.imprese).get('/etablissements?siren=528763014&per_page=2').expect(200);
    expectConforms('imprese', 'get', '/etablissements', first);
    expect(first.body).toMatchObject({ total_results: 3, page: 1, per_page: 2, total_pages: 2 });
    expect(first.body.results.map((e: Json) => e.siret)).toEqual(['52876301400016', '52876301400024']);

    const second = await request(apps.imprese).get('/etablissements?siren=528763014&per_page=2&page=2').expect(200);
    expect(second.body.results.map((e: Json) => e.siret)).toEqual(['52876301400032']);

    const none = await request(apps.imprese).get(`/etablissements?siren=${UNKNOWN_SIREN}`).expect(200);
    expect(none.body).toMatchObject({ results: [], total_results: 0, total_pages: 0 });
  });

  it.each(['siren=12', 'page=0', 'page=abc', 'per_page=101', 'page=1&page=2'])('refuses /etablissements?%s', async (query) => {
    const res = await request(apps.imprese).get(`/etablissements?${query}`).expect(400);
    expectConforms('imprese', 'get', '/etablissements', res);
  });
});

describe('anagrafe upstream', () => {
  it.each(residenti.map((r) => r.codiceFiscale))('GET /residenti/%s and its residenza', async (cf) => {
    const res = await request(apps.anagrafe).get(`/residenti/${cf}`).expect(200);
    expect(res.body.codiceFiscale).toBe(cf);
    expectConforms('anagrafe', 'get', '/residenti/{codiceFiscale}', res);
    const residenza = await request(apps.anagrafe).get(`/residenti/${cf}/residenza`).expect(200);
    expect(residenza.body).toEqual(res.body.residenza);
    expectConforms('anagrafe', 'get', '/residenti/{codiceFiscale}/residenza', residenza);
  });

  it('answers 404 for an unknown and 400 for a malformed codice fiscale', async () => {
    for (const suffix of ['', '/residenza']) {
      const template = `/residenti/{codiceFiscale}${suffix}`;
      const missing = await request(apps.anagrafe).get(`/residenti/${UNKNOWN_CODICE_FISCALE}${suffix}`).expect(404);
      expect(missing.body.title).toBe('Risorsa non trovata');
      expectConforms('anagrafe', 'get', template, missing);
      for (const bad of ['rssmra85t10h501o', 'RSSMRA85T10H501', 'RSSMRA85Z10H501O']) {
        expectConforms('anagrafe', 'get', template, await request(apps.anagrafe).get(`/residenti/${bad}${suffix}`).expect(400));
      }
    }
  });

  const mario = { codiceFiscale: 'RSSMRA85T10H501O', cognome: 'Rossi', nome: 'Mario', dataNascita: '1985-12-10' };

  it.each([
    ['matching data', mario, true],
    ['names in another case', { ...mario, cognome: 'ROSSI', nome: ' mario ' }, true],
    ['another birth date', { ...mario, dataNascita: '1985-12-11' }, false],
    ['another surname', { ...mario, cognome: 'Bianchi' }, false],
    ['an unknown codice fiscale', { ...mario, codiceFiscale: UNKNOWN_CODICE_FISCALE }, false],
  ])('POST /verifiche with %s', async (_label, body, esito) => {
    const res = await request(apps.anagrafe).post('/verifiche').send(body).expect(200);
    expect(res.body.esito).toBe(esito);
    expectConforms('anagrafe', 'post', '/verifiche', res);
  });

  it.each([
    ['a missing field', JSON.stringify({ codiceFiscale: mario.codiceFiscale, nome: 'Mario', dataNascita: '1985-12-10' })],
    ['an impossible date', JSON.stringify({ ...mario, dataNascita: '1985-02-30' })],
    ['a malformed codice fiscale', JSON.stringify({ ...mario, codiceFiscale: 'XYZ' })],
    ['an unexpected field', JSON.stringify({ ...mario, luogo: 'Roma' })],
    ['an array', '[]'],
    ['broken JSON', '{"codiceFiscale":'],
  ])('POST /verifiche refuses %s with 400', async (_label, raw) => {
    const res = await request(apps.anagrafe).post('/verifiche').set('content-type', 'application/json').send(raw).expect(400);
    expectConforms('anagrafe', 'post', '/verifiche', res);
  });

  it('POST /verifiche answers 415 to another media type and 400 to no body', async () => {
    const text = await request(apps.anagrafe).post('/verifiche').set('content-type', 'text/plain').send('Rossi').expect(415);
    expectConforms('anagrafe', 'post', '/verifiche', text);
    expectConforms('anagrafe', 'post', '/verifiche', await request(apps.anagrafe).post('/verifiche').expect(400));
  });

  it('GET /status answers 200 as problem+json', async () => {
    const res = await request(apps.anagrafe).get('/status').expect(200).expect('content-type', /application\/problem\+json/);
    expectConforms('anagrafe', 'get', '/status', res);
  });
});

describe('indirizzi upstream', () => {
  it('GET /search finds an address, accents and case aside', async () => {
    const res = await request(apps.indirizzi).get('/search').query({ q: '20 AVENUE DE SEGUR paris' }).expect(200);
    expectConforms('indirizzi', 'get', '/search', res);
    expect(res.body.features[0].properties).toMatchObject({ label: '20 Avenue de Ségur 75007 Paris', type: 'housenumber' });
    expect(res.body.features[0].geometry.coordinates).toEqual([2.308642, 48.850626]);
    expect(res.body).toMatchObject({ query: '20 AVENUE DE SEGUR paris', limit: 5 });
  });

  it('GET /search filters by postcode, honours limit and may find nothing', async () => {
    const lyon = await request(apps.indirizzi).get('/search?q=place&postcode=69002').expect(200);
    expectConforms('indirizzi', 'get', '/search', lyon);
    expect(lyon.body.features.map((f: Json) => f.properties.city)).toEqual(['Lyon']);
    expect(lyon.body.filters).toEqual({ postcode: '69002' });

    const places = await request(apps.indirizzi).get('/search?q=place&limit=2').expect(200);
    expect(places.body.features).toHaveLength(2);

    const none = await request(apps.indirizzi).get('/search?q=zzzzzz').expect(200);
    expectConforms('indirizzi', 'get', '/search', none);
    expect(none.body.features).toEqual([]);
  });

  it.each(['', 'q=ab', 'q=%20%20rue', 'q=rue&limit=21', 'q=rue&postcode=7500'])('GET /search?%s answers 400', async (query) => {
    expectConforms('indirizzi', 'get', '/search', await request(apps.indirizzi).get(`/search?${query}`).expect(400));
  });

  it('GET /reverse returns the nearest addresses with their distance', async () => {
    const res = await request(apps.indirizzi).get('/reverse?lat=48.8506&lon=2.3086').expect(200);
    expectConforms('indirizzi', 'get', '/reverse', res);
    expect(res.body.features).toHaveLength(1);
    expect(res.body.features[0].properties.label).toBe('20 Avenue de Ségur 75007 Paris');
    expect(res.body.features[0].properties.distance).toBeLessThan(20);

    const three = await request(apps.indirizzi).get('/reverse?lat=48.8566&lon=2.3522&limit=3').expect(200);
    const distances = three.body.features.map((f: Json) => f.properties.distance as number);
    expect(distances).toHaveLength(3);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);

    const sea = await request(apps.indirizzi).get('/reverse?lat=0&lon=0').expect(200);
    expect(sea.body.features).toEqual([]);
  });

  it.each(['lat=48.85', 'lat=91&lon=2', 'lat=abc&lon=2', 'lat=48.85&lon=2.3&limit=0'])('GET /reverse?%s answers 400', async (query) => {
    expectConforms('indirizzi', 'get', '/reverse', await request(apps.indirizzi).get(`/reverse?${query}`).expect(400));
  });
});

describe('every demo upstream', () => {
  it.each(DEMO_API_IDS)('%s echoes what it received on /_demo/echo', async (id) => {
    const get = await request(apps[id]).get('/_demo/echo/sub/path?a=1&b=x').set('X-Forwarded-For', '10.0.0.1').expect(200);
    expect(get.body).toMatchObject({
      method: 'GET',
      path: '/_demo/echo/sub/path',
      url: '/_demo/echo/sub/path?a=1&b=x',
      query: { a: '1', b: 'x' },
      headers: { 'x-forwarded-for': '10.0.0.1' },
      body: null,
    });
    const post = await request(apps[id]).post('/_demo/echo').set('content-type', 'application/json').send('{"k":1}').expect(200);
    expect(post.body).toMatchObject({ method: 'POST', path: '/_demo/echo', body: '{"k":1}' });
  });

  it.each(DEMO_API_IDS)('%s answers unknown paths with a 404 problem', async (id) => {
    const res = await request(apps[id]).get('/nowhere').expect(404).expect('content-type', /application\/problem\+json/);
    expect(validatorFor(docs[id].components.schemas.Problem)(res.body)).toBe(true);
  });

  it('has answered every documented operation with a valid 2xx', () => {
    const documented = DEMO_API_IDS.flatMap((id) => Object.entries(docs[id].paths as Json)
      .flatMap(([template, item]) => Object.keys(item as Json).map((m) => `${id} ${m.toUpperCase()} ${template}`)));
    expect([...covered].sort()).toEqual(documented.sort());
  });
});

describe('startDemoUpstreams', () => {
  let started: Awaited<ReturnType<typeof startDemoUpstreams>> | undefined;
  afterAll(async () => started?.close());

  it('starts the three upstreams on free ports and closes them cleanly', async () => {
    started = await startDemoUpstreams({ basePort: 0 });
    expect(Object.keys(started.servers)).toEqual(['imprese', 'anagrafe', 'indirizzi']);
    for (const base of Object.values(started.servers)) expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const imprese = await fetch(`${started.servers.imprese}/unites-legales/847312253`);
    expect(((await imprese.json()) as Json).denomination).toBe('NUMERIQUE EXEMPLE SERVICES');
    const echo = await fetch(`${started.servers.indirizzi}/_demo/echo?x=1`, { headers: { connection: 'keep-alive' } });
    expect(((await echo.json()) as Json).query).toEqual({ x: '1' });
    await started.close();
    await started.close(); // idempotent
    await expect(fetch(`${started.servers.anagrafe}/status`)).rejects.toThrow();
    started = undefined;
  });
});
