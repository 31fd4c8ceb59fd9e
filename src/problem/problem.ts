// RFC 9457 problem details: the one shape every client-visible error takes, and the error features throw to produce it.

/** Base URI of Portico's problem types; each code becomes `${PROBLEM_BASE}/${code}`. */
export const PROBLEM_BASE = 'https://portico.dev/problems';

export interface ProblemTemplate {
  /** Stable, documented code; the last segment of `type`. */
  readonly code: ProblemCode;
  readonly status: number;
  readonly title: string;
}

export type ProblemCode =
  | 'not-found'
  | 'api-not-found'
  | 'operation-not-found'
  | 'method-not-allowed'
  | 'unauthorized'
  | 'forbidden'
  | 'bad-request'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'not-acceptable'
  | 'unprocessable'
  | 'rate-limited'
  | 'quota-exceeded'
  | 'sandbox-unavailable'
  | 'sandbox-disabled'
  | 'bad-gateway'
  | 'gateway-timeout'
  | 'service-unavailable'
  | 'internal';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Extension members (RFC 9457 §3.2), e.g. `allow` or `violations`. */
  [extension: string]: unknown;
}

/** Thrown by features; the problem middleware turns it into the response. */
export class ProblemError extends Error {
  readonly template: ProblemTemplate;
  readonly detail: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(
    template: ProblemTemplate,
    detail?: string,
    options: { headers?: Record<string, string>; extensions?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(detail ?? template.title, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProblemError';
    this.template = template;
    this.detail = detail;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }
}

export function problemType(code: ProblemCode): string {
  return `${PROBLEM_BASE}/${code}`;
}

/** Builds the JSON body; extensions never overwrite the standard members. */
export function toProblem(
  template: ProblemTemplate,
  detail: string | undefined,
  instance: string | undefined,
  extensions: Readonly<Record<string, unknown>> = {},
): Problem {
  const body: Problem = { ...extensions, type: problemType(template.code), title: template.title, status: template.status };
  if (detail !== undefined) body.detail = detail;
  if (instance !== undefined) body.instance = instance;
  return body;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
