// Reads config/gateway.yaml and config/apis/*.yaml, substitutes env, validates everything, reports every problem at once, freezes.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { apiSchema, type ApiConfig } from './api-schema.js';
import { consumersFileSchema, type ConsumerConfig } from './consumer-schema.js';
import { gatewaySchema, type GatewayConfig } from './gateway-schema.js';
import { applyEnvOverrides } from './apply-env-overrides.js';
import { substituteEnv } from './substitute-env.js';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { toConfigIssues } from './zod-issues.js';

export interface LoadedApiConfig {
  readonly config: ApiConfig;
  /** The YAML file it came from. */
  readonly file: string;
  /** Absolute path of its OpenAPI document. */
  readonly openapiPath: string;
}

export interface LoadedConfig {
  readonly dir: string;
  readonly gateway: GatewayConfig;
  readonly apis: readonly LoadedApiConfig[];
  /** Production consumers from consumers.yaml (none when the file is absent). */
  readonly consumers: readonly ConsumerConfig[];
}

// First path segments the gateway answers itself; an API id may not shadow them.
const RESERVED_IDS = new Set(['status', 'sandbox', 'oauth', 'catalog', 'admin', 'metrics', 'docs', 'assets', 'static', 'apis']);

const OPENAPI_SUFFIX = /\.openapi\.(ya?ml|json)$/i;
const YAML_FILE = /\.ya?ml$/i;

