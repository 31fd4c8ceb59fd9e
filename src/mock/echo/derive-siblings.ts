// Values of one object that follow from an identifier beside them: a company's SIRETs start with its SIREN, its VAT
// number is FR + key + SIREN, the NIC ends the SIRET; a codice fiscale fixes its holder's sex, birth date and place.
import { DEFAULT_REFERENCE_NOW } from '../generate/generate-value.js';
import { decodeCodiceFiscale, type DecodedCodiceFiscale } from '../identifiers/codice-fiscale.js';
import { luhnCheckDigit } from '../identifiers/luhn.js';
import { ITALIAN_MUNICIPALITIES } from '../identifiers/municipalities.js';
import { normalisePropertyName, recogniseIdentifier } from '../identifiers/recognise-identifier.js';
import { memoByName } from '../memo-by-name.js';
import { tvaKey } from '../identifiers/siren-siret.js';
import type { Locale } from '../types.js';

export interface SiblingContext {
  /** Keys of the object whose value is the request's own (echoed, or equal to it). */
  readonly fromRequest: ReadonlySet<string>;
  /** The SIREN the request names, when it applies at this place of the answer. */
  readonly siren: string | undefined;
  readonly locale: Locale;
}

export interface Derived {
  readonly key: string;
  readonly value: unknown;
  /** The request-given key this value follows from: if that echo is refused, so is this. */
  readonly from: string | undefined;
}

const REFERENCE_YEAR = new Date(DEFAULT_REFERENCE_NOW).getUTCFullYear();
// Exact names only: `codiceFiscaleGenitore` is someone else's code, and its holder's sex is not this object's.
const CF_NAMES = new Set(['codicefiscale', 'cf', 'codfisc', 'codfiscale', 'cfiscale', 'fiscalcode', 'taxcode']);
const SEX_NAMES = new Set(['sesso', 'sex', 'gender', 'sexe', 'genere']);
const BIRTH_DATE_NAMES = new Set(['datanascita', 'datadinascita', 'birthdate', 'dateofbirth', 'datenaissance', 'datedenaissance', 'dob', 'natoil']);
const BIRTH_PLACE_NAMES = new Set(['luogonascita', 'luogodinascita', 'comunenascita', 'comunedinascita', 'birthplace', 'placeofbirth', 'lieunaissance', 'lieudenaissance', 'communenaissance']);
// Spellings of the two sexes, index 0 male: a derived value keeps the spelling the generator (hence the schema) chose.
const SEX_FORMS: readonly (readonly [string, string])[] = [
  ['M', 'F'], ['m', 'f'], ['MASCHIO', 'FEMMINA'], ['Maschio', 'Femmina'], ['maschio', 'femmina'],
  ['MALE', 'FEMALE'], ['Male', 'Female'], ['male', 'female'], ['MASCULIN', 'FEMININ'], ['masculin', 'féminin'],
];

const COMPANY = 1;
const PERSON = 2;
// What a key may hold, by its name alone: worked out once per name rather than for every object of every answer.
const keyKinds = memoByName((key: string): number => {
  const n = normalisePropertyName(key);
  return (n.includes('siren') || n.includes('siret') || n.includes('tva') || n.includes('vat') ? COMPANY : 0) | (CF_NAMES.has(n) ? PERSON : 0);
});
const NOTHING: readonly Derived[] = Object.freeze([]);

/** `keys`: the object's own keys when the caller already has them. */
export function deriveSiblings(object: Readonly<Record<string, unknown>>, ctx: SiblingContext, keys: readonly string[] = Object.keys(object)): readonly Derived[] {
  // Most objects hold neither kind of identifier: a glance at the names spares them the full recognition.
  let kinds = 0;
  for (const key of keys) kinds |= keyKinds(key);
  if (kinds === 0) return NOTHING;
  const company = (kinds & COMPANY) !== 0 ? deriveCompany(object, ctx) : NOTHING;
  const person = (kinds & PERSON) !== 0 ? derivePerson(object, ctx) : NOTHING;
  return company.length === 0 ? person : person.length === 0 ? company : [...company, ...person];
}

