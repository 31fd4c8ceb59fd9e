// The "Done when" walk: every operation of every real document in ../shared/corpus gets a valid request built
// from the document alone; the mock must answer a declared status whose body validates against the declared schema.
// The same walk then sends garbage in typed parameters and expects a 4xx. Prints the counts and every exception.
import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockEngine } from '../../../src/mock/create-mock-engine.js';
import { generateValue } from '../../../src/mock/generate/generate-value.js';
import { isJsonMediaType, parseMediaType } from '../../../src/mock/media-type.js';
import { createMockServer } from '../../../src/mock/mock-server.js';
import { createValidator } from '../../../src/mock/schema/create-validator.js';
import { admitsNoValue } from '../../../src/mock/schema/find-unsatisfiable.js';
import { findConflicts, prepareSchema } from '../../../src/mock/schema/prepare-schema.js';
import { schemaTypes } from '../../../src/mock/schema-types.js';
import type { SchemaDialect } from '../../../src/mock/types.js';
import { loadOpenApi } from '../../../src/registry/load-openapi.js';
import { OpenApiLoadError } from '../../../src/registry/openapi-load-error.js';
import type { JsonObject, LoadedDocument, Operation } from '../../../src/registry/types.js';
import { captureLogger } from '../../helpers/capture-logger.js';

const corpusDir = path.resolve(process.cwd(), '../shared/corpus');
const present = existsSync(corpusDir);
if (!present) console.warn(`\n!!! corpus-walk: ${corpusDir} is missing; the mock engine's corpus walk is SKIPPED !!!\n`);
const files = present ? readdirSync(corpusDir).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort() : [];

const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

interface Built {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  body?: string;
}

type Param = JsonObject & { name: string; in: string };

const totals = { operations: 0, built: 0, passed: 0, garbage: 0, garbageRefused: 0, refusedDocuments: 0 };
const unbuildable: string[] = [];
const failures: string[] = [];
const defects: string[] = [];
const garbageFailures: string[] = [];

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class CannotBuild extends Error {}

