// The Italian partita IVA (VAT number): 7-digit serial, 3-digit provincial office code, Luhn check digit.
import type { Rng } from '../generate/create-rng.js';
import { luhnCheckDigit, luhnValid, randomDigits } from './luhn.js';

export function isValidPartitaIva(value: string): boolean {
  if (!/^\d{11}$/.test(value) || value.startsWith('0000000')) return false;
  const office = Number(value.slice(7, 10));
  const officeOk = (office >= 1 && office <= 100) || office === 120 || office === 121 || office === 888 || office === 999;
  return officeOk && luhnValid(value);
}

export function generatePartitaIva(rng: Rng): string {
  const body = `${randomDigits(rng, 7, true)}${String(rng.int(1, 100)).padStart(3, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}
