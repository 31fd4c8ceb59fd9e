// French business identifiers: SIREN (9 digits) and SIRET (SIREN + 5-digit NIC), both Luhn-checked, and the
// intra-community VAT number derived from the SIREN.
import type { Rng } from '../generate/create-rng.js';
import { luhnCheckDigit, luhnValid, randomDigits } from './luhn.js';

export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnValid(value);
}

export function isValidSiret(value: string): boolean {
  return /^\d{14}$/.test(value) && luhnValid(value);
}

export function generateSiren(rng: Rng): string {
  const body = randomDigits(rng, 8, true);
  return `${body}${luhnCheckDigit(body)}`;
}

/** A SIRET of the given SIREN (or a new one): establishment numbers 0001x–0099x, as most companies have few. */
export function generateSiret(rng: Rng, siren = generateSiren(rng)): string {
  const body = `${siren}${String(rng.int(1, 99)).padStart(4, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** The two-digit key of a French intra-community VAT number, `FR` + key + SIREN. */
export function tvaKey(siren: string): string {
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0');
}

export function generateTvaIntracommunautaire(rng: Rng, siren = generateSiren(rng)): string {
  return `FR${tvaKey(siren)}${siren}`;
}

export function isValidTvaIntracommunautaire(value: string): boolean {
  const match = /^FR(\d{2})(\d{9})$/.exec(value);
  return match !== null && isValidSiren(match[2] ?? '') && tvaKey(match[2] ?? '') === match[1];
}
