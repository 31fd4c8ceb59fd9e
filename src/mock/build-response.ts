// Turns a chosen response into a MockResponse: negotiates the media type, picks the value (named example, a valid
// document example in static mode, or generated data), makes it about the request (echoed identifiers, a coherent
// problem), renders it, and produces the declared headers.

import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import type { SchemaCache } from './create-schema-cache.js';
import { createChangeChecker, type ChangeChecker } from './echo/check-change.js';
import { echoRequest } from './echo/echo-request.js';
import { fitProblem, isProblemShaped, statusDetail } from './fit-problem.js';
import { generateValue } from './generate/generate-value.js';
import type { MockResponse } from './mock-exchange.js';
import type { Negotiated } from './negotiate.js';
import type { PreparedHeader, PreparedMedia, PreparedResponse } from './prepare-operation.js';
import { renderBody } from './render-body.js';
import { getPreparedNode } from './schema/prepare-schema.js';
import { responseSeed } from './request-seed.js';
import type { Locale } from './types.js';
import type { CheckedParameter } from './validate-request.js';

/** What an answer may reflect of its request. */
export interface RequestFacts {
  readonly method: string;
  /** The path as the client called it (the API's base path included), for a problem's `instance`. */
  readonly path: string;
  /** The valid parameters, whose values the answer repeats where it has properties of the same name. */
  readonly parameters: readonly CheckedParameter[];
  /** Lower-case names: a request id sent is repeated in a declared X-Request-ID-like response header. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

export interface BuildContext {
  readonly cache: SchemaCache;
  readonly locale: Locale;
  /** The request's seed (see request-seed.ts). */
  readonly seed: string;
  readonly accept: string | undefined;
  readonly dynamic: boolean;
  /** `Prefer: example=<name>`. */
  readonly example: string | undefined;
  /** HEAD: everything but the body. */
  readonly head: boolean;
  readonly validateResponses: boolean;
  /** Strict negotiation answers 406; error answers fall back to their first media type instead. */
  readonly strictAccept: boolean;
  /** Absent for callers that only want schema-driven data. */
  readonly request?: RequestFacts;
}

/** A value fixed in advance (a scenario body, a fitted error) replaces the example/generation step. */
export interface FixedBody {
  readonly media: PreparedMedia | undefined;
  /** Defaults to the media type's key, or JSON when that key is a wildcard. */
  readonly contentType?: string;
  readonly value: unknown;
}

function fixedType(fixed: FixedBody): Negotiated {
  const media = fixed.media as PreparedMedia;
  const wildcard = media.media.type === '*' || media.media.subtype === '*';
  return { key: media.key, contentType: fixed.contentType ?? (wildcard ? 'application/json' : media.key) };
}

export function buildResponse(status: number, response: PreparedResponse, ctx: BuildContext, fixed?: FixedBody): MockResponse {
  const withoutBody = response.content.size === 0 || status === 204 || status === 304 || status < 200;
  if (withoutBody) return { status, headers: responseHeaders(response.headers, ctx, responseSeed(ctx.seed, status, '')), body: '' };

  const negotiated = fixed?.media !== undefined ? fixedType(fixed) : negotiate(response, ctx);
  const media = response.content.get(negotiated.key) as PreparedMedia;
  const contentType = negotiated.contentType;
  const seed = responseSeed(ctx.seed, status, contentType);

  let value: unknown;
  if (fixed !== undefined) {
    value = fixed.value;
  } else {
    value = reflectRequest(chooseValue(media, ctx, seed), status, media, ctx);
    if (ctx.validateResponses && media.validate !== undefined) {
      const violations = media.validate(value);
      if (violations.length > 0) {
        throw new ProblemError(problems.internal, `The mock's ${status} ${contentType} body does not match its schema.`, { extensions: { violations } });
      }
    }
  }
  const headers = { 'Content-Type': contentType, ...responseHeaders(response.headers, ctx, seed) };
  return { status, headers, body: ctx.head ? '' : renderBody(contentType, value, { schema: media.schema, seed }) };
}

export function negotiate(response: PreparedResponse, ctx: Pick<BuildContext, 'accept' | 'strictAccept'>): Negotiated {
  const negotiated = response.negotiate(ctx.accept);
  if (negotiated !== undefined) return negotiated;
  const allowed = [...response.content.keys()];
  if (ctx.strictAccept) {
    throw new ProblemError(problems.notAcceptable, `Accept: ${ctx.accept} matches none of the media types of this response: ${allowed.join(', ')}.`, {
      extensions: { allowed },
    });
  }
  // An error is more useful in a media type the client did not ask for than replaced by a 406.
  return response.negotiate(undefined) ?? { key: allowed[0] as string, contentType: allowed[0] as string };
}

/**
 * A success answer repeats the request's identifiers (also in a document example: it is then about the resource asked
 * for); a generated error body says what happened. A named example (Prefer: example) is served exactly as written.
 */
