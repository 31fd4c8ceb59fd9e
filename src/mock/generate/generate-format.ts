// Strings for string formats: the ones the validator checks (date, date-time, email, uuid…) and common unofficial
// names seen in real documents (dateTime, ulid, base64…). Dates are plausible relative to the reference date.
import type { GenerationContext } from './generation-context.js';
import { dateKind, phoneNumber } from './name-hints.js';
import { personalEmail } from './person-values.js';
import { uuidV4 } from './uuid-v4.js';
import { domainName, loremSlug, loremWord, loremWords, webUrl } from './word-lists.js';

const DAY = 86_400_000;
// In days of an average year (365.25 days).
const ADULT_DAYS = { min: Math.ceil(18 * 365.25), max: Math.floor(90 * 365.25) };

/** A date suited to the property: adults' birth dates, near-future deadlines, or the last two years. */
export function plausibleDate(ctx: GenerationContext, name: string | undefined): Date {
  const now = ctx.now.getTime();
  switch (dateKind(name)) {
    case 'birth':
      // Aged 18 to 90 (faker's birthdate would go up to 90 years and 364 days).
      return new Date(now - ctx.rng.int(ADULT_DAYS.min, ADULT_DAYS.max) * DAY - ctx.rng.int(0, DAY / 1000 - 1) * 1000);
    case 'future':
      return new Date(now + ctx.rng.int(1, 540) * DAY + ctx.rng.int(0, DAY / 1000 - 1) * 1000);
    default:
      return new Date(now - ctx.rng.int(1, 730) * DAY + ctx.rng.int(0, DAY / 1000 - 1) * 1000);
  }
}

export function isoDate(date: Date): string {
  const ms = date.getTime();
  return inCivilRange(ms) ? civilDate(ms) : date.toISOString().slice(0, 10);
}

/** RFC 3339 in UTC with a `Z` and whole seconds, as the AgID guidelines ask. */
export function isoDateTime(date: Date): string {
  const ms = date.getTime();
  if (!inCivilRange(ms)) return `${date.toISOString().slice(0, 19)}Z`;
  const seconds = (((Math.floor(ms / 1000) % 86_400) + 86_400) % 86_400);
  return `${civilDate(ms)}T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}Z`;
}

// Years 0001 to 9999, where toISOString has four digits and no sign.
const MIN_CIVIL = -62_135_596_800_000;
const MAX_CIVIL = 253_402_300_799_999;

function inCivilRange(ms: number): boolean {
  return Number.isInteger(ms) && ms >= MIN_CIVIL && ms <= MAX_CIVIL;
}

/**
 * `YYYY-MM-DD` of an instant, as toISOString() gives it, by the days-to-civil-date arithmetic (H. Hinnant's
 * algorithm) rather than a Date method and a slice: several times cheaper, and a mock writes a few per answer.
 */
function civilDate(ms: number): string {
  const z = Math.floor(ms / DAY) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

const ULID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `attempt` varies the form when the first one does not fit the schema's lengths (seconds, milliseconds, offset). */
export type FormatFunction = (ctx: GenerationContext, name: string | undefined, attempt: number) => string;

const withTimeForm = (text: string, attempt: number): string => {
  const form = attempt % 3;
  if (form === 1) return text.replace(/Z$/, '.000Z');
  if (form === 2) return text.replace(/Z$/, '+01:00');
  return text;
};
const clock = (ctx: GenerationContext) => `${pad(ctx.rng.int(7, 19))}:${pad(ctx.rng.int(0, 59))}:${pad(ctx.rng.int(0, 59))}Z`;

const FORMATS: Readonly<Record<string, FormatFunction>> = {
  date: (ctx, name) => isoDate(plausibleDate(ctx, name)),
  'date-time': (ctx, name, attempt) => withTimeForm(isoDateTime(plausibleDate(ctx, name)), attempt),
  'iso-date-time': (ctx, name, attempt) => withTimeForm(isoDateTime(plausibleDate(ctx, name)), attempt),
  time: (ctx, _name, attempt) => withTimeForm(clock(ctx), attempt),
  'iso-time': (ctx, _name, attempt) => withTimeForm(clock(ctx), attempt),
  duration: (ctx) => ctx.rng.pick([`P${ctx.rng.int(1, 30)}D`, `PT${ctx.rng.int(1, 12)}H`, `PT${ctx.rng.int(5, 55)}M`, `P${ctx.rng.int(1, 11)}M`, `P1Y${ctx.rng.int(1, 11)}M`]),
  email: personalEmail,
  'idn-email': personalEmail,
  uuid: (ctx) => uuidV4(ctx.rng),
  uri: webUrl,
  url: webUrl,
  iri: webUrl,
  'uri-reference': (ctx) => `/${loremSlug(ctx, 2)}`,
  'iri-reference': (ctx) => `/${loremSlug(ctx, 2)}`,
  'uri-template': (ctx) => `${webUrl(ctx)}/{id}`,
  hostname: domainName,
  'idn-hostname': domainName,
  ipv4: (ctx) => ctx.faker.internet.ipv4(),
  ipv6: (ctx) => ctx.faker.internet.ipv6(),
  byte: (ctx) => Buffer.from(loremWords(ctx, 3), 'utf8').toString('base64'),
  base64: (ctx) => Buffer.from(loremWords(ctx, 3), 'utf8').toString('base64'),
  base64url: (ctx) => Buffer.from(loremWords(ctx, 3), 'utf8').toString('base64url'),
  binary: (ctx) => ctx.faker.string.alphanumeric(24),
  password: (ctx) => ctx.faker.internet.password({ length: 14 }),
  regex: () => '^[A-Z]{2}[0-9]{4}$',
  'json-pointer': (ctx) => `/${loremWord(ctx)}/${ctx.rng.int(0, 9)}`,
  'relative-json-pointer': (ctx) => `${ctx.rng.int(0, 3)}/${loremWord(ctx)}`,
  ulid: (ctx) => Array.from({ length: 26 }, (_, i) => (i === 0 ? String(ctx.rng.int(0, 7)) : ctx.rng.pick([...ULID_ALPHABET]))).join(''),
  hex: (ctx) => ctx.faker.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' }),
  sha256: (ctx) => ctx.faker.string.hexadecimal({ length: 64, casing: 'lower', prefix: '' }),
  jws: (ctx) => ['eyJhbGciOiJSUzI1NiJ9', Buffer.from(JSON.stringify({ sub: uuidV4(ctx.rng) })).toString('base64url'), ctx.faker.string.alphanumeric(43)].join('.'),
  phone: (ctx) => phoneNumber(ctx),
};

// Unofficial spellings met in real documents, read as the format they plainly mean.
const ALIASES: Readonly<Record<string, string>> = {
  datetime: 'date-time', utcisodatefromstring: 'date-time', isodatetime: 'date-time', timestamp: 'date-time', dateiso: 'date',
  isodate: 'date', emailstring: 'email', emailaddress: 'email', sha256: 'sha256', hash: 'sha256', jwt: 'jws', uri: 'uri', telephone: 'phone',
  phonenumber: 'phone', guid: 'uuid',
};

/** A string generator for the format, or undefined when the format name means nothing to it. */
export function formatGenerator(format: string | undefined): FormatFunction | undefined {
  if (format === undefined) return undefined;
  const direct = FORMATS[format];
  if (direct) return direct;
  const key = format.toLowerCase().replace(/[^a-z0-9]/g, '');
  return FORMATS[ALIASES[key] ?? key];
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
