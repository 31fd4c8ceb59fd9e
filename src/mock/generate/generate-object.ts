// Objects: required properties always, optional ones mostly (fewer with depth, none past SOFT_DEPTH so recursion
// ends, never one whose schema admits no value), readOnly/writeOnly left out by direction, no invented properties
// unless the schema asks for a map.
import { isUnsatisfiable } from '../schema/find-unsatisfiable.js';
import type { PreparedNode, PreparedProperty } from '../schema/prepared-node.js';
import type { Direction } from '../types.js';
import { fitsString } from './generate-string.js';
import { SOFT_DEPTH, type GenerationContext } from './generation-context.js';
import { loremWord } from './word-lists.js';

export function generateObject(node: PreparedNode, ctx: GenerationContext, depth: number, _name: string | undefined): Record<string, unknown> {
  const candidates = candidatesOf(node, ctx.direction);
  const probability = depth >= SOFT_DEPTH || ctx.minimal ? 0 : depth <= 1 ? 0.9 : depth <= 3 ? 0.7 : 0.5;
  if (node.memo.simpleObject ??= isSimpleObject(node)) return generateSimpleObject(node, candidates, probability, ctx, depth);
  const out: Record<string, unknown> = {};
  const chosen = new Set(candidates.filter((p) => p.required || ctx.rng.bool(probability)));
  for (const p of [...chosen]) {
    for (const dep of node.dependentRequired[p.name] ?? []) {
      const other = candidates.find((c) => c.name === dep);
      if (other) chosen.add(other);
    }
  }
  if (node.maxProperties !== undefined) {
    for (const p of [...chosen].reverse()) if (chosen.size > node.maxProperties && !p.required) chosen.delete(p);
  }
  if (node.minProperties !== undefined) {
    for (const p of candidates) if (chosen.size < node.minProperties) chosen.add(p);
  }
  for (const p of candidates) {
    if (!chosen.has(p)) continue;
    out[p.name] = discriminatorValue(node, p, ctx) ?? ctx.generate(p.node, depth + 1, p.name);
  }
  addExtraProperties(node, ctx, depth, out);
  return out;
}

/** No second pass over the chosen properties (dependentRequired, min/maxProperties) and no extra keys to add. */
function isSimpleObject(node: PreparedNode): boolean {
  const isMap = node.properties.length === 0 && (node.additional !== undefined || node.patternProperties.length > 0);
  return !isMap && node.minProperties === undefined && node.maxProperties === undefined && Object.keys(node.dependentRequired).length === 0;
}

/**
 * generateObject for the usual object, with the same draws in the same order (one per optional property, then the
 * values): no Set of chosen properties, and the typical all-required object allocates nothing but itself.
 */
function generateSimpleObject(node: PreparedNode, candidates: readonly PreparedProperty[], probability: number, ctx: GenerationContext, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let chosen: boolean[] | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const p = candidates[i] as PreparedProperty;
    if (p.required) continue;
    (chosen ??= candidates.map((c) => c.required))[i] = ctx.rng.bool(probability);
  }
  const discriminated = node.discriminator !== undefined;
  for (let i = 0; i < candidates.length; i++) {
    if (chosen !== undefined && chosen[i] !== true) continue;
    const p = candidates[i] as PreparedProperty;
    out[p.name] = (discriminated ? discriminatorValue(node, p, ctx) : undefined) ?? ctx.generate(p.node, depth + 1, p.name);
  }
  return out;
}

/**
 * The properties this direction may carry. Hidden in this direction means not required either (see
 * skippedInDirection): leave them out. An optional property no value satisfies would only break the answer.
 */
function candidatesOf(node: PreparedNode, direction: Direction): readonly PreparedProperty[] {
  // Per node and direction, worked out on first use: the list depends on the schema alone.
  if (direction === 'response') return (node.memo.responseCandidates ??= candidatesFor(node, direction));
  return (node.memo.requestCandidates ??= candidatesFor(node, direction));
}

function candidatesFor(node: PreparedNode, direction: Direction): readonly PreparedProperty[] {
  return node.properties.filter((p) => !(direction === 'response' ? p.writeOnly : p.readOnly) && (p.required || !isUnsatisfiable(p.node)));
}

/** Under an allOf-inheritance discriminator, the property carries one of the mapping's values when it may. */
function discriminatorValue(node: PreparedNode, p: PreparedProperty, ctx: GenerationContext): string | undefined {
  const d = node.discriminator;
  if (d === undefined || d.propertyName !== p.name) return undefined;
  const target = p.node;
  if (target.const !== undefined || target.enum !== undefined || target.choices.length > 0) return undefined;
  if (target.types !== undefined && !target.types.includes('string')) return undefined;
  const fitting = d.values.filter((v) => fitsString(target, v));
  return fitting.length > 0 ? ctx.rng.pick(fitting) : undefined;
}

/**
 * Extra keys only where the schema describes a map (additionalProperties or patternProperties and no declared
 * properties) or demands more properties than it declares (minProperties).
 */
function addExtraProperties(node: PreparedNode, ctx: GenerationContext, depth: number, out: Record<string, unknown>): void {
  const isMap = node.properties.length === 0 && (node.additional !== undefined || node.patternProperties.length > 0);
  let wanted = node.minProperties ?? 0;
  if (isMap && depth < SOFT_DEPTH) wanted = Math.max(wanted, ctx.rng.int(1, 2));
  if (node.maxProperties !== undefined) wanted = Math.min(wanted, node.maxProperties);
  for (let guard = 0; Object.keys(out).length < wanted && guard < wanted * 6 + 6; guard++) {
    const byPattern = node.patternProperties.length > 0 && (node.closed || !node.additionalDeclared || guard % 2 === 0) ? ctx.rng.pick(node.patternProperties) : undefined;
    if (byPattern === undefined && node.closed) return;
    const key = byPattern?.pattern.generator?.generate(ctx.rng, 4) ?? extraKey(node, ctx, depth);
    if (key === undefined || Object.hasOwn(out, key) || (byPattern && !byPattern.pattern.regexp.test(key))) continue;
    if (node.propertyNames?.patterns.some((p) => !p.regexp.test(key))) continue;
    const valueNode = byPattern?.node ?? node.additional;
    out[key] = valueNode ? ctx.generate(valueNode, depth + 1, key) : loremWord(ctx);
  }
}

function extraKey(node: PreparedNode, ctx: GenerationContext, depth: number): string | undefined {
  if (node.propertyNames !== undefined) {
    const key = ctx.generate(node.propertyNames, depth + 1, undefined);
    return typeof key === 'string' ? key : undefined;
  }
  return `${loremWord(ctx)}${ctx.rng.int(1, 99)}`;
}
