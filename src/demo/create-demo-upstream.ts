// Demo upstreams: small express apps answering the three example APIs from the fixed datasets, so that the
// gateway's production route works offline. Each is mounted at the root and also serves `/_demo/echo`.
import express, { type NextFunction, type Request, type Response } from 'express';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem.js';
import { etablissements, indirizzi, residenti, unitesLegales, type Indirizzo } from './demo-data.js';

export type DemoApiId = 'imprese' | 'anagrafe' | 'indirizzi';
export const DEMO_API_IDS: readonly DemoApiId[] = ['imprese', 'anagrafe', 'indirizzi'];

const PROBLEM_BASE = 'https://portico.dev/demo/problems';

type ProblemKind = 'badRequest' | 'notFound' | 'unsupportedMediaType' | 'payloadTooLarge' | 'internal';

// Problem types and titles in each API's language, as its document publishes them.
const FRENCH: Record<ProblemKind, readonly [number, string, string]> = {
  badRequest: [400, 'requete-invalide', 'Requête invalide'],
  notFound: [404, 'introuvable', 'Ressource introuvable'],
  unsupportedMediaType: [415, 'format-non-supporte', 'Format non supporté'],
  payloadTooLarge: [413, 'requete-trop-volumineuse', 'Requête trop volumineuse'],
  internal: [500, 'erreur-interne', 'Erreur interne'],
};
const ITALIAN: Record<ProblemKind, readonly [number, string, string]> = {
  badRequest: [400, 'richiesta-non-valida', 'Richiesta non valida'],
  notFound: [404, 'non-trovato', 'Risorsa non trovata'],
  unsupportedMediaType: [415, 'formato-non-supportato', 'Formato non supportato'],
  payloadTooLarge: [413, 'richiesta-troppo-grande', 'Richiesta troppo grande'],
  internal: [500, 'errore-interno', 'Errore interno'],
};
const LANGUAGE: Record<DemoApiId, Record<ProblemKind, readonly [number, string, string]>> = {
  imprese: FRENCH,
  anagrafe: ITALIAN,
  indirizzi: FRENCH,
};

/** Thrown by handlers for input that breaks the document's parameter rules; becomes a 400 problem. */
class BadInput extends Error {}

function sendProblem(res: Response, apiId: DemoApiId, kind: ProblemKind, detail?: string): void {
  const [status, code, title] = LANGUAGE[apiId][kind];
  const body: Record<string, unknown> = { type: `${PROBLEM_BASE}/${code}`, title, status };
  if (detail !== undefined) body.detail = detail;
  res.status(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** The one value of a query parameter; repeated parameters are refused rather than guessed at. */
function queryValue(req: Request, name: string): string | undefined {
  const value: unknown = (req.query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadInput(`Le paramètre ${name} ne doit apparaître qu'une fois.`);
  return value;
}

function integerParam(req: Request, name: string, min: number, max: number, fallback: number): number {
  const raw = queryValue(req, name);
  if (raw === undefined) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) throw new BadInput(`Le paramètre ${name} doit être un entier entre ${min} et ${max}.`);
  return value;
}

function numberParam(req: Request, name: string, min: number, max: number): number {
  const raw = queryValue(req, name);
  if (raw === undefined) throw new BadInput(`Le paramètre ${name} est obligatoire.`);
  const value = /^-?\d{1,3}(\.\d{1,15})?$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) throw new BadInput(`Le paramètre ${name} doit être un nombre entre ${min} et ${max}.`);
  return value;
}

// ---------------------------------------------------------------- imprese

const SIREN = /^\d{9}$/;
const SIRET = /^\d{14}$/;

function impreseRoutes(router: express.Router): void {
  router.get('/unites-legales/:siren', (req, res) => {
    const siren = req.params.siren;
    if (!SIREN.test(siren)) throw new BadInput('Le SIREN doit comporter exactement 9 chiffres.');
    const found = unitesLegales.find((u) => u.siren === siren);
    if (found === undefined) return sendProblem(res, 'imprese', 'notFound', `Aucune unité légale ne porte le SIREN ${siren}.`);
    res.json(found);
  });

  router.get('/etablissements/:siret', (req, res) => {
    const siret = req.params.siret;
    if (!SIRET.test(siret)) throw new BadInput('Le SIRET doit comporter exactement 14 chiffres.');
    const found = etablissements.find((e) => e.siret === siret);
    if (found === undefined) return sendProblem(res, 'imprese', 'notFound', `Aucun établissement ne porte le SIRET ${siret}.`);
    res.json(found);
  });

  router.get('/etablissements', (req, res) => {
    const siren = queryValue(req, 'siren');
    if (siren !== undefined && !SIREN.test(siren)) throw new BadInput('Le SIREN doit comporter exactement 9 chiffres.');
    const page = integerParam(req, 'page', 1, 1000, 1);
    const perPage = integerParam(req, 'per_page', 1, 100, 20);
    const matching = etablissements
      .filter((e) => siren === undefined || e.siren === siren)
      .sort((a, b) => a.siret.localeCompare(b.siret));
    res.json({
      results: matching.slice((page - 1) * perPage, page * perPage),
      total_results: matching.length,
      page,
      per_page: perPage,
      total_pages: Math.ceil(matching.length / perPage),
    });
  });
}

// ---------------------------------------------------------------- anagrafe

const CODICE_FISCALE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const CF_MESSAGE = 'Il codice fiscale deve essere composto da 16 caratteri maiuscoli secondo il formato previsto.';

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleUpperCase('it');
  return norm(a) === norm(b);
}

