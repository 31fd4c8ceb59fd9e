// Loads every real agency document of the shared corpus: each must load with its operations, or be refused clearly.
// Operation counts are checked against the "Ops" column of the corpus's SOURCES.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOpenApi } from '../../src/registry/load-openapi.js';
import { OpenApiLoadError } from '../../src/registry/openapi-load-error.js';

const corpusDir = path.resolve(process.cwd(), '../shared/corpus');
const present = existsSync(corpusDir);
if (!present) {
  console.warn(`\n!!! corpus-load: ${corpusDir} is missing; the real-document corpus test is SKIPPED !!!\n`);
}

const files = present ? readdirSync(corpusDir).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort() : [];
const expectedOps = present ? readOpsColumn(path.join(corpusDir, 'SOURCES.md')) : new Map<string, number>();

/** File name → operation count, from the markdown table whose header has "File" and "Ops" columns. */
function readOpsColumn(sourcesFile: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!existsSync(sourcesFile)) return counts;
  let fileCol = -1;
  let opsCol = -1;
  for (const line of readFileSync(sourcesFile, 'utf8').split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.includes('File') && cells.includes('Ops')) {
      fileCol = cells.indexOf('File');
      opsCol = cells.indexOf('Ops');
      continue;
    }
    if (fileCol < 0) continue;
    const file = cells[fileCol]?.replace(/`/g, '');
    const ops = Number(cells[opsCol]);
    if (file && Number.isInteger(ops)) counts.set(file, ops);
  }
  return counts;
}

interface Outcome {
  readonly file: string;
  readonly loaded: boolean;
  readonly warnings: number;
  readonly reasons: readonly string[];
}
const outcomes: Outcome[] = [];
let totalMs = 0;

describe.skipIf(!present)('corpus of real OpenAPI documents', () => {
  it('has files and an Ops column to check against', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(expectedOps.size).toBeGreaterThan(0);
  });

  it.each(files)('%s loads or is refused with a clear reason', async (file) => {
    const started = performance.now();
    try {
      const doc = await loadOpenApi(path.join(corpusDir, file));
      totalMs += performance.now() - started;
      outcomes.push({ file, loaded: true, warnings: doc.warnings.length, reasons: [] });

      expect(doc.operations.length).toBeGreaterThanOrEqual(1);
      const expected = expectedOps.get(file);
      if (expected !== undefined) expect(doc.operations.length, 'operation count from SOURCES.md').toBe(expected);
      expect(new Set(doc.operations.map((o) => o.id)).size).toBe(doc.operations.length);
      for (const o of doc.operations) expect(o.pathTemplate.startsWith('/'), o.pathTemplate).toBe(true);
      expect(String(doc.document.openapi)).toMatch(/^3\.[01]\./);
      expect(() => JSON.stringify(doc.bundled)).not.toThrow();
    } catch (err) {
      if (!(err instanceof OpenApiLoadError)) throw err;
      totalMs += performance.now() - started;
      outcomes.push({ file, loaded: false, warnings: 0, reasons: err.reasons });
      expect(err.file).toBe(path.join(corpusDir, file));
      expect(err.reasons.length).toBeGreaterThan(0);
      for (const reason of err.reasons) expect(reason.trim().length).toBeGreaterThan(10);
    }
  });

  afterAll(() => {
    const loaded = outcomes.filter((o) => o.loaded);
    const refused = outcomes.filter((o) => !o.loaded);
    const warnings = loaded.reduce((sum, o) => sum + o.warnings, 0);
    const lines = [
      `corpus: ${loaded.length}/${files.length} loaded, ${refused.length} refused (warnings: ${warnings}) in ${Math.round(totalMs)} ms`,
      ...refused.map((o) => `  refused ${o.file}: ${o.reasons.join('; ')}`),
    ];
    console.log(lines.join('\n'));
  });
});
