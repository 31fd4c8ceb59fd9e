// The generator's entry point: a prepared schema and a seed give a value, the same one every time and in every
// process (seeded faker and random source, fixed reference date), valid against the schema.
import type { Faker } from '@faker-js/faker';
import { getPreparedNode } from '../schema/prepare-schema.js';
import type { PreparedNode } from '../schema/prepared-node.js';
import type { Direction, GenerateOptions, Locale, PreparedSchema } from '../types.js';
import { createRng, seedWords, type Rng } from './create-rng.js';
import { generateNode } from './generate-node.js';
import type { GenerationContext } from './generation-context.js';
import { getFaker } from './get-faker.js';

/**
 * The default "now" for plausible dates. A constant rather than the clock so that a seed reproduces its value on
 * any day (sandbox answers stay byte-identical between runs and machines); an engine can pass `now` to move it.
 */
export const DEFAULT_REFERENCE_NOW = Date.UTC(2025, 0, 1);

export function generateValue(prepared: PreparedSchema, options: GenerateOptions): unknown {
  const node = getPreparedNode(prepared);
  const words = seedWords(options.seed);
  const faker = getFaker(options.locale);
  faker.seed(words);
  const ctx = new Generation(createRng(words), faker, options.locale, options.direction, new Date(options.now ?? DEFAULT_REFERENCE_NOW));
  return generateNode(node, ctx, 0, undefined);
}

// A class rather than an object literal with an arrow: one is made per generation, and a method costs nothing to create.
class Generation implements GenerationContext {
  minimal = false;

  constructor(
    readonly rng: Rng,
    readonly faker: Faker,
    readonly locale: Locale,
    readonly direction: Direction,
    readonly now: Date,
  ) {}

  generate(node: PreparedNode, depth: number, name: string | undefined): unknown {
    return generateNode(node, this, depth, name);
  }
}
