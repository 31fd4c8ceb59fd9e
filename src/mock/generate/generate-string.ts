// Strings, most specific source first: national identifiers, formats, realistic values by property name, the
// schema's pattern, then plain words; every candidate must pass the schema's length, pattern and format.
import { recogniseIdentifier, type IdentifierGenerator } from '../identifiers/recognise-identifier.js';
import type { PreparedNode } from '../schema/prepared-node.js';
import { checkFormat } from './check-format.js';
import { formatGenerator, isoDate, isoDateTime, plausibleDate, type FormatFunction } from './generate-format.js';
import type { GenerationContext } from './generation-context.js';
import { dateShape, stringHint, type StringHint } from './name-hints.js';
import { loremWord, loremWords } from './word-lists.js';
import { probeContext } from './probe-context.js';

export function lengthOf(value: string): number {
  // Code points, as JSON Schema (and ajv) count them.
  let n = 0;
  for (const _ of value) n++;
  return n;
}

// Formats whose generator (generate-format.ts) builds a valid value by construction (toISOString, uuidV4): their
// values skip the format check, which cost more than building them; lengths and patterns are still checked.
const VALID_BY_CONSTRUCTION: ReadonlySet<string | undefined> = new Set(['date', 'date-time', 'uuid']);

export function fitsString(node: PreparedNode, value: string, formatChecked = false): boolean {
  if (node.minLength !== undefined || node.maxLength !== undefined) {
    const length = lengthOf(value);
    if (node.minLength !== undefined && length < node.minLength) return false;
    if (node.maxLength !== undefined && length > node.maxLength) return false;
  }
  for (const p of node.patterns) if (!p.regexp.test(value)) return false;
  return formatChecked || checkFormat(node.format, value);
}

/** Where a string node's values come from, for one property name and locale: it depends on those alone. */
export interface StringPlan {
  readonly identifiers: readonly IdentifierGenerator[];
  readonly format: FormatFunction | undefined;
  /** The format's values are valid by construction (see VALID_BY_CONSTRUCTION). */
  readonly trusted: boolean;
  readonly hint: StringHint | undefined;
  readonly shape: 'date' | 'date-time' | undefined;
}

// The plan of a string without a property name (array items of an unnamed array, a root string).
const UNNAMED = '\u0000';

function planOf(node: PreparedNode, name: string | undefined, ctx: GenerationContext): StringPlan {
  const byLocale = (node.memo.strings ??= {});
  const plans = (byLocale[ctx.locale] ??= new Map());
  const key = name ?? UNNAMED;
  let plan = plans.get(key);
  if (plan === undefined) {
    const format = formatGenerator(node.format);
    const trusted = VALID_BY_CONSTRUCTION.has(node.format);
    const hint = stringHint(name);
    plan = {
      identifiers: recogniseIdentifier({ name, format: node.format, locale: ctx.locale }).filter((id) => mayFit(node, ctx, (probe) => id.generate(probe.rng))),
      format: format !== undefined && mayFit(node, ctx, (probe, i) => format(probe, name, i % 4), trusted) ? format : undefined,
      trusted,
      hint: hint !== undefined && mayFit(node, ctx, hint) ? hint : undefined,
      shape: node.format === undefined ? dateShape(name) : undefined,
    };
    plans.set(key, plan);
  }
  return plan;
}

// Enough draws that a source fitting one value in ten is kept (0.9^32 ≈ 3 % of being judged wrongly).
const PROBES = 32;

/**
 * Whether a source of values (an identifier, a format, a name hint) ever fits the node's own constraints. A source
 * that never does (a country name for `^[A-Z]{2}$`, an Italian mobile number for a pattern with other spacing) would
 * only spend its tries on every value; the plan leaves it out. Judged once per node, name and locale, with draws from
 * a fixed seed, so the plan (hence the output) is the same in every process whatever was generated before.
 */
function mayFit(node: PreparedNode, ctx: GenerationContext, produce: (probe: GenerationContext, attempt: number) => string, formatChecked = false): boolean {
  const constrained = node.patterns.length > 0 || node.minLength !== undefined || node.maxLength !== undefined || (node.format !== undefined && !formatChecked);
  if (!constrained) return true;
  const probe = probeContext(ctx);
  for (let i = 0; i < PROBES; i++) if (fitsString(node, produce(probe, i), formatChecked)) return true;
  return false;
}

export function generateString(node: PreparedNode, ctx: GenerationContext, name: string | undefined): string {
  const plan = planOf(node, name, ctx);
  // Plain loops rather than a retry helper taking closures: this runs for every string of every answer.
  for (const identifier of plan.identifiers) {
    for (let i = 0; i < 2; i++) {
      const value = identifier.generate(ctx.rng);
      if (fitsString(node, value)) return value;
    }
  }
  const format = plan.format;
  if (format) {
    const trusted = plan.trusted;
    for (let attempt = 0; attempt < 4; attempt++) {
      const value = format(ctx, name, attempt);
      if (fitsString(node, value, trusted)) return value;
    }
  }
  const hint = plan.hint;
  if (hint) {
    for (let i = 0; i < 2; i++) {
      const value = hint(ctx);
      if (fitsString(node, value)) return value;
    }
  }
  const shape = plan.shape;
  if (shape) {
    const date = plausibleDate(ctx, name);
    const value = shape === 'date' ? isoDate(date) : isoDateTime(date);
    if (fitsString(node, value)) return value;
  }
  if (node.patterns.length > 0) return fromPatterns(node, ctx) ?? words(node, ctx);
  return words(node, ctx);
}

// Repetition caps tried in turn: short strings first, then longer ones for patterns that need them.
const REPEATS = [3, 6, 1, 10, 0, 2, 16, 4, 32, 8, 64, 5];

function fromPatterns(node: PreparedNode, ctx: GenerationContext): string | undefined {
  let last: string | undefined;
  const generators = node.patterns.filter((p) => p.generator !== undefined);
  if (generators.length === 0) return undefined;
  for (let attempt = 0; attempt < 16; attempt++) {
    const pattern = generators[attempt % generators.length];
    let repeat = REPEATS[attempt % REPEATS.length] ?? 3;
    if (node.maxLength !== undefined) repeat = Math.min(repeat, node.maxLength);
    const value = pattern?.generator?.generate(ctx.rng, repeat) ?? '';
    if (fitsString(node, value)) return value;
    last = value;
  }
  // Length bounds that random repetition rarely hits (e.g. ^\d+$ with exactly 18 characters): stretch every
  // repetition to its cap, lowering the cap until the length falls inside the bounds.
  if (node.minLength !== undefined || node.maxLength !== undefined) {
    const top = Math.min(node.maxLength ?? (node.minLength ?? 0) + 8, 256);
    for (let repeat = top; repeat >= 0; repeat--) {
      for (const pattern of generators) {
        const value = pattern.generator?.generate(ctx.rng, repeat, true) ?? '';
        if (fitsString(node, value)) return value;
      }
    }
  }
  return last;
}

function words(node: PreparedNode, ctx: GenerationContext): string {
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? Math.max(min, 40);
  let text = loremWords(ctx, ctx.rng.int(1, 3));
  while (lengthOf(text) < min) text += ` ${loremWord(ctx)}`;
  if (lengthOf(text) > max) text = [...text].slice(0, max).join('');
  // A cut may end on a space; letters keep the length without looking broken.
  if (text.endsWith(' ')) text = `${text.trimEnd()}${'x'.repeat(lengthOf(text) - lengthOf(text.trimEnd()))}`;
  return text;
}
