// Prepares one operation for serving, once at load: parameter decoders and validators, request media types, and
// per response its negotiation table, validated examples and headers. Requests then only look things up.

import type { JsonObject, Operation } from '../registry/types.js';
import type { SchemaCache } from './create-schema-cache.js';
import { createCoercer, type Coercer } from './create-coercer.js';
import { isJsonMediaType, parseMediaType, type MediaType } from './media-type.js';
import { createNegotiator, type Negotiator } from './negotiate.js';
import { defaultStyle, type ParameterLocation, type ParameterSpec, type ValueShape } from './parse-parameters.js';
import { isObject, schemaProperties, schemaTypes } from './schema-types.js';
import type { ValidateValue } from './types.js';

export interface PreparedParameter {
  readonly spec: ParameterSpec;
  readonly required: boolean;
  readonly schema: unknown;
  /** `content: {application/json: ...}` parameters carry JSON text instead of a styled value. */
  readonly json: boolean;
  readonly coerce: Coercer;
  readonly validate: ValidateValue | undefined;
}

export interface PreparedMedia {
  readonly key: string;
  readonly media: MediaType;
  readonly schema: unknown;
  /** Undefined when the media type declares no schema: anything goes. */
  readonly validate: ValidateValue | undefined;
  /** Request side only: decodes form-encoded fields to the schema's types. */
  readonly coerce: Coercer | undefined;
  /** Request side only: form fields declared as lists, which collect every occurrence. */
  readonly formLists: ReadonlySet<string>;
  /** Named examples as written (`example` is named "example"); Prefer example=<name> serves them. */
  readonly examples: ReadonlyMap<string, unknown>;
  /** The first example that validates against the schema: what static mode serves. */
  readonly staticExample: { readonly value: unknown } | undefined;
}

export interface PreparedHeader {
  readonly name: string;
  readonly schema: unknown;
  readonly example: { readonly value: unknown } | undefined;
}

export interface PreparedResponse {
  /** The `responses` key: '200', '4XX' or 'default'. */
  readonly key: string;
  readonly headers: readonly PreparedHeader[];
  readonly content: ReadonlyMap<string, PreparedMedia>;
  readonly negotiate: Negotiator;
}

export interface PreparedRequestBody {
  readonly required: boolean;
  readonly content: readonly PreparedMedia[];
}

export interface StatusChoice {
  readonly key: string;
  readonly status: number;
}

export interface PreparedOperation {
  readonly operation: Operation;
  readonly parameters: readonly PreparedParameter[];
  readonly body: PreparedRequestBody | undefined;
  readonly responses: ReadonlyMap<string, PreparedResponse>;
  /** What a request without `Prefer: code` gets. */
  readonly success: StatusChoice | undefined;
  /** The document's own answer to an invalid request (400, else 422, else 4XX), if it has one. */
  readonly invalid: StatusChoice | undefined;
}

// OpenAPI says these header parameters are to be ignored: HTTP itself (and the gateway) handles them.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
// Transport headers the server computes itself; a document declaring them must not make us send conflicting ones.
const SKIPPED_RESPONSE_HEADERS = new Set(['content-type', 'content-length', 'transfer-encoding', 'connection']);
const STATUS_KEY = /^[1-5](\d\d|XX)$/i;

export function prepareOperation(operation: Operation, cache: SchemaCache): PreparedOperation {
  const op = operation.operation;
  const parameters = prepareParameters(op.parameters, cache);
  const body = prepareRequestBody(op.requestBody, cache);
  const responses = new Map<string, PreparedResponse>();
  for (const [rawKey, response] of Object.entries(isObject(op.responses) ? op.responses : {})) {
    const key = rawKey.trim().toUpperCase() === 'DEFAULT' ? 'default' : rawKey.trim().toUpperCase();
    if (key !== 'default' && !STATUS_KEY.test(key)) continue;
    if (!isObject(response)) continue;
    responses.set(key, prepareResponse(key, response, cache));
  }
  return { operation, parameters, body, responses, success: chooseSuccess(responses), invalid: chooseInvalid(responses) };
}

/** `2XX` → 200, `404` → 404. */
export function statusOfKey(key: string): number {
  return /^\dXX$/i.test(key) ? Number(key[0]) * 100 : Number(key);
}

function chooseSuccess(responses: ReadonlyMap<string, PreparedResponse>): StatusChoice | undefined {
  const keys = [...responses.keys()];
  const numeric = keys.filter((k) => /^\d\d\d$/.test(k)).sort();
  const twoXX = numeric.find((k) => k.startsWith('2'));
  if (twoXX !== undefined) return { key: twoXX, status: Number(twoXX) };
  if (responses.has('2XX')) return { key: '2XX', status: 200 };
  // A document that only describes `default` answers with it as success, as Prism does.
  if (responses.has('default')) return { key: 'default', status: 200 };
  const lowest = numeric[0] ?? keys.filter((k) => k !== 'default').sort()[0];
  return lowest === undefined ? undefined : { key: lowest, status: statusOfKey(lowest) };
}

