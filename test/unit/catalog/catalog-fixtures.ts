// Catalogue test fixtures: registered APIs over the repo's real demo documents, including a hostile one whose
// config texts and links try to inject markup and script.
import path from 'node:path';
import { apiSchema, type ApiConfig } from '../../../src/config/api-schema.js';
import { gatewaySchema, type GatewayConfig } from '../../../src/config/gateway-schema.js';
import { loadOpenApi } from '../../../src/registry/load-openapi.js';
import { createRegisteredApi, type RegisteredApi } from '../../../src/registry/registry.js';

const APIS_DIR = path.resolve(import.meta.dirname, '../../../config/apis');

export const PLANS: GatewayConfig['plans'] = gatewaySchema.parse({
  plans: {
    sandbox: { description: 'Test tokens.', burst: { perSecond: 10, perMinute: 300 }, quota: { perDay: 5000 } },
    standard: { description: 'Production.', burst: { perSecond: 20 }, quota: { perDay: 10000, perMonth: 250000 } },
    open: { description: 'Anonymous callers, per address.', burst: { perSecond: 50 } },
  },
}).plans;

export async function registeredApi(fields: Record<string, unknown> & { id: string }, document = 'imprese'): Promise<RegisteredApi> {
  const config: ApiConfig = apiSchema.parse({
    title: fields.id,
    version: 'v1',
    agency: { name: 'Agence de test' },
    openapi: `${document}.openapi.yaml`,
    upstream: { url: 'http://127.0.0.1:9' },
    ...fields,
  });
  return createRegisteredApi(config, await loadOpenApi(path.join(APIS_DIR, `${document}.openapi.yaml`)), 30_000);
}

export const HOSTILE = {
  title: '<script>alert("title")</script>Évil & Co',
  tagline: '"><img src=x onerror=alert(1)>',
  description: [
    'Hello <script>alert("description")</script> **bold**',
    '',
    '[click me](javascript:alert(1)) and [data](data:text/html,<script>alert(2)</script>)',
    '',
    '<img src=x onerror=alert(3)> <a href="javascript:alert(4)">raw</a>',
    '',
    '# Big heading',
  ].join('\n'),
} as const;

/** Fields zod lets through by design (agency.url, links are plain z.url(), which accepts javascript:). */
export async function hostileApi(): Promise<RegisteredApi> {
  return registeredApi({
    id: 'hostile',
    ...HOSTILE,
    agency: { name: '<b>Agency</b>', acronym: '<i>A</i>', url: 'javascript:alert(5)', contact: 'javascript:alert(6)' },
    links: { documentation: 'javascript:alert(7)', status: 'data:text/html,hi' },
    themes: ['<svg onload=alert(8)>'],
    keywords: ['"quoted"'],
    eligibility: ['</li><script>alert(9)</script>'],
    requestAccess: { instructions: '<iframe src="https://evil.example"></iframe>Ask **nicely**' },
    reuses: [{ title: '</script><script>alert(10)</script>', description: '<b>x</b>' }],
  });
}
