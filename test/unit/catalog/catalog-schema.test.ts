// The catalogue fields of config/apis/<id>.yaml: defaults, and what the schema refuses.
import { describe, expect, it } from 'vitest';
import { apiSchema } from '../../../src/config/api-schema.js';

const BASE = { id: 'demo', title: 'Demo', version: 'v1', agency: { name: 'Agency' }, openapi: 'demo.openapi.yaml', upstream: { url: 'http://127.0.0.1:9' } };

describe('catalogue fields', () => {
  it('are optional, with empty lists by default', () => {
    const config = apiSchema.parse(BASE);
    expect(config).toMatchObject({ partners: [], eligibility: [], reuses: [] });
    expect(config.requestAccess).toBeUndefined();
    expect(config.updated).toBeUndefined();
  });

  it('accept a complete entry', () => {
    const config = apiSchema.parse({
      ...BASE,
      language: 'it',
      partners: [{ name: 'Partner', url: 'https://example.org' }],
      eligibility: ['Pubbliche amministrazioni'],
      requestAccess: { url: 'https://example.org/pdnd', instructions: 'Aderisci su **PDND**.' },
      limitsSummary: '50 chiamate al secondo',
      reuses: [{ title: 'Servizio', url: 'https://example.org/s', description: 'Usa l’API.' }],
      updated: '2025-02-04',
    });
    expect(config.updated).toBe('2025-02-04');
  });

  it.each([
    [{ requestAccess: { url: 'javascript:alert(1)' } }, 'requestAccess.url'],
    [{ reuses: [{ title: 'x', url: 'data:text/html,x' }] }, 'reuses.0.url'],
    [{ partners: [{ name: 'x', url: 'ftp://example.org' }] }, 'partners.0.url'],
    [{ updated: '2025-13-45' }, 'updated'],
    [{ updated: '18/03/2025' }, 'updated'],
    [{ language: 'de' }, 'language'],
    [{ reuses: [{ title: 'x', link: 'https://example.org' }] }, 'reuses.0'],
    [{ eligibility: [''] }, 'eligibility.0'],
  ])('refuses %j', (fields, where) => {
    const result = apiSchema.safeParse({ ...BASE, ...fields });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(where);
  });
});