/** Builds a request that the document says is valid, or throws CannotBuild saying why not. */
function buildRequest(doc: LoadedDocument, op: Operation, dialect: SchemaDialect): Built {
  const params = ((op.operation.parameters as unknown[]) ?? []).filter((p): p is Param => isObject(p) && typeof p.name === 'string' && typeof p.in === 'string');
  const queryParams = new Map(params.filter((p) => p.in === 'query').map((p) => [p.name, p]));
  // A few seeds per value: a pattern may allow values HTTP cannot carry (trailing spaces, empty segments).
  const generated = (schema: unknown, name: string, usable: (value: unknown) => string = () => '', adjust: (value: unknown) => unknown = (v) => v): unknown => {
    const s = isObject(schema) ? schema : {};
    const validate = createValidator(s, dialect, 'request', { document: doc.document });
    let reason = '';
    for (let attempt = 0; attempt < 5; attempt++) {
      const value = adjust(generateValue(prepareSchema(s, dialect, { document: doc.document }), { locale: 'en', seed: `walk:${op.id}:${name}:${attempt}`, direction: 'request' }));
      const violations = validate(value);
      const conflicts = violations.length > 0 ? findConflicts(prepareSchema(s, dialect, { document: doc.document })) : [];
      const why = conflicts.length > 0 ? ` (the schema admits no value: ${conflicts[0]})` : '';
      reason = violations.length > 0 ? `generated ${name} does not validate: ${violations[0]?.pointer} ${violations[0]?.message}${why}` : usable(value);
      if (reason === '') return value;
    }
    throw new CannotBuild(reason);
  };

  let url = op.pathTemplate;
  const query: string[] = [];
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const p of params) {
    if (p.in === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase())) continue;
    if (p.in !== 'path' && p.required !== true) continue;
    const content = isObject(p.content) ? Object.entries(p.content)[0] : undefined;
    const schema = content ? (content[1] as JsonObject).schema : p.schema;
    const style = typeof p.style === 'string' ? p.style : p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple';
    const explode = typeof p.explode === 'boolean' ? p.explode : style === 'form';
    const text = (value: unknown): string => (content ? JSON.stringify(value) : p.in === 'path' ? serialisePath(value, p.name, style, explode) : joinSimple(value, explode));
    const spread = p.in === 'query' && !content && style === 'form' && explode;
    // An exploded object's properties become query keys: one named like another, typed, parameter would be read as
    // that parameter too, so such properties are left out (and the object must still validate without them).
    const clashes = (k: string): boolean => {
      const other = queryParams.get(k);
      if (other === undefined || k === p.name) return false;
      const types = schemaTypes(other.schema);
      return types.size > 0 && !types.has('string');
    };
    const withoutClashes = (v: unknown): unknown => (spread && isObject(v) ? Object.fromEntries(Object.entries(v).filter(([k]) => !clashes(k))) : v);
    const value = generated(schema, `${p.in} ${p.name}`, (v) => {
      if (p.in === 'query') return '';
      const t = text(v);
      if (p.in === 'path') return t === '' ? `path parameter ${p.name} generated empty` : '';
      return /^[\t\x20-\x7e]*$/.test(t) && t === t.trim() ? '' : `${p.in} ${p.name} generated a value HTTP cannot carry: ${JSON.stringify(t)}`;
    }, withoutClashes);
    if (p.in === 'path') url = url.split(`{${p.name}}`).join(encodeURIComponent(text(value)));
    else if (p.in === 'query') query.push(...(content ? [`${enc(p.name)}=${enc(JSON.stringify(value))}`] : serialiseQuery(value, p.name, style, explode)));
    else if (p.in === 'header') headers[p.name] = text(value);
    else cookies.push(`${p.name}=${text(value)}`);
  }
  if (cookies.length > 0) headers.Cookie = cookies.join('; ');

  let body: string | undefined;
  const requestBody = op.operation.requestBody;
  if (isObject(requestBody) && isObject(requestBody.content) && Object.keys(requestBody.content).length > 0) {
    const entries = Object.entries(requestBody.content);
    const json = entries.find(([k]) => isJsonMediaType(parseMediaType(k)));
    const form = entries.find(([k]) => parseMediaType(k).essence === 'application/x-www-form-urlencoded');
    if (json) {
      const schema = isObject(json[1]) ? json[1].schema : undefined;
      body = JSON.stringify(schema === undefined ? {} : generated(schema, 'body'));
      headers['Content-Type'] = json[0].includes('*') ? 'application/json' : json[0];
    } else if (form) {
      const value = generated(isObject(form[1]) ? form[1].schema : undefined, 'body');
      body = isObject(value) ? Object.entries(value).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((item) => `${enc(k)}=${enc(String(item))}`)).join('&') : '';
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else {
      const [type] = entries[0] as [string, unknown];
      // Multipart, XML, text, binary: the mock only checks that the Content-Type is declared.
      headers['Content-Type'] = type.startsWith('multipart/') ? `${type}; boundary=walk` : type.includes('*') ? 'application/octet-stream' : type;
      body = type.startsWith('multipart/') ? '--walk--\r\n' : 'x';
    }
  }
  return { method: op.method, url: query.length > 0 ? `${url}?${query.join('&')}` : url, headers, body };
}

function enc(text: string): string {
  return encodeURIComponent(text);
}

function scalar(v: unknown): string {
  if (isObject(v) || Array.isArray(v)) throw new CannotBuild('nested values cannot be serialised in this style');
  return v === null || v === undefined ? '' : String(v);
}

function joinSimple(value: unknown, explode: boolean): string {
  if (Array.isArray(value)) return value.map(scalar).join(',');
  if (isObject(value)) return Object.entries(value).map(([k, v]) => (explode ? `${k}=${scalar(v)}` : `${k},${scalar(v)}`)).join(',');
  return scalar(value);
}

function serialisePath(value: unknown, name: string, style: string, explode: boolean): string {
  if (style === 'label') return `.${Array.isArray(value) && explode ? value.map(scalar).join('.') : joinSimple(value, explode)}`;
  if (style === 'matrix') {
    if (Array.isArray(value) && explode) return value.map((v) => `;${name}=${scalar(v)}`).join('');
    if (isObject(value) && explode) return Object.entries(value).map(([k, v]) => `;${k}=${scalar(v)}`).join('');
    return `;${name}=${joinSimple(value, false)}`;
  }
  return joinSimple(value, explode);
}

