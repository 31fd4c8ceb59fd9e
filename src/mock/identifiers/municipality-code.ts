// Municipality codes: the Italian ISTAT code (province + municipality, 6 digits) and the French INSEE code
// (département + commune, 5 characters, Corsica 2A/2B).
import type { Rng } from '../generate/create-rng.js';
import { FRENCH_COMMUNES, ITALIAN_MUNICIPALITIES } from './municipalities.js';

/** Province codes run 001–111 (the 2017 reorganisation reached 111 with Sud Sardegna). */
export function isValidIstatCode(value: string): boolean {
  if (!/^\d{6}$/.test(value)) return false;
  const province = Number(value.slice(0, 3));
  return province >= 1 && province <= 111 && value.slice(3) !== '000';
}

export function generateIstatCode(rng: Rng): string {
  return rng.pick(ITALIAN_MUNICIPALITIES).istat;
}

export function isValidInseeCode(value: string): boolean {
  return /^(?:(?:0[1-9]|1\d|[3-8]\d|9[0-5]|2[1-9AB])\d{3}|97[1-6]\d{2})$/.test(value) && !value.endsWith('000');
}

export function generateInseeCode(rng: Rng): string {
  return rng.pick(FRENCH_COMMUNES).insee;
}
