// Dereferences an OpenAPI document in place: every local `{ $ref }` becomes the object it points to, once, so shared
// definitions stay one object and circular schemas become a cyclic graph instead of an endless expansion.

import { isObject, isRef, resolvePointer } from './json-tree.js';
import type { JsonObject } from './types.js';

/**
 * Siblings of a $ref (3.1 style `description`) are layered over a shallow copy of the target. A $ref that resolves to
 * nothing, or to a loop of $refs, becomes `{}` with one warning per distinct $ref.
 */
export function dereferenceDocument(root: JsonObject): string[] {
  const warnings: string[] = [];
  const cache = new Map<string, object>();

  const target = (ref: string): object => {
    const cached = cache.get(ref);
    if (cached) return cached;
    let node = resolvePointer(root, ref);
    // A chain of the $refs already met, rather than a hop count, tells a loop from a long chain.
    const chain = new Set([ref]);
    while (isRef(node) && !chain.has(node.$ref)) {
      chain.add(node.$ref);
      node = resolvePointer(root, node.$ref);
    }
    const problem = isRef(node) ? 'is a loop of $refs' : !isObject(node) && !Array.isArray(node) ? 'does not resolve to an object' : undefined;
    if (problem !== undefined) {
      warnings.push(`$ref "${ref}" ${problem}; replaced by {}`);
      node = {};
    }
    // The cache also makes each broken $ref warn once.
    cache.set(ref, node as object);
    return node as object;
  };

  // An explicit stack: real documents nest deeply enough that recursion depth is worth not betting on.
  const done = new WeakSet<object>();
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    if (done.has(node)) continue;
    done.add(node);
    for (const key of Object.keys(node)) {
      let child = node[key];
      if (isRef(child)) {
        const { $ref, ...siblings } = child;
        const resolved = target($ref);
        child = Object.keys(siblings).length > 0 && isObject(resolved) ? { ...resolved, ...siblings } : resolved;
        node[key] = child;
      }
      if (typeof child === 'object' && child !== null && !done.has(child)) stack.push(child);
    }
  }
  return warnings;
}
