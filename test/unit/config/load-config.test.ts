import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { ConfigError } from '../../../src/config/config-error.js';

function configDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-config-'));
  mkdirSync(path.join(dir, 'apis'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const DOC = 'openapi: 3.0.3\ninfo: { title: t, version: 1.0.0 }\npaths: {}\n';
const GOOD_API = `id: demo
title: Demo
version: v1
agency: { name: Agency }
openapi: demo.openapi.yaml
upstream: { url: "\${DEMO_URL:-http://127.0.0.1:9999/base}" }
plans: [standard]
`;
const GATEWAY = 'plans:\n  standard: { burst: { perSecond: 5 } }\n';

function expectConfigError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('loads the repository config with its three demo APIs and defaults', () => {
    const config = loadConfig('config', {});
    expect(config.apis.map((a) => a.config.id)).toEqual(['anagrafe', 'imprese', 'indirizzi']);
    expect(config.gateway.listeners.public.port).toBe(8080);
    expect(config.gateway.store.kind).toBe('memory');
    expect(Object.isFrozen(config.gateway)).toBe(true);
  });

  it('substitutes ${VAR:-default} and applies environment overrides', () => {
    const dir = configDir({ 'gateway.yaml': GATEWAY, 'apis/demo.yaml': GOOD_API, 'apis/demo.openapi.yaml': DOC });
    const defaults = loadConfig(dir, {});
    expect(defaults.apis[0]!.config.upstream.url).toBe('http://127.0.0.1:9999/base');
    const env = { DEMO_URL: 'http://127.0.0.1:7000', PORT: '9090', HOST: '127.0.0.1', REDIS_URL: 'redis://127.0.0.1:6390', LOG_LEVEL: 'warn' };
    const config = loadConfig(dir, env);
    expect(config.apis[0]!.config.upstream.url).toBe('http://127.0.0.1:7000');
    expect(config.gateway.listeners.public).toEqual({ host: '127.0.0.1', port: 9090 });
    expect(config.gateway.store).toMatchObject({ kind: 'redis', url: 'redis://127.0.0.1:6390' });
    expect(config.gateway.logging.level).toBe('warn');
    const cluster = loadConfig(dir, { REDIS_CLUSTER_NODES: '127.0.0.1:7001, 127.0.0.1:7002' });
    expect(cluster.gateway.store.clusterNodes).toEqual(['127.0.0.1:7001', '127.0.0.1:7002']);
  });

  it('reports every problem at once, each as file, field, expected vs found', () => {
    const dir = configDir({
      'gateway.yaml': 'listeners:\n  public: { host: 0.0.0.0, port: "eighty" }\nstore: { kind: redis }\nplans:\n  standard: {}\n',
      'apis/demo.yaml': GOOD_API.replace('version: v1', 'version: v1.0').replace('plans: [standard]', 'plans: [gold]\nsurprise: true'),
      'apis/demo.openapi.yaml': DOC,
      'apis/other.yaml': GOOD_API.replace('openapi: demo.openapi.yaml', 'openapi: missing.yaml'),
      'apis/status.yaml': GOOD_API.replace('id: demo', 'id: status'),
    });
    const error = expectConfigError(() => loadConfig(dir, { PORT: 'abc' }));
    const lines = error.issues.map((i) => `${path.basename(i.file)} ${i.field}: ${i.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'gateway.yaml listeners.public.port: expected number, found "abc"',
        'gateway.yaml store.url: expected a Redis URL or clusterNodes when kind is redis, found neither',
        'demo.yaml version: expected a major version like v1, found "v1.0"',
        'demo.yaml : unknown field "surprise"',
        'other.yaml id: expected "other" (the file name), found "demo"',
        expect.stringMatching(/^other\.yaml openapi: expected an existing file, found no .*missing\.yaml$/),
        expect.stringMatching(/^status\.yaml id: expected an id other than the gateway's own paths/),
      ]),
    );
    expect(error.message).toMatch(/^Invalid configuration \(\d+ problems\):/);
  });

  it('refuses plans that gateway.yaml does not define', () => {
    const dir = configDir({
      'gateway.yaml': GATEWAY,
      'apis/demo.yaml': GOOD_API.replace('plans: [standard]', 'plans: [standard, gold]'),
      'apis/demo.openapi.yaml': DOC,
    });
    const error = expectConfigError(() => loadConfig(dir, {}));
    expect(error.issues.map((i) => `${i.field}: ${i.message}`)).toEqual(['plans[1]: expected a plan defined in gateway.yaml (standard), found "gold"']);
  });

  it('names an unset variable without a default once, not also as a bad value', () => {
    const dir = configDir({
      'gateway.yaml': GATEWAY,
      'apis/demo.yaml': GOOD_API.replace('${DEMO_URL:-http://127.0.0.1:9999/base}', '${NOPE}'),
      'apis/demo.openapi.yaml': DOC,
    });
    const error = expectConfigError(() => loadConfig(dir, {}));
    expect(error.issues.map((i) => `${i.field}: ${i.message}`)).toEqual(['upstream.url: expected environment variable NOPE to be set (or a ${NOPE:-default}), found it unset']);
  });

  it('reports YAML syntax errors with the file name', () => {
    const dir = configDir({ 'gateway.yaml': 'plans: [unclosed\n' });
    const error = expectConfigError(() => loadConfig(dir, {}));
    expect(error.issues[0]).toMatchObject({ file: path.join(dir, 'gateway.yaml'), field: '' });
    expect(error.issues[0]!.message).toMatch(/^not valid YAML/);
  });

  it('loads production consumers and checks their plans, APIs, ids and credentials', () => {
    const good = `consumers:
  - clientId: acme-app
    name: ACME
    plan: standard
    apis: [demo]
    secretHash: scrypt$16384$8$1$c2FsdA$aGFzaA
`;
    const dir = configDir({ 'gateway.yaml': GATEWAY, 'apis/demo.yaml': GOOD_API, 'apis/demo.openapi.yaml': DOC, 'consumers.yaml': good });
    expect(loadConfig(dir, {}).consumers).toMatchObject([{ clientId: 'acme-app', plan: 'standard', apis: ['demo'], disabled: false }]);

    const bad = `consumers:
  - { clientId: acme-app, name: A, plan: gold, apis: [demo, nope], secretHash: "scrypt$16384$8$1$c2FsdA$aGFzaA" }
  - { clientId: acme-app, name: B, plan: standard, apis: ['*'], secretHash: "scrypt$16384$8$1$c2FsdA$aGFzaA" }
  - { clientId: no-credential, name: C, plan: standard, apis: [demo] }
  - { clientId: leaky, name: D, plan: standard, apis: [demo], jwk: { kty: EC, crv: P-256, x: a, y: b, d: secret } }
`;
    writeFileSync(path.join(dir, 'consumers.yaml'), bad);
    const error = expectConfigError(() => loadConfig(dir, {}));
    const messages = error.issues.map((i) => `${i.field}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'consumers[2].secretHash: expected a secretHash or a jwk (how the consumer authenticates), found neither',
        'consumers[3].jwk: expected a public key, found private key members (d/p/q)',
      ]),
    );
    writeFileSync(path.join(dir, 'consumers.yaml'), bad.split('\n').slice(0, 3).join('\n'));
    const crossField = expectConfigError(() => loadConfig(dir, {}));
    expect(crossField.issues.map((i) => `${i.field}: ${i.message}`)).toEqual([
      'consumers[0].plan: expected a plan defined in gateway.yaml (standard), found "gold"',
      'consumers[0].apis[1]: expected a registered API id or "*", found "nope"',
      'consumers[1].clientId: expected a unique clientId, found "acme-app" twice',
    ]);
  });
});