function findResidente(req: Request, res: Response) {
  const cf = String(req.params.codiceFiscale);
  if (!CODICE_FISCALE.test(cf)) throw new BadInput(CF_MESSAGE);
  const found = residenti.find((r) => r.codiceFiscale === cf);
  if (found === undefined) sendProblem(res, 'anagrafe', 'notFound', `Nessun residente con codice fiscale ${cf}.`);
  return found;
}

function parseRichiestaVerifica(body: unknown): { codiceFiscale: string; cognome: string; nome: string; dataNascita: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadInput('Il corpo della richiesta deve essere un oggetto JSON.');
  }
  const fields = body as Record<string, unknown>;
  const extra = Object.keys(fields).filter((k) => !['codiceFiscale', 'cognome', 'nome', 'dataNascita'].includes(k));
  if (extra.length > 0) throw new BadInput(`Campi non previsti: ${extra.join(', ')}.`);
  const { codiceFiscale, cognome, nome, dataNascita } = fields;
  if (typeof codiceFiscale !== 'string' || !CODICE_FISCALE.test(codiceFiscale)) throw new BadInput(CF_MESSAGE);
  for (const [name, value] of [['cognome', cognome], ['nome', nome]] as const) {
    if (typeof value !== 'string' || value.length < 1 || value.length > 100) {
      throw new BadInput(`Il campo ${name} è obbligatorio (da 1 a 100 caratteri).`);
    }
  }
  if (typeof dataNascita !== 'string' || !isCalendarDate(dataNascita)) {
    throw new BadInput('Il campo dataNascita deve essere una data nel formato AAAA-MM-GG.');
  }
  return { codiceFiscale, cognome: cognome as string, nome: nome as string, dataNascita };
}

function anagrafeRoutes(router: express.Router): void {
  router.get('/status', (_req, res) => {
    res.status(200).type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ type: 'about:blank', title: 'OK', status: 200, detail: 'Il servizio è disponibile.' }));
  });

  router.get('/residenti/:codiceFiscale', (req, res) => {
    const found = findResidente(req, res);
    if (found !== undefined) res.json(found);
  });

  router.get('/residenti/:codiceFiscale/residenza', (req, res) => {
    const found = findResidente(req, res);
    if (found !== undefined) res.json(found.residenza);
  });

  router.post('/verifiche', (req, res, next) => {
    const isJson = req.is('application/json');
    if (isJson === null || req.headers['content-length'] === '0') throw new BadInput('Il corpo della richiesta è obbligatorio.');
    if (isJson === false) return sendProblem(res, 'anagrafe', 'unsupportedMediaType', 'Il corpo della richiesta deve essere application/json.');
    next();
  }, express.json({ limit: '16kb' }), (req, res) => {
    const richiesta = parseRichiestaVerifica(req.body);
    const found = residenti.find((r) => r.codiceFiscale === richiesta.codiceFiscale);
    const esito = found !== undefined && sameName(found.cognome, richiesta.cognome)
      && sameName(found.nome, richiesta.nome) && found.dataNascita === richiesta.dataNascita;
    res.json({
      esito,
      dettaglio: esito
        ? 'I dati indicati corrispondono a quelli registrati in anagrafe.'
        : 'I dati indicati non corrispondono a quelli registrati in anagrafe.',
    });
  });
}

// ---------------------------------------------------------------- indirizzi

const REVERSE_RADIUS_M = 10_000;

function tokens(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^a-z0-9]+/).filter((t) => t !== '');
}

function toFeature(item: Indirizzo, score: number, distance?: number) {
  const { coordinates, ...properties } = item;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [...coordinates] },
    properties: { ...properties, score, ...(distance === undefined ? {} : { distance }) },
  };
}

