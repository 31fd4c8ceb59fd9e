// One faker instance per locale, built on first use and reseeded before every generation: building one costs far
// more than a generation, and reseeding makes the shared instance as deterministic as a fresh one. Its random source
// is sfc32 rather than faker's default Mersenne Twister, whose seeding (624 words of state) cost more than most
// generations themselves.
import { base, en, Faker, fr, it, type Randomizer } from '@faker-js/faker';
import type { Locale } from '../types.js';
import { seedSfc32, sfc32, type Sfc32State } from './create-rng.js';

const LOCALES = { it: [it, en, base], fr: [fr, en, base], en: [en, base] } as const;
const instances = new Map<Locale, Faker>();

export function getFaker(locale: Locale): Faker {
  let faker = instances.get(locale);
  if (faker === undefined) {
    faker = createFaker(locale);
    instances.set(locale, faker);
  }
  return faker;
}

/** A new instance of its own (getFaker shares one per locale). */
export function createFaker(locale: Locale): Faker {
  return new Faker({ locale: [...LOCALES[locale]], randomizer: createSfc32Randomizer() });
}

/**
 * A faker Randomizer on sfc32. Seeded with the 8 words of seedWords(), it takes the last four, so its stream is not
 * that of the generator's own Rng (the first four); a single number seeds it too, as faker's API allows.
 */
export function createSfc32Randomizer(): Randomizer {
  const state: Sfc32State = [0, 0, 0, 1];
  return {
    // 53 bits, like faker's default: a 32-bit float would leave gaps in wide integer ranges (timestamps).
    next: () => ((sfc32(state) >>> 5) * 67108864 + (sfc32(state) >>> 6)) / 9007199254740992,
    seed: (seed: number | number[]) => {
      if (typeof seed === 'number') seedSfc32(state, seed, 0x9e3779b9, 0x243f6a88, 1);
      else if (seed.length >= 8) seedSfc32(state, seed[4], seed[5], seed[6], seed[7]);
      else seedSfc32(state, seed[0], seed[1], seed[2], seed[3]);
    },
  };
}
