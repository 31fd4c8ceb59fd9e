// Strings for string formats: the ones the validator checks (date, date-time, email, uuid…) and common unofficial
// names seen in real documents (dateTime, ulid, base64…). Dates are plausible relative to the reference date.
import type { GenerationContext } from './generation-context.js';
import { dateKind, phoneNumber } from './name-hints.js';
import { personalEmail } from './person-values.js';
import { uuidV4 } from './uuid-v4.js';

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
  return date.toISOString().slice(0, 10);
}

/** RFC 3339 in UTC with a `Z` and whole seconds, as the AgID guidelines ask. */
export function isoDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

const ULID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `attempt` varies the form when the first one does not fit the schema's lengths (seconds, milliseconds, offset). */
type FormatFunction = (ctx: GenerationContext, name: string | undefined, attempt: number) => string;

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
  uri: (ctx) => ctx.faker.internet.url(),
  url: (ctx) => ctx.faker.internet.url(),
  iri: (ctx) => ctx.faker.internet.url(),
  'uri-reference': (ctx) => `/${ctx.faker.lorem.slug(2)}`,
  'iri-reference': (ctx) => `/${ctx.faker.lorem.slug(2)}`,
  'uri-template': (ctx) => `${ctx.faker.internet.url()}/{id}`,
  hostname: (ctx) => ctx.faker.internet.domainName(),
  'idn-hostname': (ctx) => ctx.faker.internet.domainName(),
  ipv4: (ctx) => ctx.faker.internet.ipv4(),
  ipv6: (ctx) => ctx.faker.internet.ipv6(),
  byte: (ctx) => Buffer.from(ctx.faker.lorem.words(3), 'utf8').toString('base64'),
  base64: (ctx) => Buffer.from(ctx.faker.lorem.words(3), 'utf8').toString('base64'),
  base64url: (ctx) => Buffer.from(ctx.faker.lorem.words(3), 'utf8').toString('base64url'),
  binary: (ctx) => ctx.faker.string.alphanumeric(24),
  password: (ctx) => ctx.faker.internet.password({ length: 14 }),
  regex: () => '^[A-Z]{2}[0-9]{4}$',
  'json-pointer': (ctx) => `/${ctx.faker.lorem.word()}/${ctx.rng.int(0, 9)}`,
  'relative-json-pointer': (ctx) => `${ctx.rng.int(0, 3)}/${ctx.faker.lorem.word()}`,
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
  return String(n).padStart(2, '0');
}
