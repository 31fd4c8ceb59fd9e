// Reads an OpenAPI discriminator next to a oneOf/anyOf: which values of the discriminating property select which
// branch. Explicit mappings and implicit ones (component names) need the document to find the targets; without it,
// a branch is matched by its `title`.
import type { JsonObject } from '../../registry/types.js';
import { isJsonObject, type SchemaKeywords, type SubSchema } from './read-keywords.js';

export interface DiscriminatorBranches {
  readonly propertyName: string;
  /** For each branch index of the combinator, the discriminator values that select it (may be empty). */
  readonly values: readonly string[][];
  readonly combinator: 'oneOf' | 'anyOf';
}

export function resolveDiscriminator(k: SchemaKeywords, document?: JsonObject): DiscriminatorBranches | undefined {
  const d = k.discriminator;
  const combinator = k.oneOf !== undefined ? 'oneOf' : k.anyOf !== undefined ? 'anyOf' : undefined;
  if (d === undefined || combinator === undefined) return undefined;
  const branches = k[combinator] ?? [];
  const values = branches.map((): string[] => []);
  const componentSchemas = document !== undefined && isJsonObject(document.components) && isJsonObject(document.components.schemas) ? document.components.schemas : undefined;
  const indexOf = (target: unknown, name: string): number =>
    branches.findIndex((b) => b === target || (isJsonObject(b) && (b.title === name || (Array.isArray(b.allOf) && b.allOf.includes(target as SubSchema) && target !== undefined))));
  const mapped = new Set<number>();
  for (const [value, ref] of Object.entries(d.mapping)) {
    const name = ref.slice(ref.lastIndexOf('/') + 1);
    const target = document !== undefined && ref.startsWith('#') ? resolvePointer(document, ref) : componentSchemas?.[name];
    const i = indexOf(target, name);
    if (i >= 0) {
      values[i]?.push(value);
      mapped.add(i);
    }
  }
  // Implicit mapping: a branch not named in the mapping is selected by its component name.
  if (componentSchemas !== undefined) {
    for (const [name, schema] of Object.entries(componentSchemas)) {
      const i = branches.indexOf(schema as SubSchema);
      if (i >= 0 && !mapped.has(i)) values[i]?.push(name);
    }
  }
  return values.some((v) => v.length > 0) ? { propertyName: d.propertyName, values, combinator } : undefined;
}

function resolvePointer(root: JsonObject, ref: string): unknown {
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isJsonObject(node) || !Object.hasOwn(node, token)) return undefined;
    node = node[token];
  }
  return node;
}

// Synthetic branches keep one identity per schema, so the caches keyed by schema object see them once.
const constrainedBranches = new WeakMap<JsonObject, SubSchema[]>();

/**
 * The combinator's branches, each one selected by a discriminator value also required to carry it: OpenAPI's
 * "the discriminator picks the schema", said in JSON Schema. Undefined when there is no usable discriminator.
 */
export function applyDiscriminator(schema: JsonObject, k: SchemaKeywords, document?: JsonObject): { combinator: 'oneOf' | 'anyOf'; branches: SubSchema[] } | undefined {
  const resolved = resolveDiscriminator(k, document);
  if (resolved === undefined) return undefined;
  let branches = constrainedBranches.get(schema);
  if (branches === undefined) {
    branches = (k[resolved.combinator] ?? []).map((branch, i) => {
      const values = resolved.values[i] ?? [];
      if (values.length === 0) return branch;
      return { allOf: [branch, { properties: { [resolved.propertyName]: { enum: values } }, required: [resolved.propertyName] }] };
    });
    constrainedBranches.set(schema, branches);
  }
  return { combinator: resolved.combinator, branches };
}
