// Names, a full name and an e-mail address from faker's locale lists, assembled here rather than through
// faker.person.fullName(), faker.internet.email() and lastName(): those go through mustache templates and a
// per-character transliteration pass that cost more than the rest of a string's generation, for values of the same kind.
import { memoByName } from '../memo-by-name.js';
import type { GenerationContext } from './generation-context.js';

export type Sex = 'female' | 'male';
type NameLists = Readonly<Record<string, readonly string[] | undefined>>;

const SEXES: readonly Sex[] = ['female', 'male'];
const SEPARATORS = ['.', '_', '', '.'] as const;
const FALLBACK_DOMAINS = ['gmail.com', 'yahoo.com', 'hotmail.com'] as const;

/** A first name of the given (or a random) sex from the locale's lists. */
export function firstName(ctx: GenerationContext, sex: Sex = ctx.rng.pick(SEXES)): string {
  const lists = ctx.faker.rawDefinitions.person?.first_name as NameLists | undefined;
  const list = lists?.[sex] ?? lists?.generic;
  return list !== undefined && list.length > 0 ? ctx.rng.pick(list) : ctx.faker.person.firstName(sex);
}

/** A surname from the locale's list (faker's rare double-barrelled pattern left out). */
export function lastName(ctx: GenerationContext): string {
  const list = (ctx.faker.rawDefinitions.person?.last_name as NameLists | undefined)?.generic;
  return list !== undefined && list.length > 0 ? ctx.rng.pick(list) : ctx.faker.person.lastName();
}

/** First and last name, as most records hold them (faker's occasional "Dott." prefix left out). */
export function fullName(ctx: GenerationContext): string {
  return `${firstName(ctx)} ${lastName(ctx)}`;
}

/** A lower-case address at a free-mail provider: name.surname, name_surname42, name7… as faker's username forms. */
export function personalEmail(ctx: GenerationContext): string {
  const { rng } = ctx;
  const first = asciiLocalPart(firstName(ctx));
  const last = asciiLocalPart(lastName(ctx));
  const form = rng.int(0, 2);
  const local =
    form === 0 || last === '' || first === ''
      ? `${first || last || 'user'}${rng.int(0, 99)}`
      : `${first}${rng.pick(SEPARATORS)}${last}${form === 2 ? String(rng.int(0, 99)) : ''}`;
  return `${local}@${rng.pick(freeEmailDomains(ctx))}`;
}

function freeEmailDomains(ctx: GenerationContext): readonly string[] {
  const domains = ctx.faker.rawDefinitions.internet?.free_email;
  return domains !== undefined && domains !== null && domains.length > 0 ? domains : FALLBACK_DOMAINS;
}

/** Letters and digits only (accents dropped, apostrophes and spaces gone: D'Angelo → dangelo); names come from lists, hence the memo. */
const asciiLocalPart = memoByName((text: string): string => text.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase());
