// Finds the $refs of a freshly parsed document: remote ones are dropped (the gateway never downloads at load time),
// relative-file ones tell the loader it must bundle.

import { walkObjects } from './json-tree.js';

/** `http:`, `https:`, `//host`... anything with a scheme except `file:`. */
export function isRemoteRef(ref: string): boolean {
  return ref.startsWith('//') || (/^[a-z][a-z0-9+.-]+:/i.test(ref) && !ref.toLowerCase().startsWith('file:'));
}

/**
 * Removes every remote $ref in place, leaving `{}` (plus any siblings) — reproducible, no SSRF, no start-up dependency
 * on a third party. Each emptied object joins `placeholders`, so later repairs on it stay silent.
 */
export function dropRemoteRefs(root: unknown, base: string, placeholders: WeakSet<object>): string[] {
  const warnings: string[] = [];
  walkObjects(root, base, (node, at) => {
    const ref = node.$ref;
    if (typeof ref === 'string' && isRemoteRef(ref)) {
      warnings.push(`${at}: remote $ref "${ref}" not fetched (no network at load time); replaced by {}`);
      delete node.$ref;
      placeholders.add(node);
    }
  });
  return warnings;
}

/** True when some $ref points outside the document (a relative file), once remote ones are gone. */
export function hasExternalRefs(root: unknown): boolean {
  let found = false;
  walkObjects(root, '', (node) => {
    if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) found = true;
  });
  return found;
}
