// Loads every configured API's OpenAPI document once at start-up; a document that cannot be loaded is a config error.
import type { LoadedConfig } from '../config/load-config.js';
import { ConfigError, type ConfigIssue } from '../config/config-error.js';
import { loadOpenApi } from './load-openapi.js';
import { createRegisteredApi, createRegistry, type Registry, type RegisteredApi } from './registry.js';

export interface RegistryLoad {
  registry: Registry;
  /** Quirks tolerated in the documents, for the start-up log. */
  warnings: { api: string; warning: string }[];
}

export async function loadRegistry(config: LoadedConfig): Promise<RegistryLoad> {
  const issues: ConfigIssue[] = [];
  const warnings: RegistryLoad['warnings'] = [];
  const loaded = await Promise.all(
    config.apis.map(async ({ config: api, file, openapiPath }): Promise<RegisteredApi | undefined> => {
      try {
        const document = await loadOpenApi(openapiPath);
        for (const warning of document.warnings) warnings.push({ api: api.id, warning });
        return createRegisteredApi(api, document, config.gateway.defaults.upstreamTimeoutMs);
      } catch (err) {
        issues.push({ file, field: 'openapi', message: `the document ${openapiPath} cannot be loaded: ${(err as Error).message}` });
        return undefined;
      }
    }),
  );
  if (issues.length > 0) throw new ConfigError(issues);
  return { registry: createRegistry(loaded.filter((a): a is RegisteredApi => a !== undefined)), warnings };
}
