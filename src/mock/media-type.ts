// Media type parsing and classification shared by negotiation, request checks and body rendering.
// Parameters are kept (lower-cased names) because some agencies version their formats with them (`;version=2.1`).

export interface MediaType {
  /** Lower-case `type/subtype`, without parameters. */
  readonly essence: string;
  readonly type: string;
  readonly subtype: string;
  /** Lower-case parameter names; values unquoted, case kept. */
  readonly params: Readonly<Record<string, string>>;
}

/** Lenient: a value without a slash becomes `value/*`-like nonsense rather than an error, so it simply never matches. */
export function parseMediaType(text: string): MediaType {
  const [head = '', ...rest] = splitOutsideQuotes(text, ';');
  const essence = head.trim().toLowerCase();
  const slash = essence.indexOf('/');
  const type = slash === -1 ? essence : essence.slice(0, slash);
  const subtype = slash === -1 ? '' : essence.slice(slash + 1);
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    if (name !== '') params[name] = value;
  }
  return { essence, type, subtype, params };
}

/** JSON and its structured-suffix family (`application/problem+json`, `application/vnd.x+json`, `text/json`). */
export function isJsonMediaType(media: MediaType): boolean {
  return media.subtype === 'json' || media.subtype.endsWith('+json');
}

export function isXmlMediaType(media: MediaType): boolean {
  return media.subtype === 'xml' || media.subtype.endsWith('+xml');
}

/** Splits on a separator that is not inside a quoted string (quoted example names and parameters may contain it). */
export function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted && ch === '\\' && i + 1 < text.length) {
      current += ch + (text[i + 1] as string);
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}
