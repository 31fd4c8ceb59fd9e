// Arrays: one to three items by default (the minimum past SOFT_DEPTH, so recursion ends; no more than needed when
// the item schema admits no value), prefixItems first, uniqueItems honoured by regenerating duplicates.
import { memoByName } from '../memo-by-name.js';
import { isUnsatisfiable } from '../schema/find-unsatisfiable.js';
import type { PreparedNode } from '../schema/prepared-node.js';
import { SOFT_DEPTH, type GenerationContext } from './generation-context.js';

// Memoised so that the items' name is the same string every time (name-based lookups downstream hit their caches).
const singularOf = memoByName((name: string): string => (name.length > 3 && name.endsWith('s') ? name.slice(0, -1) : name));

export function generateArray(node: PreparedNode, ctx: GenerationContext, depth: number, name: string | undefined, anyNode: PreparedNode): unknown[] {
  const min = node.minItems ?? 0;
  let max = node.maxItems ?? Number.MAX_SAFE_INTEGER;
  if (node.noExtraItems) max = Math.min(max, node.prefixItems.length);
  const base = Math.max(min, 1);
  let count = depth >= SOFT_DEPTH ? min : ctx.rng.int(base, base + 2);
  count = Math.max(min, Math.min(max, count));
  // Items past the minimum are a choice: stop before the first one that cannot be valid.
  for (let i = min; i < count; i++) {
    const itemNode = (i === 0 && node.contains) || node.prefixItems[i] || node.items || anyNode;
    if (isUnsatisfiable(itemNode)) count = i;
  }
  // "emails" holds emails: the singular lets name hints apply to the items.
  const itemName = name === undefined ? undefined : singularOf(name);
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const itemNode = (i === 0 && node.contains) || node.prefixItems[i] || node.items || anyNode;
    let value = ctx.generate(itemNode, depth + 1, itemName);
    if (node.uniqueItems) {
      for (let retry = 0; retry < 8 && seen.has(JSON.stringify(value)); retry++) value = ctx.generate(itemNode, depth + 1, itemName);
      if (seen.has(JSON.stringify(value))) {
        if (out.length >= min) break;
      }
      seen.add(JSON.stringify(value));
    }
    out.push(value);
  }
  return out;
}
