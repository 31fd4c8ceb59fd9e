// Answers an invalid request: with the operation's own documented 400 (or 422) response, carrying the violations
// wherever its schema leaves room for them, or else with Portico's 400 problem+json listing them.

import { ProblemError, toProblem } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import { chooseValue, negotiate, type BuildContext, buildResponse } from './build-response.js';
import { createFitter } from './keep-if-valid.js';
import { fitProblem } from './fit-problem.js';
import { generateValue } from './generate/generate-value.js';
import type { MockResponse } from './mock-exchange.js';
import type { PreparedOperation } from './prepare-operation.js';
import { responseSeed } from './request-seed.js';
import { isObject, itemsSchema, schemaProperties, schemaTypes } from './schema-types.js';
import type { ValidateValue } from './types.js';
import type { Violation } from './validate-request.js';

// Names error schemas commonly give their list of field errors, in order of preference.
const LIST_NAMES = ['violations', 'errors', 'invalidParams', 'invalid_params', 'invalid-params', 'fieldErrors', 'field_errors', 'details', 'validationErrors'];

export function buildInvalidResponse(op: PreparedOperation, violations: readonly Violation[], ctx: BuildContext): MockResponse {
  const detail = summarise(violations);
  const response = op.invalid === undefined ? undefined : op.responses.get(op.invalid.key);
  if (op.invalid === undefined || response === undefined || response.content.size === 0) {
    throw new ProblemError(problems.badRequest, detail, { extensions: { violations } });
  }
  const status = op.invalid.status;
  const negotiated = negotiate(response, { accept: ctx.accept, strictAccept: false });
  const media = response.content.get(negotiated.key);
  if (media === undefined) throw new ProblemError(problems.badRequest, detail, { extensions: { violations } });
  const seed = responseSeed(ctx.seed, status, negotiated.contentType);

  let value: unknown;
  if (media.validate === undefined) {
    // No schema: any body fits, so the most informative one is used.
    value = toProblem(problems.badRequest, detail, undefined, { violations });
  } else {
    const base = chooseValue(media, { ...ctx, example: undefined }, seed);
    value = fitViolations(base, media.schema, media.validate, violations, status, detail, ctx, seed);
  }
  return buildResponse(status, response, ctx, { media, contentType: negotiated.contentType, value });
}

function summarise(violations: readonly Violation[]): string {
  const listed = violations.slice(0, 3).map((v) => `${v.in}${v.name ? ` ${v.name}` : ''}${v.pointer ? ` ${v.pointer}` : ''}: ${v.message}`);
  const more = violations.length > 3 ? ` (+${violations.length - 3} more)` : '';
  return `The request does not match the API description: ${listed.join('; ')}${more}.`;
}

/** Each change is kept only if the body stays as valid as it was, so the answer always keeps to the documented shape. */
function fitViolations(
  base: unknown,
  schema: unknown,
  validate: ValidateValue,
  violations: readonly Violation[],
  status: number,
  detail: string,
  ctx: BuildContext,
  seed: string,
): unknown {
  if (!isObject(base)) return base;
  const props = schemaProperties(schema);
  // Problem-shaped bodies (RFC 7807/9457 and most agency error formats) get coherent members.
  const fitter = createFitter(fitProblem(base, schema, validate, { status, detail, instance: ctx.request?.path }), validate);

  const plain = violations.map((v) => ({ ...v }));
  const listName = LIST_NAMES.find((n) => props.has(n) && schemaTypes(props.get(n)).has('array'));
  if (listName !== undefined) {
    if (fitter.attempt({ ...fitter.best, [listName]: plain })) return fitter.best;
    const items = itemsSchema(props.get(listName));
    const sample = generateValue(ctx.cache.prepared(items ?? {}), { locale: ctx.locale, seed: `${seed}:item`, direction: 'response' });
    fitter.attempt({ ...fitter.best, [listName]: violations.map((v) => fitItem(sample, items, v)) });
    return fitter.best;
  }
  // Only accepted when the schema allows extra members.
  fitter.attempt({ ...fitter.best, violations: plain });
  return fitter.best;
}

/** Fills an error item's string members from a violation by their usual names, keeping the rest as generated. */
function fitItem(sample: unknown, schema: unknown, violation: Violation): unknown {
  if (!isObject(sample)) return sample;
  const item: Record<string, unknown> = { ...sample };
  for (const [name, sub] of schemaProperties(schema)) {
    if (!schemaTypes(sub).has('string') && schemaTypes(sub).size > 0) continue;
    const key = name.toLowerCase();
    if (key === 'in') item[name] = violation.in;
    else if (/message|detail|description|reason|text|msg|error/.test(key)) item[name] = violation.message;
    else if (/field|name|param|property|path|pointer|location|source/.test(key)) item[name] = violation.name ?? violation.pointer ?? '';
  }
  return item;
}
