// Search and filters of the home page: every word must match (accents and case ignored), filters combine with AND.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, type CatalogEntry } from '../../../src/catalog/build-catalog.js';
import { buildFacets, filterCatalog, normaliseText, parseCatalogQuery } from '../../../src/catalog/filter-catalog.js';
import { PLANS, registeredApi } from './catalog-fixtures.js';

let entries: CatalogEntry[];
const ids = (list: CatalogEntry[]): string[] => list.map((e) => e.id);

beforeAll(async () => {
  const apis = await Promise.all([
    registeredApi({ id: 'imprese', title: 'Répertoire des entreprises', agency: { name: 'Agence A', acronym: 'AA' }, access: 'token', themes: ['entreprises'], keywords: ['siren'] }),
    registeredApi({ id: 'anagrafe', title: 'Anagrafe dei residenti', agency: { name: 'Ente B' }, access: 'enrolment', themes: ['cittadini'], description: 'Per **codice fiscale**.' }, 'anagrafe'),
    registeredApi({ id: 'indirizzi', title: "Recherche d'adresses", agency: { name: 'Agence A', acronym: 'AA' }, access: 'open', themes: ['géographie', 'entreprises'] }, 'indirizzi'),
  ]);
  entries = buildCatalog(apis, { baseUrl: '', plans: PLANS });
});

describe('normaliseText', () => {
  it('folds case, accents and spaces', () => {
    expect(normaliseText('  Géocodage\tSÉGUR  Città ')).toBe('geocodage segur citta');
  });
});

describe('parseCatalogQuery', () => {
  it('reads q, agency, theme and a known access mode; drops the rest', () => {
    expect(parseCatalogQuery({ q: ' siren ', agency: 'Agence A', theme: 'entreprises', access: 'open', other: 'x' })).toEqual({
      q: 'siren',
      agency: 'Agence A',
      theme: 'entreprises',
      access: 'open',
    });
    expect(parseCatalogQuery({ access: 'everything', agency: '', q: ['a', 'b'] })).toEqual({ q: 'a' });
    expect(parseCatalogQuery({ q: { nested: 'object' } })).toEqual({ q: '' });
  });
});

describe('filterCatalog', () => {
  it('returns everything for an empty query', () => {
    expect(ids(filterCatalog(entries, { q: '' }))).toEqual(['imprese', 'anagrafe', 'indirizzi']);
  });

  it('matches words in title, description, keywords and agency, ignoring accents and case', () => {
    expect(ids(filterCatalog(entries, { q: 'REPERTOIRE' }))).toEqual(['imprese']);
    expect(ids(filterCatalog(entries, { q: 'codice fiscale' }))).toEqual(['anagrafe']);
    expect(ids(filterCatalog(entries, { q: 'siren' }))).toEqual(['imprese']);
    expect(ids(filterCatalog(entries, { q: 'aa adresses' }))).toEqual(['indirizzi']);
    expect(ids(filterCatalog(entries, { q: 'nothing-like-this' }))).toEqual([]);
  });

  it('combines agency, theme and access filters', () => {
    expect(ids(filterCatalog(entries, { q: '', agency: 'Agence A' }))).toEqual(['imprese', 'indirizzi']);
    expect(ids(filterCatalog(entries, { q: '', theme: 'entreprises' }))).toEqual(['imprese', 'indirizzi']);
    expect(ids(filterCatalog(entries, { q: '', theme: 'entreprises', access: 'open' }))).toEqual(['indirizzi']);
    expect(ids(filterCatalog(entries, { q: '', agency: 'Ente B', access: 'open' }))).toEqual([]);
  });
});

describe('buildFacets', () => {
  it('offers only the values some API has, with counts', () => {
    const facets = buildFacets(entries, (mode) => mode.toUpperCase());
    expect(facets.agencies).toEqual([
      { value: 'Agence A', label: 'Agence A (AA)', count: 2 },
      { value: 'Ente B', label: 'Ente B', count: 1 },
    ]);
    expect(facets.themes.map((f) => [f.value, f.count])).toEqual([
      ['cittadini', 1],
      ['entreprises', 2],
      ['géographie', 1],
    ]);
    expect(facets.access.map((f) => f.value)).toEqual(['open', 'token', 'enrolment']);
  });
});
