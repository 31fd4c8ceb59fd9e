// Search and filters of the home page, from the query string (pure): the server applies them without JavaScript,
// and public/catalog.js applies the same rule in the browser on the data-* attributes written from searchText().
import { ACCESS_MODES, type AccessMode, type CatalogEntry } from './build-catalog.js';
import { markdownToText } from './markdown.js';

export interface CatalogQuery {
  /** Free text; every word must appear (accents and case ignored). */
  q: string;
  agency?: string;
  theme?: string;
  access?: AccessMode;
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface Facets {
  agencies: Facet[];
  themes: Facet[];
  access: Facet[];
}

/** Lower case, no diacritics, single spaces: "Géocodage  Ségur" → "geocodage segur". Mirrored in public/catalog.js. */
export function normaliseText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function firstString(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 200) : undefined;
}

export function parseCatalogQuery(query: Readonly<Record<string, unknown>>): CatalogQuery {
  const access = firstString(query.access);
  const agency = firstString(query.agency);
  const theme = firstString(query.theme);
  return {
    q: firstString(query.q) ?? '',
    ...(agency === undefined ? {} : { agency }),
    ...(theme === undefined ? {} : { theme }),
    ...(access !== undefined && (ACCESS_MODES as readonly string[]).includes(access) ? { access: access as AccessMode } : {}),
  };
}

/** Everything a search word may match, normalised once per entry. */
export function searchText(entry: CatalogEntry): string {
  return normaliseText(
    [entry.id, entry.title, entry.tagline ?? '', entry.agency.name, entry.agency.acronym ?? '', ...entry.themes, ...entry.keywords, markdownToText(entry.description)].join(' '),
  );
}

export function matchesQuery(entry: CatalogEntry, query: CatalogQuery, text: string = searchText(entry)): boolean {
  if (query.agency !== undefined && entry.agency.name !== query.agency) return false;
  if (query.theme !== undefined && !entry.themes.includes(query.theme)) return false;
  if (query.access !== undefined && entry.access.mode !== query.access) return false;
  const words = normaliseText(query.q).split(' ').filter(Boolean);
  return words.every((word) => text.includes(word));
}

export function filterCatalog(entries: readonly CatalogEntry[], query: CatalogQuery): CatalogEntry[] {
  return entries.filter((entry) => matchesQuery(entry, query));
}

function tally(values: string[], label: (value: string) => string): Facet[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].map(([value, count]) => ({ value, label: label(value), count })).sort((a, b) => a.label.localeCompare(b.label));
}

/** The filter choices offered: only values some entry has, so a filter never leads to an empty list by construction. */
export function buildFacets(entries: readonly CatalogEntry[], accessLabel: (mode: AccessMode) => string): Facets {
  const acronyms = new Map(entries.map((e) => [e.agency.name, e.agency.acronym]));
  return {
    agencies: tally(
      entries.map((e) => e.agency.name),
      (name) => (acronyms.get(name) ? `${name} (${acronyms.get(name)})` : name),
    ),
    themes: tally(
      entries.flatMap((e) => [...new Set(e.themes)]),
      (t) => t,
    ),
    access: tally(
      entries.map((e) => e.access.mode),
      (m) => accessLabel(m as AccessMode),
    ).sort((a, b) => ACCESS_MODES.indexOf(a.value as AccessMode) - ACCESS_MODES.indexOf(b.value as AccessMode)),
  };
}
