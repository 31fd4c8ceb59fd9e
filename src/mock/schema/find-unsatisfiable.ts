// Which prepared nodes admit no value: their own merge conflicts (see findConflicts), a required property or a
// minimum of items that admit none, or every branch of a choice. Computed once per node; generation then omits them.
import type { PreparedSchema } from '../types.js';
import type { PreparedNode } from './prepared-node.js';
import { getPreparedNode, prepareVariant } from './prepare-schema.js';

// Final answers per node: a node is analysed together with everything it reaches, so a memoised answer never changes.
const memo = new WeakMap<PreparedNode, boolean>();

/** True when no value can satisfy the node (as far as the merge analysis can tell; cycles count as satisfiable). */
export function isUnsatisfiable(node: PreparedNode): boolean {
  const known = memo.get(node);
  if (known !== undefined) return known;
  analyse(node);
  return memo.get(node) ?? false;
}

/** Whether the whole schema admits no value at all: what an answer cannot help breaking. */
export function admitsNoValue(prepared: PreparedSchema): boolean {
  return isUnsatisfiable(getPreparedNode(prepared));
}

/**
 * Least fixpoint over the nodes reachable from `root`: start from "every node is satisfiable" and mark nodes
 * impossible until nothing changes, so a recursive schema is only impossible when a real conflict forces it.
 */
function analyse(root: PreparedNode): void {
  const nodes = reachable(root);
  const impossible = new Set<PreparedNode>();
  const isImpossible = (n: PreparedNode): boolean => memo.get(n) ?? impossible.has(n);
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of nodes) {
      if (impossible.has(n) || !forcedImpossible(n, isImpossible)) continue;
      impossible.add(n);
      changed = true;
    }
  }
  for (const n of nodes) memo.set(n, impossible.has(n));
}

function forcedImpossible(node: PreparedNode, isImpossible: (n: PreparedNode) => boolean): boolean {
  if (node.conflicts.length > 0) return true;
  const choice = node.choices[0];
  // Generation goes through one branch of the first choice (merged with the rest of the node): all must fail.
  if (choice !== undefined) return choice.branches.every((_, b) => isImpossible(prepareVariant(node, 0, b)));
  // readOnly/writeOnly properties are left out in one direction whatever they require, so they decide nothing here.
  if (node.properties.some((p) => p.required && !p.readOnly && !p.writeOnly && isImpossible(p.node))) return true;
  const minItems = node.minItems ?? 0;
  for (let i = 0; i < minItems; i++) {
    const item = node.prefixItems[i] ?? node.items;
    if (item !== undefined && isImpossible(item)) return true;
    if (item === undefined) break;
  }
  return node.contains !== undefined && isImpossible(node.contains);
}

/** Every node reachable from `root` whose answer is not memoised yet, choice branches included. */
function reachable(root: PreparedNode): PreparedNode[] {
  const out: PreparedNode[] = [];
  const seen = new Set<PreparedNode>();
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as PreparedNode;
    if (seen.has(node) || memo.has(node)) continue;
    seen.add(node);
    out.push(node);
    for (const p of node.properties) stack.push(p.node);
    if (node.items) stack.push(node.items);
    stack.push(...node.prefixItems);
    if (node.contains) stack.push(node.contains);
    if (node.additional) stack.push(node.additional);
    for (const p of node.patternProperties) stack.push(p.node);
    node.choices[0]?.branches.forEach((_, b) => stack.push(prepareVariant(node, 0, b)));
  }
  return out;
}
