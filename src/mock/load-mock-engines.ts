// Builds one mock engine per sandbox-enabled API at start-up, with its scenarios from `<mocksDir>/<apiId>/`;
// every scenario problem of every API is reported at once.
import path from 'node:path';
import { ConfigError, type ConfigIssue } from '../config/config-error.js';
import type { Registry } from '../registry/registry.js';
import { createMockEngine, type MockEngine } from './create-mock-engine.js';
import { loadScenarios } from './load-scenarios.js';
import type { Locale } from './types.js';

export interface MockEnginesOptions {
  /** Folder holding one sub-folder of scenario files per API id. */
  readonly mocksDir: string;
  /** For APIs whose config names no `sandbox.locale` (gateway.yaml `defaults.sandboxLocale`). */
  readonly defaultLocale: Locale;
  readonly seed?: string;
  readonly validateResponses?: boolean;
}

export function loadMockEngines(registry: Registry, options: MockEnginesOptions): Map<string, MockEngine> {
  const engines = new Map<string, MockEngine>();
  const issues: ConfigIssue[] = [];
  for (const api of registry.apis) {
    if (!api.config.sandbox.enabled) continue;
    try {
      engines.set(
        api.id,
        createMockEngine({
          document: api.document,
          locale: api.config.sandbox.locale ?? options.defaultLocale,
          dynamic: api.config.sandbox.dynamic,
          seed: options.seed,
          validateResponses: options.validateResponses,
          scenarios: loadScenarios(path.join(options.mocksDir, api.id)),
        }),
      );
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      issues.push(...err.issues);
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return engines;
}
