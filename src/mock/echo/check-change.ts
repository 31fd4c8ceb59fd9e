// Judges one echoed or derived value without validating the whole answer again. The validator sees only the keywords
// readKeywords knows (see to-json-schema.ts), so when no schema on the way down to the changed place carries one that
// relates members to each other (enum or const of a whole object, uniqueItems, contains, not, if, oneOf, anyOf,
// patternProperties, a discriminator, another allOf member's additionalProperties schema), a value that its own
// sub-schema accepts cannot add a violation anywhere else: the whole-body verdict would be the same.
import type { PreparedNode } from '../schema/prepared-node.js';
import type { SchemaKeywords } from '../schema/read-keywords.js';
import type { JsonObject } from '../../registry/types.js';
import type { ValidateValue } from '../types.js';
import type { Path } from './echo-request.js';

/** The validator of one sub-schema (compiled once, by the engine's schema cache). */
export type ValidatorOf = (schema: JsonObject) => ValidateValue;

/** undefined: no local judgement possible along this path; the caller validates the whole body. */
export type ChangeChecker = (path: Path, value: unknown) => boolean | undefined;

const plainness = new WeakMap<PreparedNode, boolean>();

function isPlainKeywords(k: SchemaKeywords): boolean {
  return (
    k.enum === undefined && k.const === undefined && k.uniqueItems !== true && k.contains === undefined && k.minContains === undefined &&
    k.maxContains === undefined && k.not === undefined && k.if === undefined && k.then === undefined && k.else === undefined &&
    k.anyOf === undefined && k.oneOf === undefined && k.patternProperties === undefined && k.discriminator === undefined
  );
}

/** Whether the node, as a container, only constrains its members one by one. */
function isPlainContainer(node: PreparedNode): boolean {
  let plain = plainness.get(node);
  if (plain === undefined) {
    plain = node.choices.length === 0 && node.check === undefined && node.parts.every((part) => isPlainKeywords(part.k));
    plainness.set(node, plain);
  }
  return plain;
}

function memberNode(node: PreparedNode, step: string | number): PreparedNode | true | undefined {
  if (typeof step === 'number') {
    if (node.parts.filter((part) => part.k.prefixItems !== undefined).length > 1) return undefined;
    const item = node.prefixItems[step] ?? (step >= node.prefixItems.length ? node.items : undefined);
    if (item !== undefined) return item;
    // No schema for this position: anything is accepted there, unless extra items are forbidden outright.
    return node.noExtraItems ? undefined : true;
  }
  // Another allOf member whose additionalProperties is a schema applies it to every name it does not declare itself.
  for (const part of node.parts) {
    const extra = part.k.additionalProperties;
    if (extra !== undefined && typeof extra !== 'boolean' && !(part.k.properties !== undefined && Object.hasOwn(part.k.properties, step))) return undefined;
  }
  return node.properties.find((p) => p.name === step)?.node;
}

export function createChangeChecker(root: PreparedNode, validatorOf: ValidatorOf): ChangeChecker {
  return (path, value) => {
    let node: PreparedNode | true = root;
    for (const step of path) {
      if (node === true || !isPlainContainer(node)) return node === true ? true : undefined;
      const next = memberNode(node, step);
      if (next === undefined) return undefined;
      node = next;
    }
    if (node === true) return true;
    const source = node.source;
    if (typeof source === 'boolean') return source;
    return validatorOf(source)(value).length === 0;
  };
}
