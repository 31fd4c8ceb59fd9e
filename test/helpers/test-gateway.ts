// Builds a gateway app in one call: a real OpenAPI fixture, a memory store, a captured logger, any authenticator.
import path from 'node:path';
import { createApp, type AppDeps, type Gateway } from '../../src/app.js';
import { apiSchema } from '../../src/config/api-schema.js';
import { gatewaySchema } from '../../src/config/gateway-schema.js';
import { loadOpenApi } from '../../src/registry/load-openapi.js';
import { createRegisteredApi, createRegistry, type RegisteredApi } from '../../src/registry/registry.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { captureLogger, type CapturedLogger } from './capture-logger.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export interface TestApi {
  id: string;
  openapi: string;
  upstreamUrl: string;
  access?: 'open' | 'token' | 'enrolment';
  timeoutMs?: number;
  sandboxEnabled?: boolean;
  /** The API's `limits` section (ceiling, per-plan overrides). */
  limits?: unknown;
}

export interface TestGateway extends Gateway {
  log: CapturedLogger;
}

/** One fixture API as the registry holds it: a real OpenAPI document from test/fixtures, an upstream, an access mode. */
export async function registerTestApi(api: TestApi, defaultTimeoutMs: number, defaultAccess: TestApi['access'] = 'open'): Promise<RegisteredApi> {
  const config = apiSchema.parse({
    id: api.id,
    title: api.id,
    version: 'v1',
    agency: { name: 'Test agency' },
    openapi: api.openapi,
    upstream: { url: api.upstreamUrl, ...(api.timeoutMs ? { timeoutMs: api.timeoutMs } : {}) },
    access: api.access ?? defaultAccess,
    sandbox: { enabled: api.sandboxEnabled ?? true },
    ...(api.limits === undefined ? {} : { limits: api.limits }),
  });
  return createRegisteredApi(config, await loadOpenApi(path.resolve(FIXTURES, api.openapi)), defaultTimeoutMs);
}

export async function buildTestGateway(apis: TestApi[], overrides: Partial<AppDeps> = {}): Promise<TestGateway> {
  const gateway = gatewaySchema.parse({});
  const registered = await Promise.all(apis.map((api) => registerTestApi(api, gateway.defaults.upstreamTimeoutMs, 'open')));
  const log = captureLogger();
  const built = createApp({ gateway, registry: createRegistry(registered), store: createMemoryStore(), logger: log.logger, ...overrides });
  return { ...built, log };
}
