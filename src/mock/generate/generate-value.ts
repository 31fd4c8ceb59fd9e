// The generator's entry point: a prepared schema and a seed give a value, the same one every time and in every
// process (seeded faker and random source, fixed reference date), valid against the schema.
import { getPreparedNode } from '../schema/prepare-schema.js';
import type { GenerateOptions, PreparedSchema } from '../types.js';
import { createRng, seedWords } from './create-rng.js';
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
  const ctx: GenerationContext = {
    rng: createRng(words),
    faker,
    locale: options.locale,
    direction: options.direction,
    now: new Date(options.now ?? DEFAULT_REFERENCE_NOW),
    minimal: false,
    generate: (n, depth, name) => generateNode(n, ctx, depth, name),
  };
  return generateNode(node, ctx, 0, undefined);
}
