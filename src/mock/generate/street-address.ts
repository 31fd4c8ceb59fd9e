// A street address in the locale's own form (Via Verdi 12, 12 rue de la Paix, 12 Elm Street) from faker's locale
// lists, assembled here: faker.location.streetAddress() goes through two levels of mustache templates that cost more
// than every other property of a typical record together.
import type { GenerationContext } from './generation-context.js';
import { firstName, lastName } from './person-values.js';

type Lists = Readonly<Record<string, readonly string[] | undefined>>;

export function streetAddress(ctx: GenerationContext): string {
  const { rng, faker } = ctx;
  const lists = (faker.rawDefinitions.location ?? {}) as Lists;
  const prefixes = lists.street_prefix ?? [];
  const suffixes = lists.street_suffix ?? [];
  const number = buildingNumber(ctx);
  // The same shapes as faker's locale patterns (location.street_pattern and street_address.normal).
  if (ctx.locale === 'it' && suffixes.length > 0) return `${rng.pick(suffixes)} ${personName(ctx)} ${number}`;
  if (ctx.locale === 'fr' && prefixes.length > 0 && suffixes.length > 0) return `${number} ${rng.pick(prefixes)} ${rng.pick(suffixes)}`;
  if (ctx.locale === 'en' && suffixes.length > 0) return `${number} ${personName(ctx)} ${rng.pick(suffixes)}`;
  return faker.location.streetAddress();
}

function personName(ctx: GenerationContext): string {
  return ctx.rng.int(0, 1) === 0 ? firstName(ctx) : lastName(ctx);
}

/** 1 to 3 digits (4 or 5 are rare outside the US), no leading zero. */
function buildingNumber(ctx: GenerationContext): string {
  const digits = ctx.rng.int(1, 3);
  return String(ctx.rng.int(digits === 1 ? 1 : 10 ** (digits - 1), 10 ** digits - 1));
}
