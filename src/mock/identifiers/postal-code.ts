// Postal codes: the Italian CAP and the French code postal, both five digits, taken from real municipalities.
import type { Rng } from '../generate/create-rng.js';
import { FRENCH_COMMUNES, ITALIAN_MUNICIPALITIES } from './municipalities.js';

/** CAPs run from 00010 (Lazio) to 98168 (Messina); the first two digits never exceed 98. */
export function isValidCap(value: string): boolean {
  return /^\d{5}$/.test(value) && Number(value.slice(0, 2)) <= 98 && value !== '00000';
}

export function generateCap(rng: Rng): string {
  return rng.pick(rng.pick(ITALIAN_MUNICIPALITIES).caps);
}

/** Two digits of département (01–95, 20 for Corsica, 97/98 overseas) then three digits. */
export function isValidCodePostal(value: string): boolean {
  return /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/.test(value);
}

export function generateCodePostal(rng: Rng): string {
  return rng.pick(rng.pick(FRENCH_COMMUNES).postalCodes);
}
