// The catalogue's HTTP face (express adapter): pages, /catalog.json, OpenAPI downloads and the self-hosted assets,
// each page with helmet's headers and a Content-Security-Policy carrying a fresh nonce.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { MemoryStore } from 'express-rate-limit';
import helmet from 'helmet';
import { stringify as toYaml } from 'yaml';
import type { GatewayConfig } from '../config/gateway-schema.js';
import { createIpRateLimitFactory, type IpRateLimitFactory } from '../limits/ip-rate-limit.js';
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import type { Registry } from '../registry/registry.js';
import { buildCatalog, documentForDownload, type CatalogEntry } from './build-catalog.js';
import { parseCatalogQuery } from './filter-catalog.js';
import { limitsSummary } from './limits-summary.js';
import { LANG_COOKIE, negotiateLanguage, readCookie } from './i18n.js';
import { renderApiPage } from './render-api-page.js';
import { renderHome } from './render-home.js';
import type { PageContext } from './render-layout.js';
import { renderNotFound } from './render-not-found.js';
import { bearerSchemeNames, renderReference } from './render-reference.js';
import { STRINGS } from './strings.js';

export interface CatalogDeps {
  registry: Registry;
  /** Plans, the public URL (tokens.issuer), the sandbox token lifetime and the anonymous per-address limit come from it. */
  gateway: Pick<GatewayConfig, 'plans' | 'tokens'> & { limits?: Pick<GatewayConfig['limits'], 'anonymousPerMinutePerIp'> };
  /** The limits feature's per-address limiter factory; a per-process MemoryStore one when absent. */
  rateLimit?: IpRateLimitFactory;
}

const require = createRequire(import.meta.url);
const PUBLIC_DIR = path.join(import.meta.dirname, 'public');
const YEAR_SECONDS = 365 * 24 * 3600;