function serialiseQuery(value: unknown, name: string, style: string, explode: boolean): string[] {
  if (style === 'deepObject' && isObject(value)) return Object.entries(value).map(([k, v]) => `${enc(name)}[${enc(k)}]=${enc(scalar(v))}`);
  if (Array.isArray(value)) {
    if (explode) return value.map((v) => `${enc(name)}=${enc(scalar(v))}`);
    const separator = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
    return [`${enc(name)}=${enc(value.map(scalar).join(separator))}`];
  }
  if (isObject(value)) {
    if (explode) return Object.entries(value).map(([k, v]) => `${enc(k)}=${enc(scalar(v))}`);
    return [`${enc(name)}=${enc(joinSimple(value, false))}`];
  }
  return [`${enc(name)}=${enc(scalar(value))}`];
}

async function send(base: string, built: Built): Promise<request.Response> {
  let req = request(base)[built.method](built.url);
  for (const [k, v] of Object.entries(built.headers)) req = req.set(k, v);
  if (built.body !== undefined) req = req.send(built.body);
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** Empty when the answer is declared and its body fits the declared schema; otherwise what is wrong. */
function checkAnswer(doc: LoadedDocument, op: Operation, res: request.Response, dialect: SchemaDialect): string {
  const responses = (isObject(op.operation.responses) ? op.operation.responses : {}) as Record<string, unknown>;
  const keys = Object.keys(responses).map((k) => k.toUpperCase());
  const status = String(res.status);
  const key = [status, `${status[0]}XX`, 'DEFAULT'].find((k) => keys.includes(k));
  if (key === undefined) return `status ${status} is not declared (${keys.join(', ')}): ${(res.body as Buffer).toString('utf8').slice(0, 200)}`;
  const hasSuccess = keys.some((k) => k.startsWith('2') || k === 'DEFAULT');
  if (res.status >= 400 && hasSuccess) return `a valid request was refused with ${status}: ${(res.body as Buffer).toString('utf8').slice(0, 300)}`;
  const response = Object.entries(responses).find(([k]) => k.toUpperCase() === key)?.[1];
  const content = isObject(response) && isObject(response.content) ? response.content : {};
  const contentType = res.headers['content-type'];
  if (Object.keys(content).length === 0) return (res.body as Buffer).length === 0 ? '' : 'a body was sent for a response without content';
  if (contentType === undefined) return res.request.method === 'HEAD' ? '' : 'no Content-Type for a response with content';
  const sent = parseMediaType(contentType);
  const media = Object.entries(content).find(([k]) => parseMediaType(k).essence === sent.essence) ?? Object.entries(content).find(([k]) => k.includes('*'));
  if (media === undefined) return `Content-Type ${contentType} is not declared (${Object.keys(content).join(', ')})`;
  const schema = isObject(media[1]) ? media[1].schema : undefined;
  if (!isJsonMediaType(sent) || !isObject(schema) || res.request.method === 'HEAD') return '';
  let value: unknown;
  try {
    value = JSON.parse((res.body as Buffer).toString('utf8'));
  } catch {
    return 'the JSON body does not parse';
  }
  const violations = createValidator(schema, dialect, 'response', { document: doc.document })(value);
  if (violations.length === 0) return '';
  const listed = violations.slice(0, 3).map((v) => `${v.pointer} ${v.message}`).join('; ');
  // Only a schema that admits no value at all (e.g. a required property that additionalProperties: false forbids, at
  // the root or under required members) excuses a body that breaks it, and only where the contradiction lies: that
  // is the document's defect, reported apart. A contradiction under an optional property or in array items that may
  // be empty is the mock's to avoid.
  const prepared = prepareSchema(schema, dialect, { document: doc.document });
  const conflicts = findConflicts(prepared);
  const explained = violations.every((v) => {
    const name = /'([^']+)'/.exec(v.message)?.[1] ?? v.pointer.split('/').pop() ?? '';
    return name !== '' && conflicts.some((c) => c.includes(`"${name}"`));
  });
  if (!admitsNoValue(prepared) || !explained) return `body violates its schema: ${listed}`;
  return `DEFECT:body cannot satisfy its schema, which admits no value (${conflicts[0]}): ${listed}`;
}

