// Numbers and integers inside the schema's bounds (3.0 boolean or 3.1 numeric exclusives, already normalised),
// multiples of multipleOf, within int32/int64 ranges, and plausible for the property's name when it allows.
import type { PreparedNode } from '../schema/prepared-node.js';
import type { GenerationContext } from './generation-context.js';
import { numberHint } from './name-hints.js';

const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };

export function generateNumber(node: PreparedNode, ctx: GenerationContext, name: string | undefined, integer: boolean): number {
  let lo = node.minimum ?? -Infinity;
  let hi = node.maximum ?? Infinity;
  const exLo = node.exclusiveMinimum;
  const exHi = node.exclusiveMaximum;
  if (exLo !== undefined && exLo >= lo) lo = integer ? Math.floor(exLo) + 1 : nextUp(exLo);
  if (exHi !== undefined && exHi <= hi) hi = integer ? Math.ceil(exHi) - 1 : nextDown(exHi);
  if (node.format === 'int32') {
    lo = Math.max(lo, INT32.min);
    hi = Math.min(hi, INT32.max);
  }
  lo = Math.max(lo, Number.MIN_SAFE_INTEGER);
  hi = Math.min(hi, Number.MAX_SAFE_INTEGER);
  if (integer) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
  }
  const step = multipleOfStep(node.multipleOf, integer);
  const hint = numberHint(name, ctx) ?? { min: integer ? 1 : 1, max: 1000, decimals: integer ? 0 : 2 };
  // The hint's range narrowed to the bounds; when they do not meet, the bounds alone (near their low end).
  let from = Math.max(lo, hint.min);
  let to = Math.min(hi, hint.max);
  if (from > to) {
    from = lo;
    to = Number.isFinite(lo) ? Math.min(hi, lo + Math.max(10, Math.abs(lo))) : hi;
    if (!Number.isFinite(from)) from = Number.isFinite(to) ? to - 100 : 0;
  }
  if (step !== undefined) {
    const kLo = Math.ceil(round(from / step, 9));
    const kHi = Math.floor(round(to / step, 9));
    if (kLo <= kHi) return round(ctx.rng.int(kLo, kHi) * step, decimalsOf(step));
    const kMin = Math.ceil(round(lo / step, 9));
    return round((Number.isFinite(kMin) ? kMin : 0) * step, decimalsOf(step));
  }
  if (integer || hint.decimals === 0) {
    const value = ctx.rng.int(Math.ceil(from), Math.floor(to));
    if (value >= lo && value <= hi) return value;
  }
  const value = round(from + ctx.rng.next() * (to - from), hint.decimals);
  if (value >= lo && value <= hi && (integer ? Number.isInteger(value) : true)) return value;
  // Rounding pushed the value out of a narrow range: take a point strictly inside it.
  const mid = from + (to - from) / 2;
  if (integer) return Math.round(mid);
  const rounded = round(mid, hint.decimals);
  return rounded >= lo && rounded <= hi ? rounded : mid;
}

/** One step that all the multipleOf values divide: their least common multiple (scaled to integers first). */
function multipleOfStep(values: readonly number[], integer: boolean): number | undefined {
  if (values.length === 0) return undefined;
  const decimals = Math.max(...values.map(decimalsOf));
  const scale = 10 ** decimals;
  let lcm = 1;
  for (const v of values) {
    const n = Math.round(v * scale);
    lcm = (lcm * n) / gcd(lcm, n);
  }
  let step = lcm / scale;
  // An integer must also be a multiple of 1.
  if (integer && !Number.isInteger(step)) step = (lcm * scale) / gcd(lcm, scale) / scale;
  return step;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function decimalsOf(n: number): number {
  const text = String(n);
  if (text.includes('e-')) return Number(text.split('e-')[1]);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function round(n: number, decimals: number): number {
  return Number(n.toFixed(Math.min(decimals, 20)));
}

function nextUp(n: number): number {
  // Two decimals above the bound: plausible, and far enough from it for floating-point comparisons.
  return Math.floor(n * 100) / 100 + 0.01;
}

function nextDown(n: number): number {
  return Math.ceil(n * 100) / 100 - 0.01;
}
