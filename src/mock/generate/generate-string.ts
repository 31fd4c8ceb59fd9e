// Strings, most specific source first: national identifiers, formats, realistic values by property name, the
// schema's pattern, then plain words; every candidate must pass the schema's length, pattern and format.
import { recogniseIdentifier } from '../identifiers/recognise-identifier.js';
import type { PreparedNode } from '../schema/prepared-node.js';
import { checkFormat } from './check-format.js';
import { formatGenerator, isoDate, isoDateTime, plausibleDate } from './generate-format.js';
import type { GenerationContext } from './generation-context.js';
import { dateShape, stringHint } from './name-hints.js';

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

export function generateString(node: PreparedNode, ctx: GenerationContext, name: string | undefined): string {
  // Plain loops rather than a retry helper taking closures: this runs for every string of every answer.
  for (const identifier of recogniseIdentifier({ name, format: node.format, locale: ctx.locale })) {
    for (let i = 0; i < 2; i++) {
      const value = identifier.generate(ctx.rng);
      if (fitsString(node, value)) return value;
    }
  }
  const format = formatGenerator(node.format);
  if (format) {
    const trusted = VALID_BY_CONSTRUCTION.has(node.format);
    for (let attempt = 0; attempt < 4; attempt++) {
      const value = format(ctx, name, attempt);
      if (fitsString(node, value, trusted)) return value;
    }
  }
  const hint = stringHint(name);
  if (hint) {
    for (let i = 0; i < 2; i++) {
      const value = hint(ctx);
      if (fitsString(node, value)) return value;
    }
  }
  const shape = node.format === undefined ? dateShape(name) : undefined;
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
  let text = ctx.faker.lorem.words(ctx.rng.int(1, 3));
  while (lengthOf(text) < min) text += ` ${ctx.faker.lorem.word()}`;
  if (lengthOf(text) > max) text = [...text].slice(0, max).join('');
  // A cut may end on a space; letters keep the length without looking broken.
  if (text.endsWith(' ')) text = `${text.trimEnd()}${'x'.repeat(lengthOf(text) - lengthOf(text.trimEnd()))}`;
  return text;
}