/** A typed parameter with a value its schema refuses, or undefined when the parameter has no such type. */
function garbageFor(schema: unknown): string | undefined {
  if (!isObject(schema)) return undefined;
  const types = schemaTypes(schema);
  if (types.has('string') || types.size === 0) {
    return Array.isArray(schema.enum) && schema.enum.every((e) => typeof e === 'string') && !schema.enum.includes('not-in-the-enum') ? 'not-in-the-enum' : undefined;
  }
  if (types.has('integer') || types.has('number')) return 'not-a-number';
  if (types.has('boolean')) return 'not-a-boolean';
  return undefined;
}

function withGarbage(built: Built, op: Operation, param: Param, garbage: string): Built | undefined {
  const url = new URL(built.url, 'http://x');
  if (param.in === 'query') {
    url.searchParams.set(param.name, garbage);
    return { ...built, url: `${url.pathname}${url.search}` };
  }
  if (param.in === 'header') return { ...built, headers: { ...built.headers, [param.name]: garbage } };
  if (param.in === 'path') {
    const segments = op.pathTemplate.split('/');
    const index = segments.indexOf(`{${param.name}}`);
    if (index === -1) return undefined;
    const actual = url.pathname.split('/');
    actual[index] = garbage;
    return { ...built, url: `${actual.join('/')}${url.search}` };
  }
  return undefined;
}

describe.skipIf(!present)('corpus walk: every operation of every real document through the mock server', () => {
  it.each(files)('%s', async (file) => {
    let doc: LoadedDocument;
    try {
      doc = await loadOpenApi(path.join(corpusDir, file));
    } catch (err) {
      if (!(err instanceof OpenApiLoadError)) throw err;
      totals.refusedDocuments++;
      unbuildable.push(`${file}: document refused by the loader: ${err.reasons.join('; ')}`);
      return;
    }
    const dialect: SchemaDialect = doc.format === 'openapi-3.1' ? 'openapi-3.1' : 'openapi-3.0';
    const engine = createMockEngine({ document: doc, locale: 'en', seed: 'walk' });
    const server = http.createServer(createMockServer(engine, { logger: captureLogger('silent').logger }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const op of doc.operations) {
        totals.operations++;
        let built: Built;
        try {
          built = buildRequest(doc, op, dialect);
        } catch (err) {
          if (!(err instanceof CannotBuild)) throw err;
          unbuildable.push(`${file} ${op.id}: ${err.message}`);
          continue;
        }
        totals.built++;
        const res = await send(base, built);
        const problem = checkAnswer(doc, op, res, dialect);
        if (problem === '') totals.passed++;
        else if (problem.startsWith('DEFECT:')) defects.push(`${file} ${op.id}: ${problem.slice('DEFECT:'.length)}`);
        else failures.push(`${file} ${op.id} (${built.method.toUpperCase()} ${built.url}): ${problem}`);

        for (const param of ((op.operation.parameters as unknown[]) ?? []).filter((p): p is Param => isObject(p) && typeof p.name === 'string')) {
          if (param.in === 'header' && IGNORED_HEADERS.has(param.name.toLowerCase())) continue;
          const garbage = garbageFor(param.schema);
          if (garbage === undefined) continue;
          const broken = withGarbage(built, op, param, garbage);
          if (broken === undefined) continue;
          totals.garbage++;
          const bad = await send(base, broken);
          if (bad.status >= 400 && bad.status < 500) totals.garbageRefused++;
          else garbageFailures.push(`${file} ${op.id}: ${param.in} ${param.name}=${garbage} got ${bad.status}`);
        }
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 120_000);

  afterAll(() => {
    const lines = [
      `corpus walk: ${files.length} documents (${totals.refusedDocuments} refused by the loader), ${totals.operations} operations`,
      `  valid requests built for ${totals.built}/${totals.operations}; answered as declared: ${totals.passed}/${totals.built - defects.length}` +
        ` (+${defects.length} whose response schema admits no value at all)`,
      `  garbage in typed parameters: ${totals.garbageRefused}/${totals.garbage} refused with a 4xx`,
      ...unbuildable.map((u) => `  cannot build: ${u}`),
      ...defects.map((d) => `  document defect: ${d}`),
      ...failures.map((f) => `  FAILED: ${f}`),
      ...garbageFailures.map((f) => `  GARBAGE ACCEPTED: ${f}`),
    ];
    console.log(lines.join('\n'));
    expect(failures).toEqual([]);
    expect(garbageFailures).toEqual([]);
    expect(totals.built / Math.max(totals.operations, 1)).toBeGreaterThanOrEqual(0.95);
  });
});
