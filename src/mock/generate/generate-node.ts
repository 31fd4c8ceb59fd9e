// Generates a value for one prepared node: resolves oneOf/anyOf choices, honours const and enum, picks a type and
// hands over to the per-type generators. Nodes with constraints that construction cannot guarantee (oneOf's
// "exactly one", not, if/then) are checked with their validator and regenerated until they pass.
import { cloneJson } from '../clone-json.js';
import { createValidator } from '../schema/create-validator.js';
import { isUnsatisfiable } from '../schema/find-unsatisfiable.js';
import type { PreparedNode } from '../schema/prepared-node.js';
import { jsonTypeOf, prepareNode, prepareVariant } from '../schema/prepare-schema.js';
import type { JsonType } from '../schema/read-keywords.js';
import { generateArray } from './generate-array.js';
import { generateNumber } from './generate-number.js';
import { generateObject } from './generate-object.js';
import { fitsString, generateString } from './generate-string.js';
import { HARD_DEPTH, type GenerationContext } from './generation-context.js';

const CHECKED_ATTEMPTS = 12;

export function generateNode(node: PreparedNode, ctx: GenerationContext, depth: number, name: string | undefined): unknown {
  if (node.check === undefined) return generateOnce(node, ctx, depth, name, firstBranch(node, ctx));
  const validate = createValidator(node.check, node.dialect, ctx.direction, node.document ? { document: node.document } : {});
  let value: unknown;
  const wasMinimal = ctx.minimal;
  const first = firstBranch(node, ctx);
  try {
    for (let attempt = 0; attempt < CHECKED_ATTEMPTS; attempt++) {
      // Half the attempts as generated, half minimal: overlapping oneOf branches often differ by an optional property.
      ctx.minimal = wasMinimal || attempt % 2 === 1;
      value = generateOnce(node, ctx, depth, name, first + (attempt >> 1));
      if (validate(value).length === 0) return value;
    }
  } finally {
    ctx.minimal = wasMinimal;
  }
  return value;
}

/** A random first turn for the node's first oneOf/anyOf; later attempts take the next ones, so each branch gets its turn. */
function firstBranch(node: PreparedNode, ctx: GenerationContext): number {
  return node.choices[0] === undefined ? 0 : ctx.rng.int(0, usableBranches(node).length - 1);
}

/** The first choice's branches that admit a value (all of them when none does: the schema's defect shows then). */
function usableBranches(node: PreparedNode): number[] {
  const all = node.choices[0]?.branches.map((_, b) => b) ?? [];
  const usable = all.filter((b) => !isUnsatisfiable(prepareVariant(node, 0, b)));
  return usable.length > 0 ? usable : all;
}

function generateOnce(node: PreparedNode, ctx: GenerationContext, depth: number, name: string | undefined, turn: number): unknown {
  if (node.choices[0] !== undefined) {
    const usable = usableBranches(node);
    return ctx.generate(prepareVariant(node, 0, usable[turn % usable.length] as number), depth, name);
  }
  if (node.const !== undefined) return cloneJson(node.const.value);
  if (node.enum !== undefined) return cloneJson(pickEnum(node, ctx));
  const type = chooseType(node, depth);
  switch (type) {
    case 'object':
      return depth > HARD_DEPTH ? {} : generateObject(node, ctx, depth, name);
    case 'array':
      return depth > HARD_DEPTH ? [] : generateArray(node, ctx, depth, name, prepareNode(true, node.dialect, node.document));
    case 'string':
      return generateString(node, ctx, name);
    case 'integer':
      return generateNumber(node, ctx, name, true);
    case 'number':
      return generateNumber(node, ctx, name, node.format === 'int32' || node.format === 'int64');
    case 'boolean':
      return ctx.rng.bool();
    default:
      return null;
  }
}

function pickEnum(node: PreparedNode, ctx: GenerationContext): unknown {
  return ctx.rng.pick((node.memo.enumPool ??= enumPool(node)));
}

/** The members worth drawing from; depends on the schema alone, so it is worked out once per node. */
function enumPool(node: PreparedNode): readonly unknown[] {
  const values = node.enum ?? [];
  const typed = node.types === undefined ? values : values.filter((v) => typeMatches(node.types as JsonType[], v));
  const fitting = typed.filter((v) => typeof v !== 'string' || fitsString(node, v));
  const pool = fitting.length > 0 ? fitting : typed.length > 0 ? typed : values;
  // Prefer a non-null member: a mock full of nulls shows little.
  const nonNull = pool.filter((v) => v !== null);
  return nonNull.length > 0 ? nonNull : pool;
}

function typeMatches(types: readonly JsonType[], value: unknown): boolean {
  const t = jsonTypeOf(value);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

function chooseType(node: PreparedNode, depth: number): JsonType {
  const known = (node.memo.type ??= { shallow: typeAt(node, 0), deep: typeAt(node, HARD_DEPTH + 1) });
  return depth > HARD_DEPTH ? known.deep : known.shallow;
}

function typeAt(node: PreparedNode, depth: number): JsonType {
  const types = (node.types ?? inferTypes(node)).filter((t) => !node.excludedTypes.includes(t));
  const concrete = types.filter((t) => t !== 'null');
  if (concrete.length === 0 || (depth > HARD_DEPTH && types.includes('null'))) return 'null';
  if (concrete.includes('object') && node.properties.length > 0) return 'object';
  if (concrete.includes('array') && node.items !== undefined) return 'array';
  return concrete[0] as JsonType;
}

/** A schema without `type` still says what it describes through its other keywords. */
function inferTypes(node: PreparedNode): JsonType[] {
  if (node.properties.length > 0 || node.additional || node.patternProperties.length > 0 || node.minProperties !== undefined || node.closed) return ['object'];
  if (node.items || node.prefixItems.length > 0 || node.minItems !== undefined || node.maxItems !== undefined) return ['array'];
  if (node.patterns.length > 0 || node.minLength !== undefined || node.maxLength !== undefined) return ['string'];
  if (node.format === 'int32' || node.format === 'int64') return ['integer'];
  if (node.format === 'float' || node.format === 'double' || node.minimum !== undefined || node.maximum !== undefined || node.multipleOf.length > 0) return ['number'];
  return ['string', 'integer', 'boolean', 'object', 'array'];
}
