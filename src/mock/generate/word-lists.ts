// Words, sentences, slugs, domain names and web addresses from faker's lists for the locale, drawn with the
// generator's own seeded Rng. Faker's lorem.word() copies its whole list (about a thousand words) on every call and
// internet.url() slugifies and checks two words per call; these make values of the same kinds from lists prepared once.
import type { Faker } from '@faker-js/faker';
import type { GenerationContext } from './generation-context.js';

interface WordLists {
  readonly lorem: readonly string[];
  /** Lorem words as URL path segments. */
  readonly loremSlugs: readonly string[];
  /** Adjectives and nouns usable in a host name (faker's domainWord rule: letters and inner hyphens), lower case. */
  readonly adjectives: readonly string[];
  readonly nouns: readonly string[];
  readonly suffixes: readonly string[];
}

const FALLBACK_LOREM = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit'];
const FALLBACK_SUFFIXES = ['com', 'net', 'org'];
const lists = new WeakMap<Faker, WordLists>();

function listsOf(faker: Faker): WordLists {
  let found = lists.get(faker);
  if (found === undefined) {
    found = buildLists(faker);
    lists.set(faker, found);
  }
  return found;
}

/** A definition list of the locale (or its fallbacks), or undefined when none of them has it. */
function definition(read: () => unknown): readonly string[] | undefined {
  try {
    const list = read();
    return Array.isArray(list) && list.length > 0 && list.every((w) => typeof w === 'string') ? (list as string[]) : undefined;
  } catch {
    // faker throws for a definition missing from every locale of the chain.
    return undefined;
  }
}

/** faker's slugify: accents dropped, spaces to hyphens, anything but word characters, dots and hyphens removed. */
function slugify(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replaceAll(' ', '-').replace(/[^\w.-]+/g, '');
}

const HOST_WORD = /^[a-z][a-z-]*[a-z]$/i;

function hostWords(words: readonly string[] | undefined): string[] {
  return [...new Set((words ?? []).map(slugify).filter((w) => HOST_WORD.test(w)).map((w) => w.toLowerCase()))];
}

function buildLists(faker: Faker): WordLists {
  const lorem = definition(() => faker.definitions.lorem.word) ?? FALLBACK_LOREM;
  const loremSlugs = lorem.map(slugify).filter((w) => w !== '');
  const fallbackHost = hostWords(lorem);
  const adjectives = hostWords(definition(() => faker.definitions.word.adjective));
  const nouns = hostWords(definition(() => faker.definitions.word.noun));
  const suffixes = hostWords(definition(() => faker.definitions.internet.domain_suffix));
  return {
    lorem,
    loremSlugs: loremSlugs.length > 0 ? loremSlugs : FALLBACK_LOREM,
    adjectives: adjectives.length > 0 ? adjectives : fallbackHost.length > 0 ? fallbackHost : FALLBACK_LOREM,
    nouns: nouns.length > 0 ? nouns : fallbackHost.length > 0 ? fallbackHost : FALLBACK_LOREM,
    suffixes: suffixes.length > 0 ? suffixes : FALLBACK_SUFFIXES,
  };
}

export function loremWord(ctx: GenerationContext): string {
  return ctx.rng.pick(listsOf(ctx.faker).lorem);
}

export function loremWords(ctx: GenerationContext, count: number): string {
  const { lorem } = listsOf(ctx.faker);
  let text = '';
  for (let i = 0; i < count; i++) text += i === 0 ? ctx.rng.pick(lorem) : ` ${ctx.rng.pick(lorem)}`;
  return text;
}

/** Between `min` and `max` words, the first capitalised, without the final period (a label, a note). */
export function loremPhrase(ctx: GenerationContext, min: number, max: number): string {
  const text = loremWords(ctx, ctx.rng.int(min, max));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lorem words joined by hyphens, as a path segment. */
export function loremSlug(ctx: GenerationContext, count: number): string {
  const { loremSlugs } = listsOf(ctx.faker);
  let text = '';
  for (let i = 0; i < count; i++) text += i === 0 ? ctx.rng.pick(loremSlugs) : `-${ctx.rng.pick(loremSlugs)}`;
  return text;
}

/** adjective-noun.suffix, the shape of faker's domainName(). */
export function domainName(ctx: GenerationContext): string {
  const { adjectives, nouns, suffixes } = listsOf(ctx.faker);
  return `${ctx.rng.pick(adjectives)}-${ctx.rng.pick(nouns)}.${ctx.rng.pick(suffixes)}`;
}

/** An https address of a made-up site, the shape of faker's internet.url(). */
export function webUrl(ctx: GenerationContext): string {
  return `https://${domainName(ctx)}`;
}
