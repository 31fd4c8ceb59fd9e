// What of a request an answer may repeat: the valid path and query parameters by property name, and the SIREN that a
// SIREN or SIRET parameter names, each with where it applies (path values not in lists, query filters in lists too).
import { normalisePropertyName, recogniseIdentifier } from '../identifiers/recognise-identifier.js';
import type { Locale } from '../types.js';
import type { CheckedParameter } from '../validate-request.js';

export type Scalar = string | number | boolean;

export interface Echo {
  readonly value: Scalar;
  /** Also in the items of lists: a query filter (`?siren=…` lists that company's establishments), never a path value. */
  readonly inLists: boolean;
}

export interface Echoes {
  /** By normalised property name (see normalisePropertyName). */
  readonly byName: ReadonlyMap<string, Echo>;
  /** The SIREN of the company the request is about, from a SIREN or a SIRET parameter. */
  readonly siren: Echo | undefined;
  readonly locale: Locale;
}

// Query parameters that shape a list rather than filter it: repeated at the top (page: 2), never into the items.
const NOT_FILTERS = new Set([
  'q', 'query', 'search', 'text', 'fulltext', 'keyword', 'keywords', 'sort', 'sortby', 'order', 'orderby', 'fields', 'expand', 'include',
  'page', 'pagenumber', 'pagesize', 'perpage', 'size', 'limit', 'offset', 'cursor', 'after', 'before', 'from', 'to', 'start', 'count',
  'pagina', 'numeropagina', 'dimensionepagina', 'nombre', 'format', 'lang', 'locale',
]);

export function collectEchoes(parameters: readonly CheckedParameter[], locale: Locale): Echoes {
  const byName = new Map<string, Echo>();
  // Path parameters first: a query parameter of the same name does not override the resource asked for.
  const ordered = [...parameters.filter((p) => p.in === 'path'), ...parameters.filter((p) => p.in === 'query')];
  for (const p of ordered) {
    if (!isScalar(p.value)) continue;
    const name = normalisePropertyName(p.name);
    if (name === '' || byName.has(name)) continue;
    byName.set(name, { value: p.value, inLists: p.in === 'query' && !NOT_FILTERS.has(name) });
  }
  return { byName, siren: findSiren(ordered, locale), locale };
}

function findSiren(parameters: readonly CheckedParameter[], locale: Locale): Echo | undefined {
  for (const p of parameters) {
    if (typeof p.value !== 'string' || (p.in !== 'path' && p.in !== 'query')) continue;
    const kind = recogniseIdentifier({ name: p.name, locale })[0]?.kind;
    const inLists = p.in === 'query';
    // The parameter's schema already judged the value; a wrong Luhn key still names the company it names.
    if (kind === 'siren' && /^\d{9}$/.test(p.value)) return { value: p.value, inLists };
    if (kind === 'siret' && /^\d{14}$/.test(p.value)) return { value: p.value.slice(0, 9), inLists };
  }
  return undefined;
}

export function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
