// Which interface language a request gets: `?lang=` (the switch), then the remembered choice (cookie), then Accept-Language.
// Pure: the adapter passes the three values in and sets the cookie when the switch was used.

export const LANGS = ['it', 'fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';
export const LANG_COOKIE = 'portico_lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** RFC 9110 §12.5.4: ranges by descending q (stable for ties); `*` and q=0 ranges never choose. */
export function parseAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { primary: range.trim().toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0 && r.primary !== '' && r.primary !== '*')
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranges.map((r) => r.primary).find(isLang);
}

export interface LanguageInput {
  /** The `lang` query parameter, when present. */
  query?: unknown;
  /** The language cookie's value, when present. */
  cookie?: string;
  acceptLanguage?: string;
}

export interface LanguageChoice {
  lang: Lang;
  /** True when the switch (`?lang=`) chose: the adapter remembers it in the cookie. */
  switched: boolean;
}

export function negotiateLanguage(input: LanguageInput): LanguageChoice {
  if (isLang(input.query)) return { lang: input.query, switched: true };
  if (isLang(input.cookie)) return { lang: input.cookie, switched: false };
  return { lang: parseAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LANG, switched: false };
}

/** The value of one cookie in a Cookie header (no cookie library for one name). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at !== -1 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}
