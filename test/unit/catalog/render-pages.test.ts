// The pages are pure functions of data: hostile config text stays text, links stay safe, scripts are only ours.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogEntry, type CatalogEntry } from '../../../src/catalog/build-catalog.js';
import { renderApiPage } from '../../../src/catalog/render-api-page.js';
import { renderHome } from '../../../src/catalog/render-home.js';
import { switchHref, type PageContext } from '../../../src/catalog/render-layout.js';
import { renderNotFound } from '../../../src/catalog/render-not-found.js';
import { renderReference, scalarConfiguration } from '../../../src/catalog/render-reference.js';
import { STRINGS } from '../../../src/catalog/strings.js';
import type { Lang } from '../../../src/catalog/i18n.js';
import { HOSTILE, hostileApi, PLANS, registeredApi } from './catalog-fixtures.js';

function ctx(lang: Lang = 'en', path = '/', query = ''): PageContext {
  return { lang, strings: STRINGS[lang], path, query: new URLSearchParams(query), nonce: 'TEST-NONCE' };
}

/** Every real tag of a page (escaped text has no `<`, so what this finds is markup). */
const tags = (page: string): string[] => page.match(/<[a-zA-Z][^>]*>/g) ?? [];

/** Attribute names and values of one tag; values are double-quoted by the html template. */
function attributes(tag: string): [string, string][] {
  return [...tag.matchAll(/\s([a-zA-Z:-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!.toLowerCase(), m[2] ?? '']);
}

function expectNoInjection(page: string): void {
  for (const tag of tags(page)) {
    const name = /^<([a-zA-Z]+)/.exec(tag)![1]!.toLowerCase();
    expect(['img', 'object', 'embed', 'svg'].includes(name) && !tag.startsWith('<svg class="icon'), tag).toBe(false);
    if (name === 'iframe') expect(tag, tag).toContain('id="api-reference"');
    for (const [attribute, value] of attributes(tag)) {
      expect(attribute, tag).not.toMatch(/^on/);
      // The blank favicon is the one data: URL of ours.
      if (['href', 'src', 'action'].includes(attribute) && value !== 'data:,') expect(value, tag).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
    if (name === 'script') expect(tag, tag).toMatch(/^<script (src="\/assets\/[^"]+" nonce="TEST-NONCE" defer|type="application\/json")/);
  }
  expect(page).not.toMatch(/<script>|alert\("(title|description)"\)<\/script>/);
}

let hostile: CatalogEntry;
let friendly: CatalogEntry;

beforeAll(async () => {
  hostile = buildCatalogEntry(await hostileApi(), { baseUrl: '', plans: PLANS });
  friendly = buildCatalogEntry(
    await registeredApi({ id: 'imprese', title: 'Répertoire', language: 'fr', themes: ['entreprises'], plans: ['sandbox'], reuses: [{ title: 'Marchés', url: 'https://example.org/m' }] }),
    { baseUrl: '', plans: PLANS },
  );
});

describe('hostile catalogue fields', () => {
  it('home: escaped, no markup of theirs', () => {
    const page = renderHome(ctx(), [hostile, friendly], { q: '' });
    expectNoInjection(page);
    expect(page).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;Évil &amp; Co');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('API page: escaped text, sanitised Markdown, javascript:/data: links rendered as plain text', () => {
    const page = renderApiPage(ctx('en', '/apis/hostile'), { entry: hostile, publicUrl: 'http://localhost:8080', sandboxTokenHours: 24 });
    expectNoInjection(page);
    expect(page).toContain('<strong>bold</strong>');
    expect(page).toContain('&lt;b&gt;Agency&lt;/b&gt;');
    expect(page).toContain('javascript:alert(5)'); // shown as text, never as an href
    expect(page).not.toContain('evil.example');
    expect(page).toContain('&lt;/li&gt;&lt;script&gt;alert(9)&lt;/script&gt;');
  });

  it('reference page: the Scalar configuration is an inert data block that parses back intact', () => {
    const page = renderReference(ctx(), hostile, ['bearerAuth']);
    expectNoInjection(page);
    const block = /<script type="application\/json" id="scalar-configuration"[^>]*>([^<]*)<\/script>/.exec(page);
    expect(block).not.toBeNull();
    expect(JSON.parse(block![1]!)).toEqual(scalarConfiguration(hostile));
    expect(scalarConfiguration(hostile).metaData).toEqual({ title: HOSTILE.title });
  });
});

describe('home page', () => {
  it('is a labelled GET form with the filters, a live count, and cards hidden server-side when filtered', () => {
    const page = renderHome(ctx('fr', '/', 'theme=entreprises'), [hostile, friendly], { q: '', theme: 'entreprises' });
    expect(page).toMatch(/<html lang="fr">/);
    expect(page).toMatch(/<form method="get" action="\/" role="search"/);
    for (const id of ['q', 'agency', 'theme', 'access']) expect(page).toContain(`<label for="${id}"`);
    expect(page).toMatch(/<p id="results-count"[^>]*role="status"[^>]*>1 API<\/p>/);
    expect(page).toMatch(/<li class="[^"]*portico-api" [^>]*data-access="token" hidden>/);
    expect(page).toMatch(/<option value="entreprises" selected>/);
    expect(page).toContain('<h2 class="card-title h4" lang="fr"><a href="/apis/imprese">Répertoire</a></h2>');
    expect(page).toContain('class="skiplinks"');
    expect(page).toMatch(/<header[\s\S]*<main id="main"[\s\S]*<\/main>[\s\S]*<footer/);
  });

  it('the language switch keeps the search', () => {
    expect(switchHref('/', new URLSearchParams('q=siren&theme=x'), 'it')).toBe('/?q=siren&theme=x&lang=it');
    const page = renderHome(ctx('en', '/', 'q=siren'), [friendly], { q: 'siren' });
    expect(page).toContain('href="/?q=siren&amp;lang=it" lang="it" hreflang="it"');
    expect(page).toContain('hreflang="en" aria-current="true"');
  });

  it('says so when nothing matches', () => {
    const page = renderHome(ctx(), [friendly], { q: 'zzz' });
    expect(page).toMatch(/<p id="no-results" class="callout-text">No API matches this search.<\/p>/);
    expect(page).toMatch(/>0 APIs<\/p>/);
  });
});

describe('API page', () => {
  it('has the try-it box, the framed documentation, downloads and the reuses', () => {
    const page = renderApiPage(ctx('it', '/apis/imprese'), { entry: friendly, publicUrl: 'http://localhost:8080', sandboxTokenHours: 24 });
    expect(page).toContain('data-api-id="imprese" data-base-path="/imprese/v1" data-try-path="/unites-legales/847312253"');
    expect(page).toContain('Ottieni un token di prova');
    expect(page).toContain('<iframe id="api-reference" class="portico-reference" src="/apis/imprese/reference" title="Documentazione tecnica di Répertoire"></iframe>');
    expect(page).toContain('href="/apis/imprese/openapi.json" download="imprese-openapi.json"');
    expect(page).toContain('<a href="https://example.org/m" rel="noopener noreferrer">Marchés</a>');
    expect(page).toContain("curl -s -X POST http://localhost:8080/sandbox/tokens");
    expect(page).toMatch(/<th scope="col">Al secondo<\/th>/);
  });

  it('says when there is no sandbox', async () => {
    const off = buildCatalogEntry(await registeredApi({ id: 'off', sandbox: { enabled: false } }), { baseUrl: '', plans: PLANS });
    const page = renderApiPage(ctx(), { entry: off, publicUrl: '', sandboxTokenHours: 24 });
    expect(page).toContain('This API has no sandbox.');
    expect(page).not.toContain('id="get-token"');
  });
});

describe('not found page', () => {
  it('is a full page in the reader’s language', () => {
    const page = renderNotFound(ctx('fr', '/apis/x'));
    expect(page).toContain('<h1>Page introuvable</h1>');
  });
});
