// Fills a generated error body the way a real server would: the actual status, its title, a sentence of detail and,
// for RFC 9457-shaped bodies, a problem type and the request path as instance, instead of random words and URLs.
import { STATUS_CODES } from 'node:http';
import { problems } from '../problem/catalogue.js';
import { problemType, type ProblemTemplate } from '../problem/problem.js';
import { schemaProperties } from './schema-types.js';
import type { ValidateValue } from './types.js';
import { createFitter } from './keep-if-valid.js';

export interface ProblemFacts {
  readonly status: number;
  /** A sentence for `detail` (or `message`): the violations for an invalid request, else the status's usual meaning. */
  readonly detail: string;
  /** The path the client called, for `instance`. */
  readonly instance: string | undefined;
}

const PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance'];

// Portico's own problem types for the statuses they describe; any other status is `about:blank` with its reason phrase.
const TEMPLATES: ReadonlyMap<number, ProblemTemplate> = new Map(
  [
    problems.badRequest, problems.unauthorized, problems.forbidden, problems.notFound, problems.methodNotAllowed, problems.notAcceptable,
    problems.payloadTooLarge, problems.unsupportedMediaType, problems.unprocessable, problems.rateLimited, problems.internal,
    problems.badGateway, problems.serviceUnavailable, problems.gatewayTimeout,
  ].map((t) => [t.status, t]),
);

const DETAILS: Readonly<Record<number, string>> = {
  400: 'The request is malformed or does not match the API description.',
  401: 'The access token is missing, invalid or expired.',
  403: 'The access token does not grant access to this operation.',
  406: 'None of the media types in Accept can be served.',
  409: 'The request conflicts with the current state of the resource.',
  410: 'The resource is no longer available.',
  412: 'A precondition of the request is not met.',
  413: 'The request body is too large.',
  415: 'The media type of the request body is not supported.',
  422: 'The request is well-formed but cannot be processed.',
  429: 'Too many requests: retry later.',
  500: 'An unexpected error occurred: retry later.',
  501: 'This operation is not implemented.',
  502: 'The service behind this API answered with an error.',
  503: 'The service is temporarily unavailable: retry later.',
  504: 'The service behind this API did not answer in time.',
};

// Asked for every answer: remembered per schema object.
const shapes = new WeakMap<object, boolean>();

/** At least two of the RFC 9457 members: the body is a problem, whatever else it carries. */
export function isProblemShaped(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  let shaped = shapes.get(schema);
  if (shaped === undefined) {
    const props = schemaProperties(schema);
    shapes.set(schema, (shaped = PROBLEM_MEMBERS.filter((m) => props.has(m)).length >= 2));
  }
  return shaped;
}

/** The usual meaning of a status, said about the request. */
export function statusDetail(status: number, method: string, path: string): string {
  if (status === 404) return `No resource matches ${path}.`;
  if (status === 405) return `${method.toUpperCase()} is not allowed on ${path}.`;
  if (status >= 200 && status < 300) return 'The request succeeded.';
  return DETAILS[status] ?? `${reasonPhrase(status)}.`;
}

/**
 * status, title and detail (or message) whenever the schema has them; type and instance for problem-shaped bodies,
 * dropped when the schema refuses every sensible value and lets them go. Each change is kept only if the body stays
 * as valid as it was.
 */
export function fitProblem(base: Record<string, unknown>, schema: unknown, validate: ValidateValue, facts: ProblemFacts): Record<string, unknown> {
  const fitter = createFitter(base, validate);
  const attempt = (candidate: Record<string, unknown>): boolean => fitter.attempt(candidate);
  const without = (name: string): Record<string, unknown> => Object.fromEntries(Object.entries(fitter.best).filter(([k]) => k !== name));
  const props = schemaProperties(schema);
  const shaped = isProblemShaped(schema);
  const template = TEMPLATES.get(facts.status);

  let title = reasonPhrase(facts.status);
  if (shaped && props.has('type')) {
    if (template !== undefined && attempt({ ...fitter.best, type: problemType(template.code) })) title = template.title;
    else if (!attempt({ ...fitter.best, type: 'about:blank' })) attempt(without('type'));
  }
  if (props.has('status')) attempt({ ...fitter.best, status: typeof fitter.best.status === 'string' ? String(facts.status) : facts.status });
  if (props.has('title')) attempt({ ...fitter.best, title });
  if (props.has('detail')) attempt({ ...fitter.best, detail: facts.detail });
  else if (props.has('message')) attempt({ ...fitter.best, message: facts.detail });
  if (shaped && props.has('instance')) {
    if (facts.instance === undefined || !attempt({ ...fitter.best, instance: facts.instance })) attempt(without('instance'));
  }
  return fitter.best;
}

function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'Server Error' : status >= 400 ? 'Client Error' : 'OK');
}
