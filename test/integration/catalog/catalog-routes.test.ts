// The catalogue through HTTP over the repo's real config/: pages with their security headers, the language switch,
// /catalog.json and the per-API entries, OpenAPI downloads, self-hosted assets, and the API pipeline left untouched.
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogGateway, type CatalogGateway } from '../../helpers/catalog-gateway.js';

const PUBLIC_URL = 'https://api.example.gouv';
let gw: CatalogGateway;

beforeAll(async () => {
  gw = await buildCatalogGateway(PUBLIC_URL);
});
afterAll(() => gw.close());

function csp(res: request.Response): Record<string, string> {
  return Object.fromEntries(
    String(res.headers['content-security-policy'])
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
}

describe('home page', () => {
  it('lists every API, server-rendered, with a strict CSP whose nonce is on every script', async () => {
    const res = await request(gw.app).get('/').expect(200).expect('Content-Type', 'text/html; charset=utf-8');
    for (const title of ['Anagrafe dei residenti (demo)', 'Répertoire des entreprises (démo)', 'Recherche d&#39;adresses (démo)']) expect(res.text).toContain(title);
    const policy = csp(res);
    const nonce = /'nonce-([^']+)'/.exec(policy['script-src'] ?? '')?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(policy['script-src']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy['style-src']).toBe("'self'");
    expect(policy['default-src']).toBe("'self'");
    expect(policy['object-src']).toBe("'none'");
    expect(policy['frame-ancestors']).toBe("'none'");
    expect(policy['connect-src']).toBe("'self'");
    const scripts = res.text.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers.vary).toBe('Accept-Language, Cookie');
  });

  it('a new nonce for every response', async () => {
    const [a, b] = await Promise.all([request(gw.app).get('/'), request(gw.app).get('/')]);
    expect(csp(a)['script-src']).not.toBe(csp(b)['script-src']);
  });

  it('search and filters work from the query string alone', async () => {
    const visible = (html: string): string[] => [...html.matchAll(/<li class="[^"]*portico-api"[^>]*data-access="(\w+)"( hidden)?>/g)].filter((m) => !m[2]).map((m) => m[1]!);
    expect(visible((await request(gw.app).get('/')).text)).toHaveLength(3);
    expect(visible((await request(gw.app).get('/?q=geocodage')).text)).toEqual(['open']);
    expect(visible((await request(gw.app).get('/?access=enrolment')).text)).toEqual(['enrolment']);
    expect(visible((await request(gw.app).get('/').query({ agency: 'Agence de démonstration' })).text).sort()).toEqual(['open', 'token']);
    expect(visible((await request(gw.app).get('/').query({ theme: 'entreprises', q: 'SIREN' })).text)).toEqual(['token']);
    const none = await request(gw.app).get('/?q=nothing-matches-this');
    expect(visible(none.text)).toEqual([]);
    expect(none.text).toMatch(/<p id="no-results" class="callout-text">/);
  });
});

