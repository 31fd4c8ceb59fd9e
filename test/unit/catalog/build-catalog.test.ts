// Registry + plans → catalogue entries: access, limits merged as the limiter merges them, versions, links, the try-it request.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogEntry, documentForDownload, type CatalogEntry } from '../../../src/catalog/build-catalog.js';
import { limitsSummary } from '../../../src/catalog/limits-summary.js';
import { pickTryRequest } from '../../../src/catalog/pick-try-request.js';
import { STRINGS } from '../../../src/catalog/strings.js';
import type { RegisteredApi } from '../../../src/registry/registry.js';
import { PLANS, registeredApi } from './catalog-fixtures.js';

let imprese: RegisteredApi;
let entry: CatalogEntry;

beforeAll(async () => {
  imprese = await registeredApi({
    id: 'imprese',
    title: 'Répertoire des entreprises',
    tagline: 'Par SIREN ou SIRET.',
    language: 'fr',
    access: 'enrolment',
    plans: ['sandbox', 'standard'],
    limits: { plans: { standard: { burst: { perSecond: 5 } } }, ceiling: { perSecond: 100 } },
    eligibility: ['Administrations'],
    requestAccess: { url: 'https://example.org/demande', instructions: 'Remplir le **formulaire**.' },
    reuses: [{ title: 'Marchés', url: 'https://example.org/m', description: 'Préremplit.' }],
    updated: '2025-03-18',
    links: { documentation: 'https://example.org/doc', status: 'https://example.org/status' },
    themes: ['entreprises'],
    keywords: ['siren'],
  });
  entry = buildCatalogEntry(imprese, { baseUrl: 'https://api.example.gouv/', plans: PLANS });
});

describe('buildCatalogEntry', () => {
  it('carries the catalogue fields of the config', () => {
    expect(entry).toMatchObject({
      id: 'imprese',
      title: 'Répertoire des entreprises',
      language: 'fr',
      agency: { name: 'Agence de test' },
      access: { mode: 'enrolment', eligibility: ['Administrations'], request: { url: 'https://example.org/demande' }, sandbox: true },
      reuses: [{ title: 'Marchés', url: 'https://example.org/m', description: 'Préremplit.' }],
      updated: '2025-03-18',
      themes: ['entreprises'],
      keywords: ['siren'],
    });
  });

  it('merges each plan with the API override, field by field, and lists the ceiling on its own', () => {
    expect(entry.limits.plans).toEqual([
      { name: 'sandbox', description: 'Test tokens.', environment: 'sandbox', perSecond: 10, perMinute: 300, perDay: 5000 },
      { name: 'standard', description: 'Production.', environment: 'production', perSecond: 5, perDay: 10000, perMonth: 250000 },
    ]);
    expect(entry.limits.ceiling).toEqual({ perSecond: 100 });
  });

  it('lists the anonymous plan first for an open API when the gateway defines it', async () => {
    const open = buildCatalogEntry(await registeredApi({ id: 'adresses', access: 'open', plans: ['sandbox'] }, 'indirizzi'), { baseUrl: '', plans: PLANS });
    expect(open.limits.plans.map((p) => p.name)).toEqual(['open', 'sandbox']);
    expect(open.limits.ceiling).toBeUndefined();
  });

  it('gives the major and the document versions, and absolute links on the public URL', () => {
    expect(entry.version).toEqual({ major: 'v1', document: '1.0.0' });
    expect(entry.baseUrl).toBe('https://api.example.gouv/imprese/v1');
    expect(entry.links).toEqual({
      page: 'https://api.example.gouv/apis/imprese',
      entry: 'https://api.example.gouv/catalog/imprese.json',
      openapiJson: 'https://api.example.gouv/apis/imprese/openapi.json',
      openapiYaml: 'https://api.example.gouv/apis/imprese/openapi.yaml',
      reference: 'https://api.example.gouv/apis/imprese/reference',
      documentation: 'https://example.org/doc',
      status: 'https://example.org/status',
    });
  });

  it('picks a GET filled with the document’s example values for the try-it request', () => {
    expect(entry.tryIt).toEqual({ operationId: 'getUniteLegale', summary: 'Consulter une unité légale', method: 'GET', path: '/unites-legales/847312253' });
  });

  it('offers no try-it request when the sandbox is off', async () => {
    const off = buildCatalogEntry(await registeredApi({ id: 'off', sandbox: { enabled: false } }), { baseUrl: '', plans: PLANS });
    expect(off.tryIt).toBeUndefined();
    expect(off.access.sandbox).toBe(false);
  });
});

describe('pickTryRequest', () => {
  it('fills required query parameters from examples and skips status probes', async () => {
    const indirizzi = await registeredApi({ id: 'indirizzi' }, 'indirizzi');
    expect(pickTryRequest(indirizzi.document)?.path).toBe('/search?q=20+avenue+de+S%C3%A9gur+Paris');
    const anagrafe = await registeredApi({ id: 'anagrafe' }, 'anagrafe');
    expect(pickTryRequest(anagrafe.document)?.path).toBe('/residenti/RSSMRA85T10H501O');
  });

  it('gives nothing when no GET can be filled', () => {
    expect(pickTryRequest({ operations: [] })).toBeUndefined();
  });
});

describe('limitsSummary', () => {
  it('prefers the producer’s own line', () => {
    expect(limitsSummary({ summary: '50 appels / seconde / IP', plans: [] }, 'fr', STRINGS.fr)).toBe('50 appels / seconde / IP');
  });

  it('otherwise says the plans in the reader’s language', () => {
    expect(limitsSummary(entry.limits, 'en', STRINGS.en)).toBe('sandbox: 10 / second · 300 / minute · 5,000 / day; standard: 5 / second · 10,000 / day · 250,000 / month');
    expect(limitsSummary({ plans: [{ name: 'unlimited', environment: 'production' }] }, 'it', STRINGS.it)).toBe('unlimited: nessun limite');
  });
});

describe('documentForDownload', () => {
  it('keeps the document and its $refs, with servers on the gateway right after info', () => {
    const doc = documentForDownload(imprese, 'https://api.example.gouv');
    expect(Object.keys(doc).slice(0, 3)).toEqual(['openapi', 'info', 'servers']);
    expect(doc.servers).toEqual([{ url: 'https://api.example.gouv/imprese/v1', description: 'Portico' }]);
    expect(JSON.stringify(doc)).toContain('"$ref":"#/components/schemas/');
    expect(doc.paths).toEqual(imprese.document.bundled.paths);
  });
});
