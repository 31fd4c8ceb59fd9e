// Registry + gateway plans → catalogue entries: the plain values both the pages and /catalog.json are made of (pure).
import type { PlanConfig } from '../config/gateway-schema.js';
import { resolvePolicy, type LimitWindow } from '../limits/resolve-policy.js';
import type { RegisteredApi } from '../registry/registry.js';
import { pickTryRequest, type TryRequest } from './pick-try-request.js';

export type AccessMode = 'open' | 'token' | 'enrolment';
export const ACCESS_MODES: readonly AccessMode[] = ['open', 'token', 'enrolment'];

export interface Counts {
  perSecond?: number;
  perMinute?: number;
  perDay?: number;
  perMonth?: number;
}

export interface PlanLimits extends Counts {
  name: string;
  description?: string;
  /** Sandbox tokens always carry the `sandbox` plan; the others are production plans. */
  environment: 'sandbox' | 'production';
}

export interface Organisation {
  name: string;
  acronym?: string;
  url?: string;
  contact?: string;
}

export interface CatalogLinks {
  page: string;
  entry: string;
  openapiJson: string;
  openapiYaml: string;
  reference: string;
  documentation?: string;
  status?: string;
}

export interface CatalogEntry {
  id: string;
  title: string;
  tagline?: string;
  /** Language of the texts above, when the config says. */
  language?: string;
  agency: Organisation;
  partners: Organisation[];
  /** Markdown source. */
  description: string;
  themes: string[];
  keywords: string[];
  access: {
    mode: AccessMode;
    eligibility: string[];
    request?: { url?: string; instructions?: string };
    sandbox: boolean;
  };
  limits: { summary?: string; plans: PlanLimits[]; ceiling?: Counts };
  version: { major: string; document?: string };
  updated?: string;
  /** Where calls go, production and sandbox alike. */
  baseUrl: string;
  links: CatalogLinks;
  reuses: { title: string; url?: string; description?: string }[];
  tryIt?: TryRequest;
}

const FIELD: Record<LimitWindow['name'], keyof Counts> = { second: 'perSecond', minute: 'perMinute', day: 'perDay', month: 'perMonth' };

function countsOf(windows: readonly LimitWindow[]): Counts {
  const counts: Counts = {};
  for (const w of windows) counts[FIELD[w.name]] = w.limit;
  return counts;
}

/** Anonymous callers of an open API count under the `open` plan (pipeline/authenticator), listed first when it is defined. */
const ANONYMOUS_PLAN = 'open';

function planLimits(api: RegisteredApi, plans: Readonly<Record<string, PlanConfig>>): PlanLimits[] {
  const anonymous = api.config.access === 'open' && plans[ANONYMOUS_PLAN] !== undefined && !api.config.plans.includes(ANONYMOUS_PLAN);
  return [...(anonymous ? [ANONYMOUS_PLAN] : []), ...api.config.plans].map((name) => {
    const environment = name === 'sandbox' ? 'sandbox' : 'production';
    // env sandbox leaves the API-wide ceiling out: it is listed once, on its own.
    const windows = resolvePolicy({ plans, plan: name, env: 'sandbox', api: api.config.limits }).filter((w) => w.scope === 'consumer');
    const description = plans[name]?.description;
    return { name, ...(description === undefined ? {} : { description }), environment, ...countsOf(windows) };
  });
}

function documentVersion(api: RegisteredApi): string | undefined {
  const info = api.document.bundled.info as { version?: unknown } | undefined;
  return typeof info?.version === 'string' ? info.version : undefined;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export interface BuildCatalogOptions {
  /** Public base URL of the gateway without a trailing slash (e.g. https://api.example.gov); '' for site-relative links. */
  baseUrl: string;
  plans: Readonly<Record<string, PlanConfig>>;
}

export function buildCatalogEntry(api: RegisteredApi, options: BuildCatalogOptions): CatalogEntry {
  const { config } = api;
  const base = options.baseUrl.replace(/\/+$/, '');
  const ceiling = config.limits?.ceiling;
  const tryIt = config.sandbox.enabled ? pickTryRequest(api.document) : undefined;
  return compact({
    id: api.id,
    title: config.title,
    tagline: config.tagline,
    language: config.language,
    agency: compact({ name: config.agency.name, acronym: config.agency.acronym, url: config.agency.url, contact: config.agency.contact }),
    partners: config.partners.map((p) => compact({ name: p.name, url: p.url })),
    description: config.description,
    themes: [...config.themes],
    keywords: [...config.keywords],
    access: compact({
      mode: config.access,
      eligibility: [...config.eligibility],
      request: config.requestAccess && compact({ url: config.requestAccess.url, instructions: config.requestAccess.instructions }),
      sandbox: config.sandbox.enabled,
    }),
    limits: compact({
      summary: config.limitsSummary,
      plans: planLimits(api, options.plans),
      ceiling: ceiling && Object.keys(ceiling).length > 0 ? compact({ ...ceiling }) : undefined,
    }),
    version: compact({ major: config.version, document: documentVersion(api) }),
    updated: config.updated,
    baseUrl: `${base}/${api.id}/${config.version}`,
    links: compact({
      page: `${base}/apis/${api.id}`,
      entry: `${base}/catalog/${api.id}.json`,
      openapiJson: `${base}/apis/${api.id}/openapi.json`,
      openapiYaml: `${base}/apis/${api.id}/openapi.yaml`,
      reference: `${base}/apis/${api.id}/reference`,
      documentation: config.links.documentation,
      status: config.links.status,
    }),
    reuses: config.reuses.map((r) => compact({ title: r.title, url: r.url, description: r.description })),
    tryIt,
  });
}

export function buildCatalog(apis: readonly RegisteredApi[], options: BuildCatalogOptions): CatalogEntry[] {
  return apis.map((api) => buildCatalogEntry(api, options));
}

/** The downloadable document: the agency's own (with its $refs), its servers pointed at the gateway. */
export function documentForDownload(api: RegisteredApi, baseUrl: string): Record<string, unknown> {
  const base = baseUrl.replace(/\/+$/, '');
  // Rebuilt so `servers` sits after `info`, where readers of the YAML look for it.
  const { openapi, info, servers: _agencyServers, ...rest } = api.document.bundled;
  return { openapi, info, servers: [{ url: `${base}/${api.id}/${api.config.version}`, description: 'Portico' }], ...rest };
}
