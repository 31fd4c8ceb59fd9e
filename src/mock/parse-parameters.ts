// Decodes OpenAPI parameter serialisations (style + explode) from a request's raw parts into strings, string lists
// or string maps, before coercion to the schema's types. Covers path simple/label/matrix, query form/spaceDelimited/
// pipeDelimited/deepObject, header simple and cookie form.

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';
export type ValueShape = 'primitive' | 'array' | 'object';

export interface ParameterSpec {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly style: string;
  readonly explode: boolean;
  readonly shape: ValueShape;
  /** For exploded form objects, whose properties arrive as top-level query keys: the declared property names. */
  readonly objectKeys: readonly string[];
}

/** A query string as ordered, decoded name/value pairs (repeated names kept). */
export type QueryPairs = readonly (readonly [string, string])[];

export interface RequestParts {
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: QueryPairs;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly cookies: ReadonlyMap<string, string>;
}

export type Decoded = { readonly present: false } | { readonly present: true; readonly value: unknown };

const ABSENT: Decoded = { present: false };

/** Default style per location and the explode default that goes with it (OpenAPI 3 §4.8.12.4). */
export function defaultStyle(location: ParameterLocation): string {
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}

export function parseQueryString(query: string): QueryPairs {
  const text = query.startsWith('?') ? query.slice(1) : query;
  if (text === '') return [];
  const pairs: [string, string][] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decodeComponent(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decodeComponent(part.slice(eq + 1));
    pairs.push([name, value]);
  }
  return pairs;
}

export function parseCookies(header: string | readonly string[] | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  const text = typeof header === 'string' ? header : (header ?? []).join('; ');
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name !== '' && !cookies.has(name)) cookies.set(name, decodeComponent(value, false));
  }
  return cookies;
}

export function decodeParameter(spec: ParameterSpec, parts: RequestParts): Decoded {
  switch (spec.in) {
    case 'path': {
      const raw = parts.pathParams[spec.name];
      return raw === undefined ? ABSENT : present(decodePath(spec, raw));
    }
    case 'header': {
      const raw = parts.headers[spec.name.toLowerCase()];
      if (raw === undefined) return ABSENT;
      const text = typeof raw === 'string' ? raw : raw.join(', ');
      return present(splitDelimited(spec, text.trim(), ','));
    }
    case 'cookie': {
      const raw = parts.cookies.get(spec.name);
      return raw === undefined ? ABSENT : present(splitDelimited(spec, raw, ','));
    }
    case 'query':
      return decodeQuery(spec, parts.query);
  }
}

function decodeQuery(spec: ParameterSpec, query: QueryPairs): Decoded {
  if (spec.style === 'deepObject') {
    const prefix = `${spec.name}[`;
    const entries = query.filter(([name]) => name.startsWith(prefix));
    if (entries.length === 0) return ABSENT;
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [name, value] of entries) setDeep(out, bracketPath(name.slice(spec.name.length)), value);
    return present(plain(out));
  }
  if (spec.shape === 'object' && spec.explode && spec.style === 'form') {
    // Each property is its own key (`?role=admin&name=Alex`): only declared properties can be told apart from other parameters.
    const keys = new Set(spec.objectKeys);
    const entries = query.filter(([name]) => keys.has(name));
    if (entries.length === 0) return ABSENT;
    return present(Object.fromEntries(entries.map(([name]) => [name, (firstValue(query, name) as string)])));
  }
  const values = query.filter(([name]) => name === spec.name).map(([, value]) => value);
  if (values.length === 0) return ABSENT;
  if (spec.shape === 'array') {
    if (spec.explode) return present(values);
    const separator = spec.style === 'spaceDelimited' ? ' ' : spec.style === 'pipeDelimited' ? '|' : ',';
    return present(values.flatMap((v) => (v === '' ? [] : v.split(separator))));
  }
  if (spec.shape === 'object') return present(pairsToObject((values[0] as string).split(',')));
  return present(values[0]);
}

function decodePath(spec: ParameterSpec, raw: string): unknown {
  if (spec.style === 'label') {
    const body = raw.startsWith('.') ? raw.slice(1) : raw;
    if (spec.shape === 'primitive') return body;
    const items = body === '' ? [] : body.split(spec.explode ? '.' : ',');
    return spec.shape === 'array' ? items : spec.explode ? keyValues(items) : pairsToObject(items);
  }
  if (spec.style === 'matrix') {
    const body = raw.startsWith(';') ? raw.slice(1) : raw;
    const segments = body === '' ? [] : body.split(';');
    if (spec.shape === 'object' && spec.explode) return keyValues(segments);
    const values = segments.map((s) => {
      const eq = s.indexOf('=');
      return eq === -1 ? '' : s.slice(eq + 1);
    });
    if (spec.shape === 'primitive') return values[0] ?? '';
    if (spec.shape === 'array') return spec.explode ? values : (values[0] ?? '').split(',').filter((v) => v !== '');
    return pairsToObject((values[0] ?? '').split(','));
  }
  return splitDelimited(spec, raw, ',');
}

/** simple (path, header) and form (cookie) share this comma syntax. */
function splitDelimited(spec: ParameterSpec, raw: string, separator: string): unknown {
  if (spec.shape === 'primitive') return raw;
  const items = raw === '' ? [] : raw.split(separator).map((s) => (spec.in === 'header' ? s.trim() : s));
  if (spec.shape === 'array') return items;
  return spec.explode ? keyValues(items) : pairsToObject(items);
}

/** `k1,v1,k2,v2` → {k1: v1, k2: v2}. */
function pairsToObject(items: readonly string[]): Record<string, string> {
  const entries: [string, string][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) entries.push([items[i] as string, items[i + 1] as string]);
  return Object.fromEntries(entries);
}

/** `k1=v1`, `k2=v2` → {k1: v1, k2: v2}. */
function keyValues(items: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    items.map((item) => {
      const eq = item.indexOf('=');
      return eq === -1 ? [item, ''] : [item.slice(0, eq), item.slice(eq + 1)];
    }),
  );
}

/** `[a][b]` → ['a', 'b']; `[]` segments become list appends. */
function bracketPath(rest: string): string[] {
  const keys: string[] = [];
  const re = /\[([^\]]*)\]/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rest)) !== null) keys.push(m[1] as string);
  return keys;
}

function setDeep(target: Record<string, unknown>, keys: readonly string[], value: string): void {
  let node = target;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    if (last) {
      const existing = node[key];
      if (key === '' || existing !== undefined) {
        // Repeated keys (`a[x]=1&a[x]=2`, `a[x][]=1`) collect into a list.
        node[key === '' ? '' : key] = Array.isArray(existing) ? [...existing, value] : existing === undefined ? [value] : [existing, value];
      } else {
        node[key] = value;
      }
      return;
    }
    const next = node[key];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
      node = next as Record<string, unknown>;
    } else {
      const created = Object.create(null) as Record<string, unknown>;
      node[key] = created;
      node = created;
    }
  });
}

/** Null-prototype maps (safe against `__proto__` keys while building) back to ordinary objects, own properties only. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function firstValue(query: QueryPairs, name: string): string | undefined {
  return query.find(([n]) => n === name)?.[1];
}

function present(value: unknown): Decoded {
  return { present: true, value };
}

/** `+` is a space in query strings (HTML forms); a malformed %-escape is kept as written rather than refused. */
function decodeComponent(text: string, plusIsSpace = true): string {
  const spaced = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