function reflectRequest(value: unknown, status: number, media: PreparedMedia, ctx: BuildContext): unknown {
  const request = ctx.request;
  if (request === undefined || media.validate === undefined || ctx.example !== undefined) return value;
  const generated = generates(media, ctx);
  if (status < 400) {
    // A generated value is this request's own: echoes go into it directly rather than into a copy.
    value = echoRequest(value, request.parameters, ctx.locale, media.validate, { owned: generated, checkChange: changeChecker(media, ctx.cache) });
  }
  const problemLike = status >= 400 || isProblemShaped(media.schema);
  if (!problemLike || !generated || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const detail = statusDetail(status, request.method, request.path);
  return fitProblem(value as Record<string, unknown>, media.schema, media.validate, { status, detail, instance: request.path });
}

const checkers = new WeakMap<PreparedMedia, ChangeChecker | undefined>();

/** Judges echoed values against their own sub-schemas (see check-change.ts); made once per media type. */
function changeChecker(media: PreparedMedia, cache: SchemaCache): ChangeChecker | undefined {
  if (checkers.has(media)) return checkers.get(media);
  const checker = media.schema === undefined ? undefined : createChangeChecker(getPreparedNode(cache.prepared(media.schema)), (schema) => cache.validator(schema, 'response'));
  checkers.set(media, checker);
  return checker;
}

/** Whether chooseValue generates the value rather than serving one of the document's examples. */
function generates(media: PreparedMedia, ctx: Pick<BuildContext, 'dynamic' | 'example'>): boolean {
  return ctx.example === undefined && media.schema !== undefined && (media.staticExample === undefined || ctx.dynamic);
}

export function chooseValue(media: PreparedMedia, ctx: Pick<BuildContext, 'cache' | 'locale' | 'dynamic' | 'example'>, seed: string): unknown {
  if (ctx.example !== undefined) {
    if (media.examples.has(ctx.example)) return media.examples.get(ctx.example);
    const allowed = [...media.examples.keys()];
    throw new ProblemError(
      problems.unprocessable,
      `Prefer: example=${ctx.example} is not an example of this ${media.key} response; ${allowed.length > 0 ? `its examples: ${allowed.join(', ')}` : 'it has none'}.`,
      { extensions: { preference: 'example', allowed } },
    );
  }
  // Static mode serves the document's own example when it is valid; a schema-less response has nothing else to offer.
  if (!generates(media, ctx)) return media.staticExample?.value;
  return generateValue(ctx.cache.prepared(media.schema), { locale: ctx.locale, seed, direction: 'response' });
}

// Response headers that carry the request's id back: the one the client sent, when the header's schema takes it.
const REQUEST_ID_HEADER = /^(x-)?(request|correlation|trace|transaction)[-_]?id$/i;
const REQUEST_ID_SOURCES = ['x-request-id', 'x-correlation-id', 'request-id', 'correlation-id'];

function responseHeaders(declared: readonly PreparedHeader[], ctx: Pick<BuildContext, 'cache' | 'locale' | 'dynamic' | 'example' | 'request'>, seed: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of declared) {
    let value: unknown;
    const requestId = REQUEST_ID_HEADER.test(header.name) ? (sentRequestId(header, ctx) ?? newRequestId(header, ctx, seed)) : undefined;
    if (requestId !== undefined) value = requestId;
    else if (header.example !== undefined && (!ctx.dynamic || ctx.example !== undefined)) value = header.example.value;
    else if (header.schema !== undefined) value = generateValue(ctx.cache.prepared(header.schema), { locale: ctx.locale, seed: `${seed}:${header.name}`, direction: 'response' });
    else continue;
    headers[header.name] = headerText(value);
  }
  return headers;
}

function sentRequestId(header: PreparedHeader, ctx: Pick<BuildContext, 'cache' | 'request'>): string | undefined {
  const sent = ctx.request?.headers;
  if (sent === undefined) return undefined;
  const validate = header.schema === undefined ? undefined : ctx.cache.validator(header.schema, 'response');
  for (const name of [header.name.toLowerCase(), ...REQUEST_ID_SOURCES]) {
    const value = sent[name];
    if (typeof value === 'string' && /^[\x21-\x7e]{1,200}$/.test(value) && (validate === undefined || validate(value).length === 0)) return value;
  }
  return undefined;
}

// Kept as one object: prepared schemas are cached by identity.
const UUID_SCHEMA = { type: 'string', format: 'uuid' };

/** A fresh-looking id (a UUID from the seed) where the header's schema takes one; else the schema's own value. */
function newRequestId(header: PreparedHeader, ctx: Pick<BuildContext, 'cache' | 'locale'>, seed: string): string | undefined {
  const id = generateValue(ctx.cache.prepared(UUID_SCHEMA), { locale: ctx.locale, seed: `${seed}:${header.name}`, direction: 'response' }) as string;
  const validate = header.schema === undefined ? undefined : ctx.cache.validator(header.schema, 'response');
  return validate === undefined || validate(id).length === 0 ? id : undefined;
}

/** The `simple` style, and only characters HTTP allows in a field value (node refuses the others outright). */
function headerText(value: unknown): string {
  let text: string;
  if (Array.isArray(value)) text = value.map((v) => scalarText(v)).join(',');
  else if (typeof value === 'object' && value !== null) text = Object.entries(value).flatMap(([k, v]) => [k, scalarText(v)]).join(',');
  else text = scalarText(value);
  // Accented letters keep their base letter (è → e) rather than vanish.
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\t\x20-\x7e]/g, '').trim();
}

function scalarText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