function featureCollection(features: unknown[], limit: number, extra: Record<string, unknown> = {}) {
  return { type: 'FeatureCollection', version: 'draft', features, attribution: 'BAN', licence: 'ETALAB-2.0', ...extra, limit };
}

function distanceMetres([lon1, lat1]: readonly [number, number], [lon2, lat2]: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2
    + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

function indirizziRoutes(router: express.Router): void {
  router.get('/search', (req, res) => {
    const q = queryValue(req, 'q');
    if (q === undefined || q.length < 3 || q.length > 200 || !/^[0-9A-Za-zÀ-ÖØ-öø-ÿ]/.test(q)) {
      throw new BadInput('Le paramètre q doit comporter entre 3 et 200 caractères et commencer par une lettre ou un chiffre.');
    }
    const limit = integerParam(req, 'limit', 1, 20, 5);
    const postcode = queryValue(req, 'postcode');
    if (postcode !== undefined && !/^\d{5}$/.test(postcode)) throw new BadInput('Le code postal doit comporter 5 chiffres.');
    const wanted = tokens(q);
    const features = indirizzi
      .filter((item) => postcode === undefined || item.postcode === postcode)
      .map((item) => {
        const haystack = tokens(`${item.label} ${item.context}`);
        const matched = wanted.filter((w) => haystack.some((h) => h.startsWith(w))).length;
        const ratio = wanted.length === 0 ? 0 : matched / wanted.length;
        return { item, ratio, score: Math.round(ratio * (0.9 + 0.1 * item.importance) * 1e4) / 1e4 };
      })
      .filter((r) => r.ratio >= 0.5)
      .sort((a, b) => b.score - a.score || a.item.label.localeCompare(b.item.label))
      .slice(0, limit)
      .map((r) => toFeature(r.item, r.score));
    res.json(featureCollection(features, limit, { query: q, filters: postcode === undefined ? {} : { postcode } }));
  });

  router.get('/reverse', (req, res) => {
    const lat = numberParam(req, 'lat', -90, 90);
    const lon = numberParam(req, 'lon', -180, 180);
    const limit = integerParam(req, 'limit', 1, 20, 1);
    const features = indirizzi
      .map((item) => ({ item, distance: distanceMetres([lon, lat], item.coordinates) }))
      .filter((r) => r.distance <= REVERSE_RADIUS_M)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, limit)
      .map((r) => toFeature(r.item, Math.round((1 - r.distance / REVERSE_RADIUS_M) * 1e4) / 1e4, Math.round(r.distance)));
    res.json(featureCollection(features, limit));
  });
}

// ---------------------------------------------------------------- shared

/** `/_demo/echo`: what the upstream received, so the tour and the proxy tests can see what the gateway forwarded. */
function echoRoutes(router: express.Router): void {
  router.all(['/_demo/echo', '/_demo/echo/*rest'], express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
    const body: unknown = req.body;
    res.json({
      method: req.method,
      path: req.path,
      url: req.originalUrl,
      query: req.query,
      headers: req.headers,
      body: Buffer.isBuffer(body) && body.length > 0 ? body.toString('utf8') : null,
    });
  });
}

const ROUTES: Record<DemoApiId, (router: express.Router) => void> = {
  imprese: impreseRoutes,
  anagrafe: anagrafeRoutes,
  indirizzi: indirizziRoutes,
};

export function createDemoUpstream(apiId: DemoApiId): express.Application {
  const routes = ROUTES[apiId];
  if (routes === undefined) throw new Error(`Unknown demo API: ${String(apiId)}`);
  const app = express();
  app.disable('x-powered-by');
  const router = express.Router();
  echoRoutes(router);
  routes(router);
  app.use(router);
  app.use((req, res) => {
    const where = `${req.method} ${req.path}`;
    sendProblem(res, apiId, 'notFound', apiId === 'anagrafe' ? `Nessuna risorsa per ${where}.` : `Aucune ressource pour ${where}.`);
  });
  // Body-parser errors carry a stable `type`; anything else is a bug and leaves no trace in the answer.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof BadInput) return sendProblem(res, apiId, 'badRequest', err.message);
    const type = (err as { type?: unknown } | null)?.type;
    if (type === 'entity.parse.failed') return sendProblem(res, apiId, 'badRequest', apiId === 'anagrafe' ? 'JSON non valido.' : 'JSON invalide.');
    if (type === 'entity.too.large') return sendProblem(res, apiId, 'payloadTooLarge');
    sendProblem(res, apiId, 'internal');
  });
  return app;
}