describe('interface language', () => {
  it('follows Accept-Language', async () => {
    const it_ = await request(gw.app).get('/').set('Accept-Language', 'it-IT,it;q=0.9,en;q=0.5');
    expect(it_.text).toContain('<html lang="it">');
    expect(it_.text).toContain('Catalogo delle API');
    const fr = await request(gw.app).get('/').set('Accept-Language', 'de-DE,fr;q=0.5');
    expect(fr.text).toContain('Catalogue d’API');
    expect((await request(gw.app).get('/')).text).toContain('<html lang="en">');
  });

  it('the switch sets a cookie that later requests follow', async () => {
    const switched = await request(gw.app).get('/apis/imprese?lang=fr').set('Accept-Language', 'it');
    expect(switched.text).toContain('<html lang="fr">');
    const cookie = String(switched.headers['set-cookie']);
    expect(cookie).toMatch(/^portico_lang=fr; Max-Age=31536000; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    const later = await request(gw.app).get('/').set('Cookie', 'portico_lang=fr').set('Accept-Language', 'it');
    expect(later.text).toContain('<html lang="fr">');
    expect(later.headers['set-cookie']).toBeUndefined();
  });
});

describe('API page', () => {
  it('shows every catalogue field of the config', async () => {
    const res = await request(gw.app).get('/apis/imprese').expect(200);
    const page = res.text;
    for (const text of [
      '<h1 lang="fr">Répertoire des entreprises (démo)</h1>',
      'Identité, adresse et état des entreprises',
      'Agence de démonstration',
      '<abbr title="Agence de démonstration">ADEMO</abbr>',
      'href="mailto:api@example.org"',
      'Institut de démonstration de la statistique',
      'Administrations et collectivités territoriales',
      'href="https://example.org/demande-acces/imprese"',
      '<strong>cadre juridique</strong>',
      'Production : 20 appels / seconde',
      '<code>standard</code>',
      '250,000',
      'v1 (1.0.0)',
      '<time datetime="2025-03-18">March 18, 2025</time>',
      '<code>https://api.example.gouv/imprese/v1</code>',
      'href="https://example.org/docs/imprese"',
      'href="https://example.org/status/imprese"',
      'Marchés publics simplifiés (démo)',
      'href="/apis/imprese/openapi.json"',
      'href="/apis/imprese/openapi.yaml"',
      'href="/catalog/imprese.json"',
      'src="/apis/imprese/reference"',
      'data-try-path="/unites-legales/847312253"',
    ]) {
      expect(page, text).toContain(text);
    }
    expect(csp(res)['frame-src']).toBe("'self'");
  });

  it('an unknown API is a 404 page', async () => {
    const res = await request(gw.app).get('/apis/nope').set('Accept-Language', 'it').expect(404);
    expect(res.text).toContain('Pagina non trovata');
  });
});

describe('technical documentation page', () => {
  it('loads the self-hosted Scalar bundle; only this framed page relaxes style-src, never script-src', async () => {
    const res = await request(gw.app).get('/apis/anagrafe/reference').expect(200);
    expect(res.text).toContain('<script src="/assets/scalar/standalone.js"');
    expect(res.text).toContain('data-bearer-schemes="[&quot;bearerAuth&quot;]"');
    const policy = csp(res);
    expect(policy['style-src']).toBe("'self' 'unsafe-inline'");
    expect(policy['script-src']).toMatch(/^'self' 'nonce-[^']+'$/);
    expect(policy['frame-ancestors']).toBe("'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    const config = JSON.parse(/id="scalar-configuration"[^>]*>([^<]*)</.exec(res.text)![1]!);
    expect(config).toMatchObject({ url: '/apis/anagrafe/openapi.json', servers: [{ url: '/anagrafe/v1' }], withDefaultFonts: false, telemetry: false });
  });
});

describe('machine-readable catalogue', () => {
  it('GET /catalog.json lists every API with the page’s fields and absolute links', async () => {
    const res = await request(gw.app).get('/catalog.json').expect(200).expect('Content-Type', 'application/json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const body = res.body as { count: number; catalog: string; apis: Record<string, unknown>[] };
    expect(body.catalog).toBe(`${PUBLIC_URL}/catalog.json`);
    expect(body.count).toBe(3);
    expect(body.apis.map((a) => a.id)).toEqual(['anagrafe', 'imprese', 'indirizzi']);
    for (const api of body.apis) {
      for (const field of ['title', 'tagline', 'agency', 'description', 'themes', 'keywords', 'access', 'limits', 'version', 'updated', 'baseUrl', 'links', 'reuses']) {
        expect(api, `${String(api.id)}.${field}`).toHaveProperty(field);
      }
      expect((api.limits as { summary: string }).summary).not.toBe('');
    }
    const imprese = body.apis.find((a) => a.id === 'imprese')!;
    expect(imprese).toMatchObject({
      access: { mode: 'token', sandbox: true, request: { url: 'https://example.org/demande-acces/imprese' } },
      version: { major: 'v1', document: '1.0.0' },
      updated: '2025-03-18',
      baseUrl: `${PUBLIC_URL}/imprese/v1`,
      links: {
        page: `${PUBLIC_URL}/apis/imprese`,
        openapiJson: `${PUBLIC_URL}/apis/imprese/openapi.json`,
        openapiYaml: `${PUBLIC_URL}/apis/imprese/openapi.yaml`,
        entry: `${PUBLIC_URL}/catalog/imprese.json`,
        status: 'https://example.org/status/imprese',
      },
    });
    const indirizzi = body.apis.find((a) => a.id === 'indirizzi')!;
    expect((indirizzi.limits as { summary: string }).summary).toBe('sandbox: 10 / second · 300 / minute · 5,000 / day; open: 50 / second');
  });

  it('GET /catalog/<id>.json is the same entry; an unknown id is a 404 problem', async () => {
    const all = (await request(gw.app).get('/catalog.json')).body as { apis: { id: string }[] };
    for (const api of all.apis) expect((await request(gw.app).get(`/catalog/${api.id}.json`).expect(200)).body).toEqual(api);
    const missing = await request(gw.app).get('/catalog/nope.json').expect(404).expect('Content-Type', /application\/problem\+json/);
    expect(missing.body).toMatchObject({ status: 404, type: 'https://portico.dev/problems/api-not-found' });
  });

  it('other methods get a 405 with Allow', async () => {
    const res = await request(gw.app).post('/catalog.json').expect(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });
});

describe('OpenAPI downloads', () => {
  it('JSON and YAML at stable URLs, the same document, servers pointing at the gateway', async () => {
    const json = await request(gw.app).get('/apis/imprese/openapi.json').expect(200).expect('Content-Type', 'application/json; charset=utf-8');
    const yaml = await request(gw.app).get('/apis/imprese/openapi.yaml').expect(200).expect('Content-Type', 'application/yaml; charset=utf-8');
    expect(parseYaml(yaml.text)).toEqual(json.body);
    expect(json.body.servers).toEqual([{ url: `${PUBLIC_URL}/imprese/v1`, description: 'Portico' }]);
    expect(Object.keys(json.body.paths)).toEqual(['/unites-legales/{siren}', '/etablissements/{siret}', '/etablissements']);
    expect(json.body.info.title).toBe('Répertoire des entreprises (démo)');
    await request(gw.app).get('/apis/nope/openapi.json').expect(404);
  });
});

describe('self-hosted assets', () => {
  it.each([
    ['/assets/bootstrap-italia/css/bootstrap-italia.min.css', /text\/css/],
    ['/assets/bootstrap-italia/svg/sprites.svg', /image\/svg\+xml/],
    ['/assets/bootstrap-italia/fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-regular.woff2', /font\/woff2/],
    ['/assets/scalar/standalone.js', /javascript/],
    ['/assets/catalog/catalog.js', /javascript/],
    ['/assets/catalog/api-page.js', /javascript/],
    ['/assets/catalog/catalog.css', /text\/css/],
  ])('%s', async (url, type) => {
    const res = await request(gw.app).get(url).expect(200);
    expect(res.headers['content-type']).toMatch(type);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('nothing outside the asset folders', async () => {
    for (const url of ['/assets/catalog/../routes.ts', '/assets/catalog/%2e%2e/routes.ts', '/assets/bootstrap-italia/../package.json']) {
      const res = await request(gw.app).get(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(res.text, url).not.toContain('createCatalogRoutes');
    }
  });
});

describe('the API pipeline is untouched', () => {
  it('API calls keep their problems, without the pages’ CSP', async () => {
    const res = await request(gw.app).get('/imprese/v1/unites-legales/847312253').expect(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['content-security-policy']).toBeUndefined();
  });

  it('a sandbox token is answered with mock data on the production URL', async () => {
    const token = (await request(gw.app).post('/sandbox/tokens').send({ apis: ['imprese'] }).expect(201)).body.access_token as string;
    const res = await request(gw.app).get('/imprese/v1/unites-legales/847312253').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body.siren).toBe('847312253');
  });
});
