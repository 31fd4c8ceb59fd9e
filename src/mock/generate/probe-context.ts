// A generation context for trying sources of values out, apart from any real generation: its own faker instance
// (the shared one may be halfway through a value) and a random source from a fixed seed, both fresh on every call, so
// what a probe concludes never depends on what ran before it.
import type { Faker } from '@faker-js/faker';
import type { PreparedNode } from '../schema/prepared-node.js';
import type { Locale } from '../types.js';
import { createRng } from './create-rng.js';
import { createFaker } from './get-faker.js';
import type { GenerationContext } from './generation-context.js';

const PROBE_WORDS = [0x70726f62, 0x65736565, 0x64000001, 0x2545f491, 0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x0000002a];
const fakers = new Map<Locale, Faker>();

export function probeContext(ctx: Pick<GenerationContext, 'locale' | 'direction' | 'now'>): GenerationContext {
  let faker = fakers.get(ctx.locale);
  if (faker === undefined) {
    faker = createFaker(ctx.locale);
    fakers.set(ctx.locale, faker);
  }
  faker.seed(PROBE_WORDS);
  return {
    rng: createRng(PROBE_WORDS),
    faker,
    locale: ctx.locale,
    direction: ctx.direction,
    now: ctx.now,
    minimal: false,
    // Sources of strings do not recurse; a probe has nothing to generate nested values for.
    generate: (_node: PreparedNode) => undefined,
  };
}
