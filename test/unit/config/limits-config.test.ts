// The limits fields of the configuration: defaults, the time zone check, per-API and per-consumer overrides.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { ConfigError } from '../../../src/config/config-error.js';

function configDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-limits-config-'));
  mkdirSync(path.join(dir, 'apis'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const DOC = 'openapi: 3.0.3\ninfo: { title: t, version: 1.0.0 }\npaths: {}\n';
const API = (limits: string): string =>
  `id: demo\ntitle: Demo\nversion: v1\nagency: { name: Agency }\nopenapi: demo.openapi.yaml\nupstream: { url: "http://127.0.0.1:9999" }\n${limits}`;
const PLANS = 'plans:\n  standard: { burst: { perSecond: 5 }, quota: { perDay: 100 } }\n';

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues.map((i) => `${path.basename(i.file)} ${i.field}: ${i.message}`);
  }
  throw new Error('expected a ConfigError');
}

describe('limits configuration', () => {
  it('defaults: fail open, UTC, 1000 per minute per address on anonymous routes; no API overrides', () => {
    const config = loadConfig(configDir({ 'gateway.yaml': PLANS, 'apis/demo.yaml': API(''), 'apis/demo.openapi.yaml': DOC }), {});
    expect(config.gateway.limits).toEqual({ failOpen: true, timeZone: 'UTC', anonymousPerMinutePerIp: 1000 });
    expect(config.apis[0]!.config.limits).toEqual({ plans: {} });
  });

  it('the repository config loads with its limits', () => {
    expect(loadConfig('config', {}).gateway.limits.timeZone).toBeTypeOf('string');
  });

  it('reads a ceiling and per-plan overrides on an API, and a consumer override', () => {
    const dir = configDir({
      'gateway.yaml': `${PLANS}limits: { failOpen: false, timeZone: Europe/Rome }\n`,
      'apis/demo.yaml': API('limits:\n  ceiling: { perSecond: 50, perDay: 100000 }\n  plans:\n    standard: { quota: { perDay: 10 } }\n'),
      'apis/demo.openapi.yaml': DOC,
      'consumers.yaml': 'consumers:\n  - { clientId: acme, name: Acme, plan: standard, apis: [demo], secretHash: "scrypt$1024$8$1$c2FsdA$aGFzaA", limits: { burst: { perSecond: 50 } } }\n',
    });
    const config = loadConfig(dir, {});
    expect(config.gateway.limits).toMatchObject({ failOpen: false, timeZone: 'Europe/Rome' });
    expect(config.apis[0]!.config.limits).toEqual({ ceiling: { perSecond: 50, perDay: 100_000 }, plans: { standard: { quota: { perDay: 10 } } } });
    expect(config.consumers[0]!.limits).toEqual({ burst: { perSecond: 50 } });
  });

  it('reports an unknown time zone, an override of an undefined plan, and bad limit values together', () => {
    const dir = configDir({
      'gateway.yaml': `${PLANS}limits: { timeZone: Mars/Olympus }\n`,
      'apis/demo.yaml': API('limits:\n  plans:\n    gold: { burst: { perSecond: 5 } }\n'),
      'apis/demo.openapi.yaml': DOC,
    });
    const issues = issuesOf(() => loadConfig(dir, {}));
    expect(issues).toEqual([expect.stringMatching(/^gateway\.yaml limits\.timeZone: expected an IANA time zone/)]);

    const second = configDir({
      'gateway.yaml': PLANS,
      'apis/demo.yaml': API('limits:\n  ceiling: { perSecond: 0 }\n  plans:\n    gold: { burst: { perSecond: 5 } }\n'),
      'apis/demo.openapi.yaml': DOC,
    });
    expect(issuesOf(() => loadConfig(second, {}))).toEqual([expect.stringMatching(/^demo\.yaml limits\.ceiling\.perSecond: /)]);

    const third = configDir({ 'gateway.yaml': PLANS, 'apis/demo.yaml': API('limits:\n  plans:\n    gold: { burst: { perSecond: 5 } }\n'), 'apis/demo.openapi.yaml': DOC });
    expect(issuesOf(() => loadConfig(third, {}))).toEqual(['demo.yaml limits.plans.gold: expected a plan defined in gateway.yaml (standard), found "gold"']);
  });
});
