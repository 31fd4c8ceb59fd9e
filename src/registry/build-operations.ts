// Lists a dereferenced OpenAPI 3.x document's operations: one per path and method, path-level parameters merged in,
// each with an id unique within the document.

import { entriesOf, isObject } from './json-tree.js';
import { HTTP_METHODS, type JsonObject, type Operation } from './types.js';

interface Draft {
  method: Operation['method'];
  pathTemplate: string;
  operation: JsonObject;
  operationId: string | undefined;
}

/**
 * The id is the operationId when it is set and unique, `METHOD /path` otherwise; an operationId shared by several
 * operations is reported once, since none of them can be told apart by it.
 */
export function buildOperations(document: JsonObject): { operations: Operation[]; warnings: string[] } {
  const drafts: Draft[] = [];
  for (const [pathTemplate, item] of entriesOf(document.paths)) {
    if (pathTemplate.startsWith('x-') || !isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const parameters = mergeParameters(shared, Array.isArray(op.parameters) ? op.parameters : []);
      const operationId = typeof op.operationId === 'string' && op.operationId.trim() !== '' ? op.operationId : undefined;
      drafts.push({ method, pathTemplate, operation: { ...op, parameters }, operationId });
    }
  }
  const idCounts = new Map<string, number>();
  for (const d of drafts) if (d.operationId !== undefined) idCounts.set(d.operationId, (idCounts.get(d.operationId) ?? 0) + 1);
  const taken = new Set<string>();
  const operations = drafts.map((d): Operation => {
    const fallback = `${d.method.toUpperCase()} ${d.pathTemplate}`;
    let id = d.operationId !== undefined && idCounts.get(d.operationId) === 1 ? d.operationId : fallback;
    // Only a document using "GET /x" as a literal operationId elsewhere can make the fallback collide.
    for (let n = 2; taken.has(id); n++) id = `${fallback} (${n})`;
    taken.add(id);
    return { id, method: d.method, pathTemplate: d.pathTemplate, operation: d.operation };
  });
  const warnings: string[] = [];
  for (const [operationId, count] of idCounts) {
    if (count > 1) warnings.push(`#/paths: operationId "${operationId}" is used by ${count} operations; each is identified as "METHOD /path" instead`);
  }
  return { operations, warnings };
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(shared: readonly unknown[], own: readonly unknown[]): unknown[] {
  const keyOf = (p: unknown) => (isObject(p) ? `${String(p.in)}\u0000${String(p.name)}` : undefined);
  const merged = [...shared];
  for (const p of own) {
    const key = keyOf(p);
    const index = key === undefined ? -1 : merged.findIndex((q) => keyOf(q) === key);
    if (index >= 0) merged[index] = p;
    else merged.push(p);
  }
  return merged;
}
