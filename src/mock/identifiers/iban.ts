// IBANs (ISO 13616, mod-97 check) for Italy and France, with their national check inside the BBAN: the Italian
// CIN letter and the French RIB key.
import type { Rng } from '../generate/create-rng.js';
import { oddEvenCheckChar } from './codice-fiscale.js';
import { randomDigits } from './luhn.js';

export type IbanCountry = 'IT' | 'FR';

const LENGTHS: Readonly<Record<string, number>> = { IT: 27, FR: 27, SM: 27, DE: 22, ES: 24, BE: 16, NL: 18, LU: 20, MC: 27, CH: 21, AT: 20, PT: 25, GB: 22 };

/** Remainder mod 97 of the IBAN's digits once letters become 10–35, read in chunks so no big integer is needed. */
function mod97(text: string): number {
  const digits = [...text].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) rest = Number(`${rest}${digits.slice(i, i + 7)}`) % 97;
  return rest;
}

export function ibanCheckDigits(country: string, bban: string): string {
  return String(98 - mod97(`${bban}${country}00`)).padStart(2, '0');
}

export function isValidIban(value: string): boolean {
  const compact = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const expected = LENGTHS[compact.slice(0, 2)];
  if (expected !== undefined && compact.length !== expected) return false;
  return mod97(`${compact.slice(4)}${compact.slice(0, 4)}`) === 1;
}

/** The French RIB key over bank (5), branch (5) and account (11) codes; letters in the account count as digits. */
export function ribKey(bank: string, branch: string, account: string): string {
  const numericAccount = [...account].map((c) => (/[A-Z]/.test(c) ? String('123456789123456789234567890'.charAt(c.charCodeAt(0) - 65)) : c)).join('');
  const rest = (89 * Number(bank) + 15 * Number(branch) + 3 * Number(numericAccount)) % 97;
  return String(97 - rest).padStart(2, '0');
}

export function generateIban(rng: Rng, country: IbanCountry = 'IT'): string {
  let bban: string;
  if (country === 'IT') {
    const abi = rng.pick(['03069', '02008', '05034', '01030', '03062', '05428']);
    const domestic = `${abi}${randomDigits(rng, 5, true)}${randomDigits(rng, 12)}`;
    bban = `${oddEvenCheckChar(domestic) ?? 'X'}${domestic}`;
  } else {
    const bank = rng.pick(['30004', '30003', '20041', '10278', '11315', '30002']);
    const branch = randomDigits(rng, 5);
    const account = randomDigits(rng, 11);
    bban = `${bank}${branch}${account}${ribKey(bank, branch, account)}`;
  }
  return `${country}${ibanCheckDigits(country, bban)}${bban}`;
}
