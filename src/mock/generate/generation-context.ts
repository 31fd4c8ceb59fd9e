// What every generator function receives: the seeded sources, the locale and direction, the reference date, and
// the recursive entry point (passed in, so the per-type generators do not import each other in a cycle).
import type { Faker } from '@faker-js/faker';
import type { PreparedNode } from '../schema/prepared-node.js';
import type { Direction, Locale } from '../types.js';
import type { Rng } from './create-rng.js';

export interface GenerationContext {
  readonly rng: Rng;
  readonly faker: Faker;
  readonly locale: Locale;
  readonly direction: Direction;
  /** "Now" for recent timestamps and ages: fixed, never the clock, so output is reproducible. */
  readonly now: Date;
  /** Set while retrying a checked node: optional properties are left out, as the smallest value is the likeliest to pass. */
  minimal: boolean;
  /** Generates a value for a node; `name` is the property name the value is for, when there is one. */
  generate(node: PreparedNode, depth: number, name: string | undefined): unknown;
}

/** Beyond this depth optional properties are left out and arrays shrink to their minimum: recursion ends. */
export const SOFT_DEPTH = 5;
/** Beyond this depth a nullable value becomes null and generation gives up on schemas that recurse endlessly. */
export const HARD_DEPTH = 24;
