// The French NIR (numéro de sécurité sociale): sex, birth year and month, département, commune, order number,
// and a two-digit key 97 − (NIR mod 97), Corsica's 2A/2B counting as 19/18.
import type { Rng } from '../generate/create-rng.js';

export interface NirPerson {
  sex?: 'M' | 'F';
  birthDate?: Date;
  /** INSEE code of the birth commune (5 characters, e.g. 75056). */
  birthPlaceCode?: string;
}

const SHAPE = /^([12])(\d{2})(0[1-9]|1[0-2]|[2-9]\d)(\d{2}|2[AB])(\d{3})(\d{3})(\d{2})$/;

export function nirKey(first13: string): string {
  const numeric = Number(first13.replace('2A', '19').replace('2B', '18'));
  return String(97 - (numeric % 97)).padStart(2, '0');
}

export function isValidNir(value: string): boolean {
  const compact = value.replace(/\s/g, '');
  const match = SHAPE.exec(compact);
  return match !== null && nirKey(compact.slice(0, 13)) === match[7];
}

export function generateNir(rng: Rng, person: NirPerson = {}): string {
  const sex = person.sex ?? (rng.bool() ? 'M' : 'F');
  const birth = person.birthDate ?? new Date(Date.UTC(rng.int(1940, 2000), rng.int(0, 11), 1));
  const place = person.birthPlaceCode ?? `${String(rng.pick([1, 6, 13, 31, 33, 44, 59, 67, 69, 75, 92, 93])).padStart(2, '0')}${String(rng.int(1, 400)).padStart(3, '0')}`;
  const first13 = `${sex === 'M' ? 1 : 2}${String(birth.getUTCFullYear() % 100).padStart(2, '0')}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${place}${String(rng.int(1, 999)).padStart(3, '0')}`;
  return `${first13}${nirKey(first13)}`;
}
