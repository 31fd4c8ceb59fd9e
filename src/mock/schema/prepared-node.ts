// The analysed form of a schema that generation walks: allOf merged into one set of constraints, sub-schemas
// prepared into nodes (cyclic where the schema is), oneOf/anyOf kept as choices prepared lazily.
import type { JsonObject } from '../../registry/types.js';
import type { Locale, SchemaDialect } from '../types.js';
import type { StringPlan } from '../generate/generate-string.js';
import type { PatternGenerator } from '../generate/create-pattern-generator.js';
import type { JsonType, SchemaKeywords, SubSchema } from './read-keywords.js';

export interface PatternInfo {
  readonly source: string;
  readonly regexp: RegExp;
  /** Undefined when randexp cannot parse the pattern. */
  readonly generator: PatternGenerator | undefined;
}

export interface PreparedProperty {
  readonly name: string;
  readonly node: PreparedNode;
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly writeOnly: boolean;
}

/** One schema object (or allOf merge) with its own keyword sets, as merged from itself and its allOf members. */
export interface KeywordPart {
  readonly source: JsonObject;
  readonly k: SchemaKeywords;
}

export interface PreparedNode {
  /** The schema this node stands for; a synthetic `{ allOf }` for merged properties and choices. */
  readonly source: SubSchema;
  readonly dialect: SchemaDialect;
  readonly document: JsonObject | undefined;
  /** The keyword sets merged into this node; kept so that a oneOf/anyOf choice can be merged in later. */
  parts: KeywordPart[];
  types: JsonType[] | undefined;
  enum: unknown[] | undefined;
  const: { value: unknown } | undefined;
  format: string | undefined;
  patterns: PatternInfo[];
  minLength: number | undefined;
  maxLength: number | undefined;
  minimum: number | undefined;
  maximum: number | undefined;
  exclusiveMinimum: number | undefined;
  exclusiveMaximum: number | undefined;
  multipleOf: number[];
  minItems: number | undefined;
  maxItems: number | undefined;
  uniqueItems: boolean;
  items: PreparedNode | undefined;
  /** `items: false` after prefixItems: no further element allowed. */
  noExtraItems: boolean;
  prefixItems: PreparedNode[];
  contains: PreparedNode | undefined;
  minProperties: number | undefined;
  maxProperties: number | undefined;
  properties: PreparedProperty[];
  /** Some part has `additionalProperties: false`: only `allowedNames` (and pattern properties) may appear. */
  closed: boolean;
  allowedNames: Set<string> | undefined;
  /** The schema of extra properties when `additionalProperties` is a schema (a map). */
  additional: PreparedNode | undefined;
  /** additionalProperties is present and not false (a map or `true`). */
  additionalDeclared: boolean;
  patternProperties: { pattern: PatternInfo; node: PreparedNode }[];
  propertyNames: PreparedNode | undefined;
  dependentRequired: Record<string, string[]>;
  /** Unresolved oneOf/anyOf groups, each a list of branches; one branch of each is merged in at generation. */
  choices: { kind: 'oneOf' | 'anyOf'; part: number; branches: SubSchema[] }[];
  /** Values of a discriminator property that has no oneOf here (allOf inheritance): the mapping's keys. */
  discriminator: { propertyName: string; values: string[] } | undefined;
  /** Types a `not: { type }` rules out. */
  excludedTypes: JsonType[];
  readOnly: boolean;
  writeOnly: boolean;
  /** The schema whose validator confirms a generated value (oneOf exclusivity, not, if/then): undefined when construction suffices. */
  check: JsonObject | undefined;
  /** Contradictions met while merging (e.g. disjoint enums): the schema may accept no value. */
  conflicts: string[];
  /** Lazily prepared choices: key `${choice}:${branch}`. */
  variants: Map<string, PreparedNode>;
  /** What generation worked out about this node on first use (it depends on the schema alone): see NodeMemo. */
  readonly memo: NodeMemo;
}

/**
 * Per-node answers the generator would otherwise recompute for every value: filled lazily by the generate/ modules,
 * so that a request only reads them. Plain fields rather than side maps: they are read for every node of every answer.
 */
export interface NodeMemo {
  /** The type chooseType settles on, at ordinary depth and past HARD_DEPTH. */
  type?: { readonly shallow: JsonType; readonly deep: JsonType };
  /** The enum members pickEnum draws from. */
  enumPool?: readonly unknown[];
  /** Properties each direction may carry (see generate-object.ts). */
  requestCandidates?: readonly PreparedProperty[];
  responseCandidates?: readonly PreparedProperty[];
  /** No dependentRequired, minProperties or maxProperties: the chosen properties need no second pass. */
  simpleObject?: boolean;
  /** String generation plans by locale, then by property name (see generate-string.ts). */
  strings?: Partial<Record<Locale, Map<string, StringPlan>>>;
}
