// The same seed, schema and locale give byte-identical output, in this process and in another one.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateValue } from '../../../src/mock/generate/generate-value.js';
import { prepareSchema } from '../../../src/mock/schema/prepare-schema.js';
import type { JsonObject } from '../../../src/registry/types.js';

export const PERSON: JsonObject = {
  type: 'object',
  required: ['id', 'nome', 'cognome', 'codiceFiscale', 'dataNascita', 'email', 'iban', 'creatoIl'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    nome: { type: 'string' },
    cognome: { type: 'string' },
    codiceFiscale: { type: 'string', pattern: '^[A-Z0-9]{16}$' },
    dataNascita: { type: 'string', format: 'date' },
    email: { type: 'string', format: 'email' },
    telefono: { type: 'string' },
    iban: { type: 'string' },
    cap: { type: 'string' },
    citta: { type: 'string' },
    importo: { type: 'number', minimum: 0 },
    creatoIl: { type: 'string', format: 'date-time' },
    tags: { type: 'array', items: { type: 'string', enum: ['a', 'b', 'c'] }, uniqueItems: true },
  },
};

const run = (seed: string, locale: 'it' | 'fr' | 'en' = 'it') => JSON.stringify(generateValue(prepareSchema(PERSON, 'openapi-3.0'), { locale, seed, direction: 'response' }));

describe('determinism', () => {
  it('gives byte-identical output for the same seed', () => {
    expect(run('GET /v1/persone/1')).toBe(run('GET /v1/persone/1'));
    // Other generations in between do not disturb it: the generator is reseeded each time.
    const first = run('x');
    run('y');
    run('z', 'fr');
    expect(run('x')).toBe(first);
  });

  it('differs between seeds and between locales', () => {
    const values = new Set(Array.from({ length: 20 }, (_, i) => run(`seed-${i}`)));
    expect(values.size).toBe(20);
    expect(run('same', 'it')).not.toBe(run('same', 'fr'));
  });

  it('agrees with a separate process', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const url = (file: string) => pathToFileURL(path.join(root, file)).href;
    const code = [
      `import { generateValue } from ${JSON.stringify(url('src/mock/generate/generate-value.ts'))};`,
      `import { prepareSchema } from ${JSON.stringify(url('src/mock/schema/prepare-schema.ts'))};`,
      `const schema = ${JSON.stringify(PERSON)};`,
      `process.stdout.write(JSON.stringify(generateValue(prepareSchema(schema, 'openapi-3.0'), { locale: 'it', seed: 'GET /v1/persone/1', direction: 'response' })));`,
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe(run('GET /v1/persone/1'));
  });
});