function readYaml(file: string, issues: ConfigIssue[]): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    issues.push({ file, field: '', message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
    return undefined;
  }
  try {
    return parseYaml(text, { merge: true }) ?? {};
  } catch (err) {
    issues.push({ file, field: '', message: `not valid YAML: ${(err as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

/** Substitutes env; returns the tree and the fields already reported (so the schema's complaint about the empty value is not repeated). */
function substitute(file: string, tree: unknown, env: Readonly<Record<string, string | undefined>>, issues: ConfigIssue[]): { value: unknown; reported: Set<string> } {
  const result = substituteEnv(tree, env);
  for (const m of result.missing) {
    issues.push({ file, field: m.path, message: `expected environment variable ${m.variable} to be set (or a \${${m.variable}:-default}), found it unset` });
  }
  return { value: result.value, reported: new Set(result.missing.map((m) => m.path)) };
}

function schemaIssues(file: string, error: Parameters<typeof toConfigIssues>[1], reported: Set<string>): ConfigIssue[] {
  return toConfigIssues(file, error).filter((issue) => !reported.has(issue.field));
}

export function loadConfig(dir: string, env: Readonly<Record<string, string | undefined>> = {}): LoadedConfig {
  const issues: ConfigIssue[] = [];
  const absDir = path.resolve(dir);
  const gatewayFile = path.join(absDir, 'gateway.yaml');

  let gateway: GatewayConfig | undefined;
  const rawGateway = existsSync(gatewayFile) ? readYaml(gatewayFile, issues) : {};
  if (rawGateway !== undefined) {
    if (typeof rawGateway !== 'object' || Array.isArray(rawGateway) || rawGateway === null) {
      issues.push({ file: gatewayFile, field: '', message: 'expected a mapping at the top level' });
    } else {
      const substituted = substitute(gatewayFile, rawGateway, env, issues);
      const parsed = gatewaySchema.safeParse(applyEnvOverrides(substituted.value as Record<string, unknown>, env), { reportInput: true });
      if (parsed.success) gateway = parsed.data;
      else issues.push(...schemaIssues(gatewayFile, parsed.error, substituted.reported));
    }
  }

  const apisDir = path.join(absDir, 'apis');
  const apis: LoadedApiConfig[] = [];
  const files = existsSync(apisDir)
    ? readdirSync(apisDir).filter((f) => YAML_FILE.test(f) && !OPENAPI_SUFFIX.test(f)).sort()
    : [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = path.join(apisDir, name);
    const raw = readYaml(file, issues);
    if (raw === undefined) continue;
    const substituted = substitute(file, raw, env, issues);
    const parsed = apiSchema.safeParse(substituted.value, { reportInput: true });
    if (!parsed.success) {
      issues.push(...schemaIssues(file, parsed.error, substituted.reported));
      const openapi = (substituted.value as { openapi?: unknown } | null)?.openapi;
      if (typeof openapi === 'string') checkDocumentExists(file, openapi, issues);
      continue;
    }
    const config = parsed.data;
    const stem = name.replace(YAML_FILE, '');
    if (config.id !== stem) issues.push({ file, field: 'id', message: `expected "${stem}" (the file name), found "${config.id}"` });
    if (RESERVED_IDS.has(config.id)) issues.push({ file, field: 'id', message: `expected an id other than the gateway's own paths (${[...RESERVED_IDS].join(', ')}), found "${config.id}"` });
    const previous = seen.get(config.id);
    if (previous) issues.push({ file, field: 'id', message: `expected a unique id, found "${config.id}" also used by ${previous}` });
    seen.set(config.id, file);
    const openapiPath = checkDocumentExists(file, config.openapi, issues);
    if (gateway) {
      for (const [i, plan] of config.plans.entries()) {
        if (!(plan in gateway.plans)) {
          const known = Object.keys(gateway.plans);
          issues.push({ file, field: `plans[${i}]`, message: `expected a plan defined in gateway.yaml (${known.join(', ') || 'none defined'}), found "${plan}"` });
        }
      }
      // An override of a plan that does not exist would never apply: a typo that silently changes nothing.
      for (const plan of Object.keys(config.limits.plans)) {
        if (!(plan in gateway.plans)) {
          const known = Object.keys(gateway.plans);
          issues.push({ file, field: `limits.plans.${plan}`, message: `expected a plan defined in gateway.yaml (${known.join(', ') || 'none defined'}), found "${plan}"` });
        }
      }
    }
    apis.push(deepFreeze({ config, file, openapiPath }));
  }

  const consumers = loadConsumers(path.join(absDir, 'consumers.yaml'), env, gateway, new Set(seen.keys()), issues);

  if (issues.length > 0 || !gateway) throw new ConfigError(issues);
  return deepFreeze({ dir: absDir, gateway, apis, consumers });
}

function loadConsumers(
  file: string,
  env: Readonly<Record<string, string | undefined>>,
  gateway: GatewayConfig | undefined,
  apiIds: ReadonlySet<string>,
  issues: ConfigIssue[],
): ConsumerConfig[] {
  if (!existsSync(file)) return [];
  const raw = readYaml(file, issues);
  if (raw === undefined) return [];
  const substituted = substitute(file, raw, env, issues);
  const parsed = consumersFileSchema.safeParse(substituted.value, { reportInput: true });
  if (!parsed.success) {
    issues.push(...schemaIssues(file, parsed.error, substituted.reported));
    return [];
  }
  const seenIds = new Set<string>();
  for (const [i, consumer] of parsed.data.consumers.entries()) {
    const at = `consumers[${i}]`;
    if (seenIds.has(consumer.clientId)) issues.push({ file, field: `${at}.clientId`, message: `expected a unique clientId, found "${consumer.clientId}" twice` });
    seenIds.add(consumer.clientId);
    if (gateway && !(consumer.plan in gateway.plans)) {
      issues.push({ file, field: `${at}.plan`, message: `expected a plan defined in gateway.yaml (${Object.keys(gateway.plans).join(', ')}), found "${consumer.plan}"` });
    }
    for (const [j, api] of consumer.apis.entries()) {
      if (api !== '*' && !apiIds.has(api)) issues.push({ file, field: `${at}.apis[${j}]`, message: `expected a registered API id or "*", found "${api}"` });
    }
  }
  return parsed.data.consumers;
}

function checkDocumentExists(file: string, openapi: string, issues: ConfigIssue[]): string {
  const openapiPath = path.resolve(path.dirname(file), openapi);
  if (!existsSync(openapiPath)) issues.push({ file, field: 'openapi', message: `expected an existing file, found no ${openapiPath}` });
  return openapiPath;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
