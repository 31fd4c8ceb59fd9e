// Checks a request against its prepared operation: every parameter (decoded by style, coerced, validated) and the
// body (Content-Type among the declared ones, JSON and form bodies against their schema). Returns every violation.

import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import { isJsonMediaType, parseMediaType, type MediaType } from './media-type.js';
import { decodeParameter, parseQueryString, type ParameterSpec, type RequestParts } from './parse-parameters.js';
import type { PreparedMedia, PreparedOperation } from './prepare-operation.js';

export interface Violation {
  readonly in: 'path' | 'query' | 'header' | 'cookie' | 'body';
  /** The parameter's name (parameters only). */
  readonly name?: string;
  /** JSON Pointer into the parameter's or the body's value; omitted for the whole value of a parameter. */
  readonly pointer?: string;
  readonly message: string;
}

/** The body as the adapter read it (bytes), or as a caller already parsed it (tests, programmatic use). */
export type RequestBody = { readonly kind: 'none' } | { readonly kind: 'raw'; readonly bytes: Buffer } | { readonly kind: 'parsed'; readonly value: unknown };

/** A parameter the request sent and that its schema accepts, decoded to the schema's types. */
export interface CheckedParameter {
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly name: string;
  readonly value: unknown;
}

export interface RequestCheck {
  readonly violations: readonly Violation[];
  /** The valid parameters, in declaration order: answers echo them (an answer about the id that was asked for). */
  readonly parameters: readonly CheckedParameter[];
  /** The body decoded (JSON or form) when it could be; scenarios match on it. */
  readonly body: unknown;
}

export function validateRequest(op: PreparedOperation, parts: RequestParts, body: RequestBody): RequestCheck {
  const violations: Violation[] = [];
  const parameters: CheckedParameter[] = [];
  for (const p of op.parameters) {
    let decoded = decodeParameter(p.spec, parts);
    const where = { in: p.spec.in, name: p.spec.name } as const;
    if (!decoded.present && p.required && spreadsOverKeys(p.spec)) {
      // An object whose properties are separate query keys has no name of its own to be missing: it is the empty
      // object, and the schema's own `required` says which properties are lacking.
      decoded = { present: true, value: {} };
    }
    if (!decoded.present) {
      if (p.required) violations.push({ ...where, message: `the ${p.spec.in} parameter "${p.spec.name}" is required` });
      continue;
    }
    let value: unknown;
    if (p.json) {
      try {
        value = JSON.parse(String(decoded.value));
      } catch {
        violations.push({ ...where, message: 'must be JSON text' });
        continue;
      }
    } else {
      value = p.coerce(decoded.value);
    }
    const found = p.validate?.(value) ?? [];
    for (const v of found) violations.push(v.pointer === '' ? { ...where, message: v.message } : { ...where, pointer: v.pointer, message: v.message });
    if (found.length === 0) parameters.push({ ...where, value });
  }
  const checked = checkBody(op, parts, body, violations);
  return { violations, parameters, body: checked };
}

function checkBody(op: PreparedOperation, parts: RequestParts, body: RequestBody, violations: Violation[]): unknown {
  const spec = op.body;
  const present = body.kind === 'parsed' || (body.kind === 'raw' && body.bytes.length > 0);
  // An operation that declares no body ignores one it is sent, as most servers do: refusing it would refuse valid calls.
  if (spec === undefined || spec.content.length === 0) return body.kind === 'parsed' ? body.value : undefined;
  if (!present) {
    if (spec.required) violations.push({ in: 'body', pointer: '', message: 'a request body is required' });
    return undefined;
  }
  const header = parts.headers['content-type'];
  const sent = typeof header === 'string' && header.trim() !== '' ? parseMediaType(header) : undefined;
  const media = findMedia(spec.content, sent, body.kind === 'parsed');
  if (media === undefined) {
    const allowed = spec.content.map((m) => m.key);
    throw new ProblemError(problems.unsupportedMediaType, `Content-Type ${sent ? `"${sent.essence}"` : '(none)'} is not accepted here; send one of: ${allowed.join(', ')}.`, {
      extensions: { allowed },
    });
  }
  const effective = sent !== undefined && sent.type !== '*' && sent.subtype !== '*' ? sent : media.media;
  if (body.kind === 'parsed') return validateValue(media, body.value, violations);
  if (isJsonMediaType(effective)) {
    let value: unknown;
    try {
      value = JSON.parse(body.bytes.toString('utf8'));
    } catch (err) {
      violations.push({ in: 'body', pointer: '', message: `the body is not valid JSON (${(err as Error).message})` });
      return undefined;
    }
    return validateValue(media, value, violations);
  }
  if (effective.essence === 'application/x-www-form-urlencoded') {
    const fields = formFields(body.bytes.toString('utf8'), media.formLists);
    return validateValue(media, media.coerce ? media.coerce(fields) : fields, violations);
  }
  // XML, multipart, text and binary bodies: their Content-Type was accepted; their content is the client's business.
  return undefined;
}

function spreadsOverKeys(spec: ParameterSpec): boolean {
  return spec.in === 'query' && spec.shape === 'object' && (spec.style === 'deepObject' || (spec.style === 'form' && spec.explode));
}

function validateValue(media: PreparedMedia, value: unknown, violations: Violation[]): unknown {
  for (const v of media.validate?.(value) ?? []) violations.push({ in: 'body', pointer: v.pointer, message: v.message });
  return value;
}

/** Exact type first, then the declared wildcards; without a Content-Type, the first declared type is assumed. */
function findMedia(content: readonly PreparedMedia[], sent: MediaType | undefined, parsed: boolean): PreparedMedia | undefined {
  if (sent === undefined) return parsed ? (content.find((m) => isJsonMediaType(m.media)) ?? content[0]) : content[0];
  return (
    content.find((m) => m.media.essence === sent.essence) ??
    content.find((m) => m.media.type === sent.type && m.media.subtype === '*') ??
    content.find((m) => m.media.essence === '*/*')
  );
}

/** Form fields by the schema: a field declared as a list collects every occurrence, others keep the first. */
function formFields(text: string, lists: ReadonlySet<string>): Record<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [name, value] of parseQueryString(text)) {
    const existing = fields.get(name);
    if (lists.has(name)) fields.set(name, Array.isArray(existing) ? [...existing, value] : [value]);
    else if (existing === undefined) fields.set(name, value);
  }
  return Object.fromEntries(fields);
}
