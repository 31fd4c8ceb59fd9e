// The mock engine plugged into the gateway as its sandbox handler: sandbox principals get mocks, keyed by API id,
// with the operation the route stage matched; the gateway's own headers win over generated ones.
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Authenticator } from '../../../src/pipeline/authenticator.js';
import { createMockEngine } from '../../../src/mock/create-mock-engine.js';
import { createMockHandler } from '../../../src/mock/mock-handler.js';
import { loadScenarios } from '../../../src/mock/load-scenarios.js';
import { loadMockEngines } from '../../../src/mock/load-mock-engines.js';
import { loadOpenApi } from '../../../src/registry/load-openapi.js';
import { createRegisteredApi, createRegistry } from '../../../src/registry/registry.js';
import { apiSchema } from '../../../src/config/api-schema.js';
import { buildTestGateway } from '../../helpers/test-gateway.js';
import { CONFIG_APIS, ROOT } from './mock-helpers.js';

const sandboxAuthenticator: Authenticator = {
  authenticate: async () => ({ consumerId: 'tester', env: 'sandbox', plan: 'sandbox', apis: '*' }),
};

describe('sandbox handler in the gateway', () => {
  it('answers sandbox calls from the API engine, with scenarios, never the upstream', async () => {
    const openapi = path.join(CONFIG_APIS, 'imprese.openapi.yaml');
    const document = await loadOpenApi(openapi);
    const engines = new Map([['imprese', createMockEngine({ document, locale: 'fr', scenarios: loadScenarios(path.join(ROOT, 'mocks/imprese')) })]]);
    const gateway = await buildTestGateway([{ id: 'imprese', openapi, upstreamUrl: 'http://127.0.0.1:9', access: 'token' }], {
      authenticator: sandboxAuthenticator,
      sandbox: createMockHandler(engines, { bodyLimit: 64 }),
    });
    try {
      const res = await request(gateway.app).get('/imprese/v1/unites-legales/552100554');
      expect(res.status).toBe(200);
      expect(res.body.siren).toMatch(/^\d{9}$/);
      expect(res.headers['x-request-id']).toBeDefined();
      expect((await request(gateway.app).get('/imprese/v1/unites-legales/123456782')).status).toBe(404);

      const invalid = await request(gateway.app).get('/imprese/v1/etablissements?page=zero');
      expect(invalid.status).toBe(400);
      expect(invalid.body.violations[0]).toMatchObject({ in: 'query', name: 'page' });

      const problem = await request(gateway.app).get('/imprese/v1/etablissements').set('Prefer', 'code=999');
      expect(problem.status).toBe(422);
      expect(problem.body.instance).toBe(problem.headers['x-request-id']);

      const tooLarge = await request(gateway.app).get('/imprese/v1/etablissements').set('Content-Type', 'application/json').send(JSON.stringify({ a: 'x'.repeat(100) }));
      expect(tooLarge.status).toBe(413);
    } finally {
      gateway.close();
    }
  });

  it('loadMockEngines builds one engine per sandbox-enabled API with its locale, dynamic flag and scenarios', async () => {
    const apis = await Promise.all(
      ['imprese', 'anagrafe'].map(async (id) => {
        const config = apiSchema.parse({
          id,
          title: id,
          version: 'v1',
          agency: { name: 'Test' },
          openapi: `${id}.openapi.yaml`,
          upstream: { url: 'http://127.0.0.1:9' },
          sandbox: { enabled: id === 'imprese', dynamic: false, locale: 'fr' },
        });
        return createRegisteredApi(config, await loadOpenApi(path.join(CONFIG_APIS, `${id}.openapi.yaml`)), 1000);
      }),
    );
    const engines = loadMockEngines(createRegistry(apis), { mocksDir: path.join(ROOT, 'mocks'), defaultLocale: 'en' });
    expect([...engines.keys()]).toEqual(['imprese']);
    const imprese = engines.get('imprese')!;
    // Static (dynamic: false) serves the document's example.
    const res = imprese.respond({ method: 'GET', path: '/unites-legales/552100554', query: '', headers: {} });
    expect(JSON.parse(String(res.body)).denomination).toBe('NUMERIQUE EXEMPLE SERVICES');
    expect(imprese.respond({ method: 'GET', path: '/unites-legales/123456782', query: '', headers: {} }).status).toBe(404);
  });
});
