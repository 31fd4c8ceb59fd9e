// The demo sandbox, through the gateway with the repo's config/ and a self-service sandbox token, answers like
// production: about the company or person asked for, with consistent identifiers, and with errors that say what
// happened; every body still matches its schema (validateResponses) and the same request gets the same bytes.
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { isValidSiret, tvaKey } from '../../../src/mock/identifiers/siren-siret.js';
import { loadMockEngines } from '../../../src/mock/load-mock-engines.js';
import { createMockHandler } from '../../../src/mock/mock-handler.js';
import { loadRegistry } from '../../../src/registry/load-registry.js';
import { buildTokenGateway, type TokenGateway } from '../../helpers/token-kit.js';

const CONFIG_DIR = path.resolve(import.meta.dirname, '../../../config');
const UNUSED_UPSTREAM = 'http://127.0.0.1:9';

let gw: TokenGateway;
let token: string;

beforeAll(async () => {
  const config = loadConfig(CONFIG_DIR, { IMPRESE_UPSTREAM_URL: UNUSED_UPSTREAM, ANAGRAFE_UPSTREAM_URL: UNUSED_UPSTREAM, INDIRIZZI_UPSTREAM_URL: UNUSED_UPSTREAM });
  const { registry } = await loadRegistry(config);
  const engines = loadMockEngines(registry, { mocksDir: path.resolve(CONFIG_DIR, '../mocks'), defaultLocale: 'en', validateResponses: true });
  gw = await buildTokenGateway({ registry, sandbox: createMockHandler(engines) });
  token = (await request(gw.app).post('/sandbox/tokens')).body.access_token as string;
});
afterAll(() => gw.close());

const get = (url: string, headers: Record<string, string> = {}) => {
  let pending = request(gw.app).get(url).set('Authorization', `Bearer ${token}`);
  for (const [k, v] of Object.entries(headers)) pending = pending.set(k, v);
  return pending;
};

describe('sandbox answers about what was asked for', () => {
  it('a company by SIREN: that SIREN, its VAT number, a head-office SIRET of that company; same bytes each time', async () => {
    const res = await get('/imprese/v1/unites-legales/552100554');
    expect(res.status).toBe(200);
    expect(res.body.siren).toBe('552100554');
    expect(res.body.tva_intracommunautaire).toBe(`FR${tvaKey('552100554')}552100554`);
    expect(res.body.siret_siege).toMatch(/^552100554\d{5}$/);
    expect(isValidSiret(res.body.siret_siege)).toBe(true);
    expect((await get('/imprese/v1/unites-legales/552100554')).text).toBe(res.text);
  });

  it('an establishment by SIRET: that SIRET, its SIREN and NIC', async () => {
    const res = await get('/imprese/v1/etablissements/55210055400013');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ siret: '55210055400013', siren: '552100554', nic: '00013' });
  });

  it('a list filtered by SIREN: every item belongs to that company; paging as asked', async () => {
    const res = await get('/imprese/v1/etablissements?siren=552100554&page=2&per_page=3');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 2, per_page: 3 });
    for (const e of res.body.results) {
      expect(e.siren).toBe('552100554');
      expect(e.siret).toMatch(/^552100554/);
      expect(e.nic).toBe(e.siret.slice(9));
    }
  });

  it('a resident by codice fiscale: that code, and the sex, birth date and birth place it encodes', async () => {
    const res = await get('/anagrafe/v1/residenti/BNCGLI90C62F205S');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ codiceFiscale: 'BNCGLI90C62F205S', sesso: 'F', dataNascita: '1990-03-22' });
    expect(res.body.luogoNascita).toMatchObject({ comune: 'Milano', codiceCatastale: 'F205', provincia: 'MI', codiceIstat: '015146' });
  });

  it('scenarios are served as written', async () => {
    const res = await get('/anagrafe/v1/residenti/RSSMRA85T10H501O');
    expect(res.body).toMatchObject({ codiceFiscale: 'RSSMRA85T10H501O', nome: 'Mario', cognome: 'Rossi' });
  });
});

describe('sandbox errors say what happened', () => {
  it('Prefer: code=404 gives a problem with that status, its title, a detail and the path called', async () => {
    const res = await get('/imprese/v1/unites-legales/552100554', { Prefer: 'code=404' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      type: 'https://portico.dev/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'No resource matches /imprese/v1/unites-legales/552100554.',
      instance: '/imprese/v1/unites-legales/552100554',
    });
  });

  it('Prefer: code=503 and the 200 status endpoint are coherent too', async () => {
    const down = await get('/anagrafe/v1/residenti/BNCGLI90C62F205S', { Prefer: 'code=503' });
    expect(down.body).toMatchObject({ type: 'https://portico.dev/problems/service-unavailable', status: 503, instance: '/anagrafe/v1/residenti/BNCGLI90C62F205S' });
    const status = await get('/anagrafe/v1/status');
    expect(status.body).toMatchObject({ type: 'about:blank', title: 'OK', status: 200 });
  });

  it('an invalid request gets the API\'s own 400 shape with the violations and coherent members', async () => {
    const res = await get('/imprese/v1/unites-legales/55210055');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'https://portico.dev/problems/bad-request', status: 400, instance: '/imprese/v1/unites-legales/55210055' });
    expect(res.body.detail).toMatch(/^The request does not match the API description: path siren/);
    expect(res.body.violations[0]).toMatchObject({ in: 'path', name: 'siren' });
  });
});
