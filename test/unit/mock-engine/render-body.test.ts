// Bodies per media type: JSON, CSV, XML from the schema's xml names, and binaries that are valid files.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../../src/mock/render-body.js';
import { canonicalJson, requestSeed, responseSeed } from '../../../src/mock/request-seed.js';

const ctx = { seed: 's' };

describe('renderBody', () => {
  it('writes JSON for JSON types, the +json family and wildcards', () => {
    expect(renderBody('application/json', { a: 1 }, ctx)).toBe('{"a":1}');
    expect(renderBody('application/problem+json', [1], ctx)).toBe('[1]');
    expect(renderBody('*/*', 'x', ctx)).toBe('"x"');
    expect(renderBody('application/json', undefined, ctx)).toBe('{}');
  });

  it('writes CSV with a header row and quoting', () => {
    expect(renderBody('text/csv', [{ a: 1, b: 'x,y' }, { a: 2, c: 'q"q' }], ctx)).toBe('a,b,c\r\n1,"x,y",\r\n2,,"q""q"\r\n');
    expect(renderBody('application/vnd.sdmx.data+csv;version=1.0.0', 'a,b\r\n', ctx)).toBe('a,b\r\n');
  });

  it('writes XML using the schema names, attributes and wrapping', () => {
    const schema = {
      type: 'object',
      xml: { name: 'person' },
      properties: {
        id: { type: 'integer', xml: { attribute: true } },
        name: { type: 'string' },
        tags: { type: 'array', xml: { wrapped: true }, items: { type: 'string', xml: { name: 'tag' } } },
        'bad name': { type: 'string' },
      },
    };
    const xml = renderBody('application/xml', { id: 1, name: 'A & B', tags: ['x', 'y'], 'bad name': '<' }, { seed: 's', schema });
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<person id="1"><name>A &amp; B</name><tags><tag>x</tag><tag>y</tag></tags><bad_name>&lt;</bad_name></person>\n');
    expect(renderBody('text/xml', [1, 2], ctx)).toContain('<items><item>1</item><item>2</item></items>');
  });

  it('gives a PDF with a consistent cross-reference table', () => {
    const pdf = renderBody('application/pdf', {}, ctx) as Buffer;
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(text.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
  });

  it('gives real images, archives and sounds', () => {
    const png = renderBody('image/png', null, ctx) as Buffer;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(1);
    expect((renderBody('image/webp', null, ctx) as Buffer).subarray(8, 12).toString()).toBe('WEBP');
    expect((renderBody('application/zip', null, ctx) as Buffer).readUInt32LE(0)).toBe(0x06054b50);
    expect(gunzipSync(renderBody('application/gzip', null, ctx) as Buffer).length).toBe(0);
    const wav = renderBody('audio/x-wav', null, ctx) as Buffer;
    expect(wav.subarray(0, 4).toString()).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
  });

  it('gives reproducible bytes for opaque types, or the generated string', () => {
    const a = renderBody('application/octet-stream', undefined, { seed: 'a' });
    expect(a).toEqual(renderBody('application/octet-stream', undefined, { seed: 'a' }));
    expect(a).not.toEqual(renderBody('application/octet-stream', undefined, { seed: 'b' }));
    expect(renderBody('application/octet-stream', 'abc', ctx)).toEqual(Buffer.from('abc'));
  });

  it('writes text, YAML and HTML', () => {
    expect(renderBody('text/plain', 'hello', ctx)).toBe('hello');
    expect(renderBody('text/plain', 42, ctx)).toBe('42');
    expect(renderBody('application/x-yaml', { a: [1] }, ctx)).toBe('a:\n  - 1\n');
    expect(renderBody('text/html', '<b>', ctx)).toContain('<pre>&lt;b&gt;</pre>');
  });
});

describe('request seeds', () => {
  const base = { engineSeed: 'e', operationId: 'op', method: 'GET', path: '/a/1', query: [['b', '2'], ['a', '1']] as [string, string][], body: undefined, rawBody: undefined };

  it('ignore query order and body key order, but not values', () => {
    expect(requestSeed(base)).toBe(requestSeed({ ...base, query: [['a', '1'], ['b', '2']] }));
    expect(requestSeed({ ...base, body: { x: 1, y: 2 } })).toBe(requestSeed({ ...base, body: { y: 2, x: 1 } }));
    expect(requestSeed(base)).not.toBe(requestSeed({ ...base, path: '/a/2' }));
    expect(requestSeed(base)).not.toBe(requestSeed({ ...base, engineSeed: 'f' }));
    expect(responseSeed('r', 200, 'application/json')).not.toBe(responseSeed('r', 404, 'application/json'));
  });

  it('canonicalJson sorts keys at every depth', () => {
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: [{ z: 1, y: 2 }] })).toBe('{"a":[{"y":2,"z":1}],"b":{"c":2,"d":1}}');
  });
});
