// Loading signing keys: a configured JWK Set file, the env override, and the generated key kept in dataDir (0600, stable).
import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { tokensSchema } from '../../../src/config/gateway-schema.js';
import { generateSigningJwk } from '../../../src/tokens/key-set.js';
import { GENERATED_KEYS_FILE, loadSigningKeys } from '../../../src/tokens/load-signing-keys.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'portico-keys-'));

describe('loadSigningKeys', () => {
  it('generates a key on first start, keeps it 0600 in dataDir, and finds the same key on the next start', async () => {
    const cwd = tmp();
    const tokens = tokensSchema.parse({ dataDir: 'data/keys' });
    const first = await loadSigningKeys({ tokens, configDir: cwd, cwd });
    expect(first.source).toBe('generated');
    expect(first.path).toBe(path.join(cwd, 'data/keys', GENERATED_KEYS_FILE));
    expect(first.keySet.signing.alg).toBe('ES256');
    if (process.platform !== 'win32') {
      expect(statSync(first.path).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(first.path)).mode & 0o777).toBe(0o700);
    }
    expect(first.warnings).toEqual([]);
    const second = await loadSigningKeys({ tokens, configDir: cwd, cwd });
    expect(second.source).toBe('data-dir');
    expect(second.keySet.signing.kid).toBe(first.keySet.signing.kid);
  });

  it('agrees on one key when several starts share an empty dataDir', async () => {
    const cwd = tmp();
    const tokens = tokensSchema.parse({});
    const loaded = await Promise.all(Array.from({ length: 5 }, () => loadSigningKeys({ tokens, configDir: cwd, cwd })));
    expect(new Set(loaded.map((l) => l.keySet.signing.kid)).size).toBe(1);
  });

  it('generates RS256 when asked, and warns when a stored key has another algorithm', async () => {
    const cwd = tmp();
    const rs = await loadSigningKeys({ tokens: tokensSchema.parse({ algorithm: 'RS256' }), configDir: cwd, cwd });
    expect(rs.keySet.signing.alg).toBe('RS256');
    const again = await loadSigningKeys({ tokens: tokensSchema.parse({ algorithm: 'ES256' }), configDir: cwd, cwd });
    expect(again.keySet.signing.alg).toBe('RS256');
    expect(again.warnings.join()).toMatch(/tokens.algorithm is ES256 but .* holds an RS256 key/);
  });

  it('reads tokens.keysFile relative to the config folder, and SIGNING_KEYS_FILE over it', async () => {
    const dir = tmp();
    const a = { keys: [generateSigningJwk('ES256')] };
    const b = { keys: [generateSigningJwk('RS256'), generateSigningJwk('ES256')] };
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(a), { mode: 0o600 });
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify(b), { mode: 0o644 });
    chmodSync(path.join(dir, 'b.json'), 0o644);
    const tokens = tokensSchema.parse({ keysFile: 'a.json' });
    const fromConfig = await loadSigningKeys({ tokens, configDir: dir, cwd: '/' });
    expect([fromConfig.source, fromConfig.keySet.signing.kid]).toEqual(['file', a.keys[0]!.kid]);
    const fromEnv = await loadSigningKeys({ tokens, configDir: dir, cwd: dir, keysFileOverride: 'b.json' });
    expect(fromEnv.keySet.signing.kid).toBe(b.keys[0]!.kid);
    expect(fromEnv.keySet.jwks.keys).toHaveLength(2);
    if (process.platform !== 'win32') expect(fromEnv.warnings.join()).toMatch(/readable by group or others/);
  });

  it('reports a missing, non-JSON or invalid keys file as a ConfigError naming the file', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'text.json'), 'not json');
    writeFileSync(path.join(dir, 'public.json'), JSON.stringify({ keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }] }));
    for (const [file, message] of [
      ['missing.json', /cannot read the signing keys: ENOENT/],
      ['text.json', /expected a JWK Set in JSON/],
      ['public.json', /keys\[0\]: expected a private key/],
    ] as const) {
      const err = await loadSigningKeys({ tokens: tokensSchema.parse({ keysFile: file }), configDir: dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).message).toMatch(message);
      expect((err as ConfigError).message).toContain(path.join(dir, file));
    }
  });

  it('writes a file another gateway can load with the same keys', async () => {
    const cwd = tmp();
    const loaded = await loadSigningKeys({ tokens: tokensSchema.parse({}), configDir: cwd, cwd });
    const text = readFileSync(loaded.path, 'utf8');
    expect(JSON.parse(text).keys[0]).toMatchObject({ kid: loaded.keySet.signing.kid, alg: 'ES256', use: 'sig', kty: 'EC', crv: 'P-256' });
  });
});
