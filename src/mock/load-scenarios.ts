// Reads an API's scenario files (`mocks/<apiId>/*.yaml`, in name order) into ScenarioDefinitions; reports every
// format problem of every file at once. Whether they fit the document is checked by the engine (scenarios.ts).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError, type ConfigIssue } from '../config/config-error.js';
import { toConfigIssues } from '../config/zod-issues.js';
import { scenarioFileSchema } from './scenario-schema.js';
import type { ScenarioDefinition } from './scenarios.js';

/** A missing folder means no scenarios. Throws ConfigError naming each file and field at fault. */
export function loadScenarios(dir: string): ScenarioDefinition[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
  const issues: ConfigIssue[] = [];
  const definitions: ScenarioDefinition[] = [];
  for (const file of files) {
    let tree: unknown;
    try {
      tree = parseYaml(readFileSync(file, 'utf8'), { merge: true }) ?? {};
    } catch (err) {
      issues.push({ file, field: '', message: `not valid YAML: ${(err as Error).message.split('\n')[0]}` });
      continue;
    }
    const parsed = scenarioFileSchema.safeParse(tree);
    if (!parsed.success) {
      issues.push(...toConfigIssues(file, parsed.error));
      continue;
    }
    parsed.data.scenarios.forEach((s, i) => {
      definitions.push({
        file,
        field: `scenarios[${i}]`,
        name: s.name,
        operation: s.operation,
        when: s.when,
        status: s.status,
        contentType: s.contentType,
        headers: s.headers,
        body: s.body,
      });
    });
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return definitions;
}