function packageRoot(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

type CspValue = (req: unknown, res: unknown) => string;
const nonceSource: CspValue = (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`;

function securityHeaders(framing: 'none' | 'self', relaxedStyles: boolean): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", nonceSource],
        // Scalar (the reference page only) injects <style> elements and style attributes at run time.
        styleSrc: relaxedStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        imgSrc: ["'self'", 'data:', ...(relaxedStyles ? ['blob:'] : [])],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: [framing === 'none' ? "'none'" : "'self'"],
      },
    },
    xFrameOptions: { action: framing === 'none' ? 'deny' : 'sameorigin' },
    // HSTS (with includeSubDomains) is the TLS terminator's decision for the whole domain, not one application's.
    strictTransportSecurity: false,
  });
  return (req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    headers(req, res, next);
  };
}

function pageContext(req: Request, res: Response): PageContext {
  const choice = negotiateLanguage({
    query: req.query.lang,
    cookie: readCookie(req.headers.cookie, LANG_COOKIE),
    acceptLanguage: req.headers['accept-language'],
  });
  if (choice.switched) {
    res.cookie(LANG_COOKIE, choice.lang, { path: '/', maxAge: YEAR_SECONDS * 1000, sameSite: 'lax', httpOnly: true, secure: req.secure });
  }
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query)) if (typeof value === 'string' && key !== 'lang') query.set(key, value);
  return { lang: choice.lang, strings: STRINGS[choice.lang], path: req.path, query, nonce: res.locals.cspNonce as string };
}

function idOf(req: Request): string {
  const id = req.params.id;
  return typeof id === 'string' ? id : '';
}

function sendHtml(res: Response, status: number, body: string): void {
  res.status(status).setHeader('Cache-Control', 'no-cache');
  res.setHeader('Vary', 'Accept-Language, Cookie');
  res.type('text/html; charset=utf-8').send(body);
}

function sendPublic(res: Response, type: string, body: string): void {
  // Public, read-only data: any site or tool may read it from a browser.
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.setHeader('Cache-Control', 'public, max-age=300');
  res.type(type).send(body);
}

function methodNotAllowed(allow: string): RequestHandler {
  return () => {
    throw new ProblemError(problems.methodNotAllowed, `This resource accepts ${allow}.`, { headers: { Allow: allow } });
  };
}

export function createCatalogRoutes(deps: CatalogDeps): Router {
  const { registry, gateway } = deps;
  const publicUrl = gateway.tokens.issuer.replace(/\/+$/, '');
  const pageEntries = buildCatalog(registry.apis, { baseUrl: '', plans: gateway.plans });
  // In JSON the human summary is always there: the producer's own, or one generated in English.
  const jsonEntries = buildCatalog(registry.apis, { baseUrl: publicUrl, plans: gateway.plans }).map((entry) => ({
    ...entry,
    limits: { ...entry.limits, summary: limitsSummary(entry.limits, 'en', STRINGS.en) },
  }));
  const byId = new Map(pageEntries.map((e) => [e.id, e]));
  const catalogJson = JSON.stringify({ catalog: `${publicUrl}/catalog.json`, count: jsonEntries.length, apis: jsonEntries }, null, 2);
  const entryJson = new Map(jsonEntries.map((e) => [e.id, JSON.stringify(e, null, 2)]));
  const documents = new Map(
    registry.apis.map((api) => {
      const doc = documentForDownload(api, publicUrl);
      return [api.id, { json: JSON.stringify(doc, null, 2), yaml: toYaml(doc, { aliasDuplicateObjects: false, lineWidth: 0 }) }];
    }),
  );
  const bearerSchemes = new Map(registry.apis.map((api) => [api.id, bearerSchemeNames(api.document.document)]));
  const sandboxTokenHours = Math.round(gateway.tokens.sandbox.ttlSeconds / 3600);

  const limiter = deps.rateLimit ?? createIpRateLimitFactory({ storeFor: () => new MemoryStore(), clock: Date.now });
  const limit = limiter({ name: 'catalogue', windowMs: 60_000, limit: gateway.limits?.anonymousPerMinutePerIp ?? 1000, what: 'catalogue requests per minute' });
  const page = securityHeaders('none', false);
  const framedPage = securityHeaders('self', true);
  const data = helmet({ contentSecurityPolicy: false, strictTransportSecurity: false });
  const findEntry = (id: string): CatalogEntry => {
    const entry = byId.get(id);
    if (!entry) throw new ProblemError(problems.apiNotFound, `No API is registered as "${id}".`);
    return entry;
  };

  const router = express.Router();
  const assets = { index: false, maxAge: '1h', fallthrough: true, dotfiles: 'ignore' } as const;
  router.use('/assets/bootstrap-italia', data, express.static(path.join(packageRoot('bootstrap-italia'), 'dist'), assets));
  const scalarBundle = require.resolve('@scalar/api-reference/browser/standalone.js');
  router.get('/assets/scalar/standalone.js', data, (_req, res) => res.sendFile(scalarBundle, { maxAge: '1h' }));
  router.use('/assets/catalog', data, express.static(PUBLIC_DIR, assets));

  router.get('/', limit, page, (req, res) => {
    sendHtml(res, 200, renderHome(pageContext(req, res), pageEntries, parseCatalogQuery(req.query)));
  });
  router.get('/apis/:id', limit, page, (req, res) => {
    const entry = byId.get(idOf(req));
    // "apis" is a reserved API id (load-config), so /apis/<anything> is the catalogue's to answer.
    if (entry) sendHtml(res, 200, renderApiPage(pageContext(req, res), { entry, publicUrl, sandboxTokenHours }));
    else sendHtml(res, 404, renderNotFound(pageContext(req, res)));
  });
  router.get('/apis/:id/reference', limit, framedPage, (req, res) => {
    const entry = findEntry(idOf(req));
    sendHtml(res, 200, renderReference(pageContext(req, res), entry, bearerSchemes.get(entry.id) ?? []));
  });
  router.get('/apis/:id/openapi.json', limit, data, (req, res) => {
    findEntry(idOf(req));
    sendPublic(res, 'application/json; charset=utf-8', documents.get(idOf(req))?.json ?? '');
  });
  router.get('/apis/:id/openapi.yaml', limit, data, (req, res) => {
    findEntry(idOf(req));
    sendPublic(res, 'application/yaml; charset=utf-8', documents.get(idOf(req))?.yaml ?? '');
  });
  router.get('/catalog.json', limit, data, (_req, res) => sendPublic(res, 'application/json; charset=utf-8', catalogJson));
  router.get('/catalog/:id.json', limit, data, (req, res) => {
    findEntry(idOf(req));
    sendPublic(res, 'application/json; charset=utf-8', entryJson.get(idOf(req)) ?? '');
  });
  for (const route of ['/catalog.json', '/catalog/:id.json', '/apis/:id/openapi.json', '/apis/:id/openapi.yaml', '/apis/:id/reference']) {
    router.all(route, methodNotAllowed('GET, HEAD'));
  }
  return router;
}