function deriveCompany(object: Readonly<Record<string, unknown>>, ctx: SiblingContext): Derived[] {
  const keys = Object.keys(object);
  const kindOf = (key: string) => recogniseIdentifier({ name: key, locale: ctx.locale })[0]?.kind;
  const text = (key: string): string | undefined => (typeof object[key] === 'string' ? (object[key] as string) : undefined);
  const sirenKeys = keys.filter((k) => normalisePropertyName(k) === 'siren' && text(k) !== undefined);
  const siretKeys = keys.filter((k) => kindOf(k) === 'siret' && /^\d{14}$/.test(text(k) ?? ''));
  const tvaKeys = keys.filter((k) => kindOf(k) === 'tva-intracommunautaire' && /^FR/.test(text(k) ?? ''));
  const nicKey = keys.find((k) => normalisePropertyName(k) === 'nic' && text(k) !== undefined);
  const mainSiret = siretKeys.find((k) => normalisePropertyName(k) === 'siret');

  // The object's SIREN: that of a SIRET the request gave, else the request's SIREN, else its own.
  let siren: string | undefined;
  let from: string | undefined;
  if (mainSiret !== undefined && ctx.fromRequest.has(mainSiret)) [siren, from] = [text(mainSiret)?.slice(0, 9), mainSiret];
  else if (ctx.siren !== undefined) siren = ctx.siren;
  else siren = sirenKeys.map(text).find((v) => v !== undefined && /^\d{9}$/.test(v));
  if (siren === undefined) return [];

  const out: Derived[] = [];
  for (const k of sirenKeys) if (text(k) !== siren && !ctx.fromRequest.has(k)) out.push({ key: k, value: siren, from });
  let siret = mainSiret === undefined ? undefined : text(mainSiret);
  for (const k of siretKeys) {
    const value = text(k) as string;
    if (ctx.fromRequest.has(k) || value.startsWith(siren)) continue;
    // Same establishment number (NIC), new Luhn key over the 14 digits.
    const body = `${siren}${value.slice(9, 13)}`;
    const derived = `${body}${luhnCheckDigit(body)}`;
    out.push({ key: k, value: derived, from });
    if (k === mainSiret) siret = derived;
  }
  const vat = `FR${tvaKey(siren)}${siren}`;
  for (const k of tvaKeys) if (text(k) !== vat && !ctx.fromRequest.has(k)) out.push({ key: k, value: vat, from });
  if (nicKey !== undefined && siret !== undefined && text(nicKey) !== siret.slice(9)) {
    out.push({ key: nicKey, value: siret.slice(9), from: from ?? (mainSiret !== undefined && ctx.fromRequest.has(mainSiret) ? mainSiret : undefined) });
  }
  return out;
}

function derivePerson(object: Readonly<Record<string, unknown>>, ctx: SiblingContext): Derived[] {
  const keys = Object.keys(object);
  let cfKey: string | undefined;
  let person: DecodedCodiceFiscale | undefined;
  for (const k of keys) {
    const value = object[k];
    if ((keyKinds(k) & PERSON) === 0 || typeof value !== 'string') continue;
    person = decodeCodiceFiscale(value, REFERENCE_YEAR);
    if (person !== undefined) {
      cfKey = k;
      break;
    }
  }
  if (person === undefined || cfKey === undefined) return [];
  const from = ctx.fromRequest.has(cfKey) ? cfKey : undefined;
  const out: Derived[] = [];
  for (const k of keys) {
    const role = personRole(k);
    if (role === undefined) continue;
    let value: unknown;
    if (role === 'sex') value = sexLike(object[k], person.sex);
    else if (role === 'birthDate') value = dateLike(object[k], person.birthDate);
    else value = placeLike(object[k], person.birthPlaceCode);
    if (value !== undefined && !sameJson(value, object[k])) out.push({ key: k, value, from });
  }
  return out;
}

/** Which fact of a codice fiscale a key holds, by its name alone (worked out once per name). */
const personRole = memoByName((key: string): 'sex' | 'birthDate' | 'birthPlace' | undefined => {
  const name = normalisePropertyName(key);
  if (SEX_NAMES.has(name)) return 'sex';
  if (BIRTH_DATE_NAMES.has(name)) return 'birthDate';
  if (BIRTH_PLACE_NAMES.has(name)) return 'birthPlace';
  return undefined;
});

function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

function sexLike(current: unknown, sex: 'M' | 'F'): unknown {
  const index = sex === 'M' ? 0 : 1;
  if (current === 1 || current === 2) return index + 1;
  const forms = SEX_FORMS.find((pair) => pair.includes(current as string));
  return forms?.[index];
}

/** The birth date in the generated value's own form: ISO date, the date part of a date-time, or dd/mm/yyyy. */
function dateLike(current: unknown, isoDate: string): unknown {
  if (typeof current !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(current)) return `${isoDate}${current.slice(10)}`;
  if (/^\d{2}\/\d{2}\/\d{4}$/.test(current)) return isoDate.split('-').reverse().join('/');
  return undefined;
}

/** A municipality name, or the members of a birth-place object (cadastral code; name, province and ISTAT code when known). */
function placeLike(current: unknown, belfiore: string): unknown {
  const town = ITALIAN_MUNICIPALITIES.find((m) => m.belfiore === belfiore);
  if (typeof current === 'string') return town?.name;
  if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
  const place: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(place)) {
    if (typeof value !== 'string') continue;
    const name = normalisePropertyName(key);
    if (['codicecatastale', 'belfiore', 'codicebelfiore', 'codcatastale'].includes(name)) place[key] = belfiore;
    else if (town === undefined) continue;
    else if (['comune', 'nome', 'denominazione', 'descrizione', 'name', 'nomecomune', 'descrizionecomune'].includes(name)) place[key] = town.name;
    else if (['provincia', 'siglaprovincia'].includes(name)) place[key] = town.province;
    else if (['codiceistat', 'istat', 'codicecomune', 'codcomune'].includes(name)) place[key] = town.istat;
  }
  return place;
}
