// One faker instance per locale, built on first use and reseeded before every generation: building one costs far
// more than a generation, and reseeding makes the shared instance as deterministic as a fresh one.
import { base, en, Faker, fr, it } from '@faker-js/faker';
import type { Locale } from '../types.js';

const LOCALES = { it: [it, en, base], fr: [fr, en, base], en: [en, base] } as const;
const instances = new Map<Locale, Faker>();

export function getFaker(locale: Locale): Faker {
  let faker = instances.get(locale);
  if (faker === undefined) {
    faker = new Faker({ locale: [...LOCALES[locale]] });
    instances.set(locale, faker);
  }
  return faker;
}
