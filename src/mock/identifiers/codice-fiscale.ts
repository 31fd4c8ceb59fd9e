// The Italian codice fiscale of a person (DM 23/12/1976): 16 characters built from surname, name, birth date, sex
// and birth place, closed by a check character; generated from a (possibly random) person and verified.
import type { Rng } from '../generate/create-rng.js';
import { memoByName } from '../memo-by-name.js';
import { ITALIAN_MUNICIPALITIES } from './municipalities.js';

export interface CodiceFiscalePerson {
  firstName?: string;
  lastName?: string;
  /** UTC birth date. */
  birthDate?: Date;
  sex?: 'M' | 'F';
  /** Cadastral (Belfiore) code of the birth municipality, e.g. H501 for Roma. */
  birthPlaceCode?: string;
}

const MONTH_LETTERS = 'ABCDEHLMPRST';
// Odd-position (1st, 3rd, …) values of A–Z; digits 0–9 take the values of A–J. Even positions: A–Z → 0–25, digits as is.
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
// Homocody (omocodia): the Revenue Agency replaces digits by these letters when two people would share a code.
const OMOCODIA = 'LMNPQRSTUV';
const FIRST_NAMES = { M: ['Mario', 'Luca', 'Giuseppe', 'Marco', 'Alessandro', 'Francesco'], F: ['Giulia', 'Anna', 'Francesca', 'Chiara', 'Sara', 'Maria'] };
const LAST_NAMES = ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'];
const SHAPE = new RegExp(`^[A-Z]{6}[0-9${OMOCODIA}]{2}[${MONTH_LETTERS}][0-9${OMOCODIA}]{2}[A-Z][0-9${OMOCODIA}]{3}[A-Z]$`);

function charIndex(c: string): number {
  const code = c.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65; // '0'–'9' → 0–9, 'A'–'Z' → 0–25
}

/**
 * The check character over an alphanumeric string with the odd/even tables of the codice fiscale. The Italian
 * bank CIN uses the same tables over ABI + CAB + account, hence the general form.
 */
export function oddEvenCheckChar(body: string): string | undefined {
  if (!/^[A-Z0-9]+$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    const idx = charIndex(body[i] ?? '');
    sum += i % 2 === 0 ? (ODD_VALUES[idx] ?? 0) : idx;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** The check character (16th) of a codice fiscale, from its first 15 characters; undefined if malformed. */
export function codiceFiscaleCheckChar(first15: string): string | undefined {
  const body = first15.slice(0, 15);
  return /^[A-Z0-9]{15}$/.test(body) ? oddEvenCheckChar(body) : undefined;
}

export function isValidCodiceFiscale(value: string): boolean {
  if (!SHAPE.test(value)) return false;
  const day = decodeDigits(value.slice(9, 11));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return codiceFiscaleCheckChar(value) === value[15];
}

/** What a codice fiscale says about its holder. */
export interface DecodedCodiceFiscale {
  readonly sex: 'M' | 'F';
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  /** Cadastral (Belfiore) code of the birth municipality (Z… for a foreign country). */
  readonly birthPlaceCode: string;
}

/**
 * Sex, birth date and birth place of a valid codice fiscale (undefined otherwise). The code keeps two digits of the
 * year: a year after `referenceYear`'s last two digits is read as last century.
 */
export function decodeCodiceFiscale(value: string, referenceYear: number): DecodedCodiceFiscale | undefined {
  if (!isValidCodiceFiscale(value)) return undefined;
  const yy = decodeDigits(value.slice(6, 8));
  const month = MONTH_LETTERS.indexOf(value[8] ?? '') + 1;
  const rawDay = decodeDigits(value.slice(9, 11));
  const sex = rawDay > 40 ? 'F' : 'M';
  const day = sex === 'F' ? rawDay - 40 : rawDay;
  const century = yy > referenceYear % 100 ? Math.floor(referenceYear / 100) - 1 : Math.floor(referenceYear / 100);
  const year = century * 100 + yy;
  // 31 February and the like pass the shape check but name no day.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  const birthPlaceCode = `${value[11] ?? ''}${decodeDigits(value.slice(12, 15)).toString().padStart(3, '0')}`;
  return { sex, birthDate: date.toISOString().slice(0, 10), birthPlaceCode };
}

export function generateCodiceFiscale(rng: Rng, person: CodiceFiscalePerson = {}): string {
  const sex = person.sex ?? (rng.bool() ? 'M' : 'F');
  const lastName = person.lastName ?? rng.pick(LAST_NAMES);
  const firstName = person.firstName ?? rng.pick(FIRST_NAMES[sex]);
  const birth = person.birthDate ?? new Date(Date.UTC(rng.int(1940, 2000), rng.int(0, 11), rng.int(1, 28)));
  const place = person.birthPlaceCode ?? rng.pick(ITALIAN_MUNICIPALITIES).belfiore;
  const year = String(birth.getUTCFullYear() % 100).padStart(2, '0');
  const day = String(birth.getUTCDate() + (sex === 'F' ? 40 : 0)).padStart(2, '0');
  const first15 = `${surnameCode(lastName)}${nameCode(firstName)}${year}${MONTH_LETTERS[birth.getUTCMonth()]}${day}${place}`;
  return `${first15}${codiceFiscaleCheckChar(first15) ?? 'X'}`;
}

function letters(text: string): { consonants: string; vowels: string } {
  const plain = text.normalize('NFD').replace(/[^A-Za-z]/g, '').toUpperCase();
  return { consonants: plain.replace(/[AEIOU]/g, ''), vowels: plain.replace(/[^AEIOU]/g, '') };
}

// Both depend on the name alone, and generated people come from short lists: worked out once per name.
const surnameCode = memoByName((lastName: string): string => {
  const { consonants, vowels } = letters(lastName);
  return `${consonants}${vowels}XXX`.slice(0, 3);
});

const nameCode = memoByName((firstName: string): string => {
  const { consonants, vowels } = letters(firstName);
  if (consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`;
  return `${consonants}${vowels}XXX`.slice(0, 3);
});

/** Digits with homocody letters read back as digits (callers have checked the shape: only those characters occur). */
function decodeDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n = n * 10 + (c <= 57 ? c - 48 : OMOCODIA.indexOf(text[i] as string));
  }
  return n;
}
