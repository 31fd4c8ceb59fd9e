// Helpers for walking parsed JSON/YAML trees: object checks, JSON pointers and local $ref following.
// Shared by every step of OpenAPI loading so they agree on what a $ref and a pointer are.

import type { JsonObject } from './types.js';

/** How many $ref-to-$ref hops a lookup follows before giving up (loops end here too). */
const MAX_REF_HOPS = 32;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object standing for another through a string `$ref` (its siblings, if any, still count in 3.1). */
export function isRef(value: unknown): value is JsonObject & { $ref: string } {
  return isObject(value) && typeof value.$ref === 'string';
}

export function entriesOf(value: unknown): [string, unknown][] {
  return isObject(value) ? Object.entries(value) : [];
}

export function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Resolves a local JSON pointer (`#/a/b`) against the root, following $ref objects met on the way. */
export function resolvePointer(root: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const pointer = ref.slice(1);
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let node: unknown = root;
  for (const rawToken of pointer.slice(1).split('/')) {
    let token: string;
    try {
      token = decodeURIComponent(rawToken).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    node = followRefs(root, node).node;
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

/**
 * Follows a chain of local $refs from `node` to what it denotes. `ref` is the last $ref followed (undefined when
 * `node` was no $ref); the result is still a $ref object when the chain loops or runs past the hop limit.
 */
export function followRefs(root: JsonObject, node: unknown): { node: unknown; ref: string | undefined } {
  let ref: string | undefined;
  for (let hops = 0; isRef(node) && hops < MAX_REF_HOPS; hops++) {
    ref = node.$ref;
    node = resolvePointer(root, ref);
  }
  return { node, ref };
}

/** Visits every object (not array) in an acyclic-or-shared tree once, with its JSON pointer. */
export function walkObjects(root: unknown, base: string, visit: (node: JsonObject, at: string) => void): void {
  const seen = new WeakSet<object>();
  const stack: [unknown, string][] = [[root, base]];
  while (stack.length > 0) {
    const [node, at] = stack.pop() as [unknown, string];
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push([child, `${at}/${i}`]));
      continue;
    }
    visit(node as JsonObject, at);
    for (const [key, child] of Object.entries(node)) stack.push([child, `${at}/${escapePointer(key)}`]);
  }
}
