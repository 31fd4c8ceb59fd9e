// `portico mock <file>` as the CLI runs it: a real listening server on a Swagger 2.0 corpus-like fixture and a demo API.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMockCommand } from '../../../src/mock/mock-command.js';
import { CONFIG_APIS, ROOT } from './mock-helpers.js';

describe('runMockCommand', () => {
  it('serves one document at its paths from the root, with scenarios, then closes', async () => {
    const running = await runMockCommand({
      file: path.join(CONFIG_APIS, 'imprese.openapi.yaml'),
      port: 0,
      seed: '42',
      locale: 'fr',
      scenarios: path.join(ROOT, 'mocks/imprese'),
      logLevel: 'silent',
    });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const ok = await fetch(`${running.url}/unites-legales/552100554`);
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { siren: string }).siren).toMatch(/^\d{9}$/);
      expect((await fetch(`${running.url}/unites-legales/123456782`)).status).toBe(404);
    } finally {
      await running.close();
    }
  });

  it('serves a Swagger 2.0 document (converted at load)', async () => {
    const running = await runMockCommand({ file: path.join(ROOT, 'test/fixtures/openapi/swagger-2.0.yaml'), port: 0, logLevel: 'silent' });
    try {
      const list = await fetch(`${running.url}/declarations?page=2`);
      expect(list.status).toBe(200);
      expect(Array.isArray(await list.json())).toBe(true);
      const created = await fetch(`${running.url}/declarations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'D1', montant: 12.5 }) });
      expect(created.status).toBe(201);
      expect((await fetch(`${running.url}/declarations?page=0`)).status).toBe(400);
      const missing = await fetch(`${running.url}/does-not-exist`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
    } finally {
      await running.close();
    }
  });
});
