// Interface language: ?lang= switch, then the cookie, then Accept-Language (q-values honoured), English by default.
import { describe, expect, it } from 'vitest';
import { negotiateLanguage, parseAcceptLanguage, readCookie } from '../../../src/catalog/i18n.js';
import { STRINGS } from '../../../src/catalog/strings.js';

describe('parseAcceptLanguage', () => {
  it.each([
    ['it-IT,it;q=0.9,en;q=0.8', 'it'],
    ['fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5', 'fr'],
    ['de-DE,de;q=0.9,fr;q=0.8,it;q=0.7', 'fr'],
    ['en;q=0.2, it;q=0.8', 'it'],
    ['it;q=0, fr;q=0.1', 'fr'],
    ['de, *', undefined],
    ['', undefined],
    ['garbage;;;q=x', undefined],
  ])('%j → %j', (header, expected) => {
    expect(parseAcceptLanguage(header)).toBe(expected);
  });
});

describe('negotiateLanguage', () => {
  it('the switch wins and is to be remembered', () => {
    expect(negotiateLanguage({ query: 'fr', cookie: 'it', acceptLanguage: 'en' })).toEqual({ lang: 'fr', switched: true });
  });

  it('then the remembered choice, then the browser, then English', () => {
    expect(negotiateLanguage({ cookie: 'it', acceptLanguage: 'fr' })).toEqual({ lang: 'it', switched: false });
    expect(negotiateLanguage({ acceptLanguage: 'fr-FR' })).toEqual({ lang: 'fr', switched: false });
    expect(negotiateLanguage({ acceptLanguage: 'ja' })).toEqual({ lang: 'en', switched: false });
    expect(negotiateLanguage({})).toEqual({ lang: 'en', switched: false });
  });

  it('ignores unsupported switch and cookie values', () => {
    expect(negotiateLanguage({ query: 'de', cookie: '<script>', acceptLanguage: 'it' })).toEqual({ lang: 'it', switched: false });
    expect(negotiateLanguage({ query: ['fr'] })).toEqual({ lang: 'en', switched: false });
  });
});

describe('readCookie', () => {
  it('finds one cookie among others', () => {
    expect(readCookie('a=1; portico_lang=it; b=2', 'portico_lang')).toBe('it');
    expect(readCookie('xportico_lang=fr', 'portico_lang')).toBeUndefined();
    expect(readCookie(undefined, 'portico_lang')).toBeUndefined();
  });
});

describe('strings', () => {
  it('every language has every string, none empty', () => {
    const keys = Object.keys(STRINGS.en).sort();
    for (const lang of ['it', 'fr'] as const) {
      expect(Object.keys(STRINGS[lang]).sort()).toEqual(keys);
      for (const [key, value] of Object.entries(STRINGS[lang])) if (typeof value === 'string') expect(value, `${lang}.${key}`).not.toBe('');
    }
  });
});