function chooseInvalid(responses: ReadonlyMap<string, PreparedResponse>): StatusChoice | undefined {
  for (const key of ['400', '422', '4XX']) if (responses.has(key)) return { key, status: key === '4XX' ? 400 : Number(key) };
  return undefined;
}

function prepareParameters(list: unknown, cache: SchemaCache): PreparedParameter[] {
  const prepared: PreparedParameter[] = [];
  for (const p of Array.isArray(list) ? list : []) {
    if (!isObject(p) || typeof p.name !== 'string') continue;
    const location = p.in;
    if (location !== 'path' && location !== 'query' && location !== 'header' && location !== 'cookie') continue;
    if (location === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase())) continue;
    const content = isObject(p.content) ? Object.entries(p.content)[0] : undefined;
    const schema = content !== undefined ? (isObject(content[1]) ? content[1].schema : undefined) : p.schema;
    const json = content !== undefined && isJsonMediaType(parseMediaType(content[0]));
    const types = schemaTypes(schema);
    // A list-or-scalar schema is read as a list: one value decodes to a list of one, which still validates.
    const shape: ValueShape = json || content !== undefined ? 'primitive' : types.has('array') ? 'array' : types.has('object') ? 'object' : 'primitive';
    const style = typeof p.style === 'string' ? p.style : defaultStyle(location as ParameterLocation);
    const explode = typeof p.explode === 'boolean' ? p.explode : style === 'form';
    prepared.push({
      spec: { name: p.name, in: location, style, explode, shape, objectKeys: [...schemaProperties(schema).keys()] },
      // Path parameters are always required, whatever the document says.
      required: location === 'path' || p.required === true,
      schema,
      json,
      coerce: json ? (v) => v : createCoercer(schema),
      validate: schema === undefined ? undefined : cache.validator(schema, 'request'),
    });
  }
  return prepared;
}

function prepareRequestBody(requestBody: unknown, cache: SchemaCache): PreparedRequestBody | undefined {
  if (!isObject(requestBody) || !isObject(requestBody.content)) return undefined;
  const content = Object.entries(requestBody.content).map(([key, media]) => prepareMedia(key, media, cache, 'request'));
  return { required: requestBody.required === true, content };
}

function prepareResponse(key: string, response: JsonObject, cache: SchemaCache): PreparedResponse {
  const content = new Map<string, PreparedMedia>();
  for (const [mediaKey, media] of Object.entries(isObject(response.content) ? response.content : {})) {
    content.set(mediaKey, prepareMedia(mediaKey, media, cache, 'response'));
  }
  const headers: PreparedHeader[] = [];
  for (const [name, header] of Object.entries(isObject(response.headers) ? response.headers : {})) {
    if (SKIPPED_RESPONSE_HEADERS.has(name.toLowerCase()) || !isObject(header)) continue;
    const fromContent = isObject(header.content) ? Object.values(header.content)[0] : undefined;
    const schema = header.schema ?? (isObject(fromContent) ? fromContent.schema : undefined);
    const example = header.example !== undefined ? header.example : isObject(schema) ? schema.example : undefined;
    const valid = example !== undefined && cache.validator(schema, 'response')(example).length === 0;
    headers.push({ name, schema, example: valid ? { value: example } : undefined });
  }
  return { key, headers, content, negotiate: createNegotiator([...content.keys()]) };
}

function prepareMedia(key: string, raw: unknown, cache: SchemaCache, direction: 'request' | 'response'): PreparedMedia {
  const media = parseMediaType(key);
  const object = isObject(raw) ? raw : {};
  const schema = object.schema;
  const hasSchema = schema !== undefined && schema !== null && !(isObject(schema) && Object.keys(schema).length === 0);
  const validate = hasSchema ? cache.validator(schema, direction) : undefined;
  // Responses are generated from: prepare (and analyse) their schema now rather than on the first request.
  if (hasSchema && direction === 'response') cache.prepared(schema);
  const examples = new Map<string, unknown>();
  if (isObject(object.examples)) {
    for (const [name, example] of Object.entries(object.examples)) {
      // externalValue points outside the document; nothing is fetched at load, so those are skipped.
      if (isObject(example) && 'value' in example) examples.set(name, example.value);
    }
  }
  if (object.example !== undefined && !examples.has('example')) examples.set('example', object.example);
  let staticExample: { value: unknown } | undefined;
  if (direction === 'response') {
    for (const value of examples.values()) {
      if (validate === undefined || validate(value).length === 0) {
        staticExample = { value };
        break;
      }
    }
  }
  const form = direction === 'request' && media.essence === 'application/x-www-form-urlencoded';
  const formLists = new Set(form ? [...schemaProperties(schema)].filter(([, sub]) => schemaTypes(sub).has('array')).map(([name]) => name) : []);
  return { key, media, schema: hasSchema ? schema : undefined, validate, coerce: form ? createCoercer(schema) : undefined, formLists, examples, staticExample };
}
