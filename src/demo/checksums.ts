// Check-digit rules of the identifiers in the demo data (SIREN/SIRET, codice fiscale, French VAT number).
// Pure and tiny: the tests use them to prove the hand-written demo records are well-formed.

/** Luhn check over a string of digits (SIREN: 9 digits, SIRET: 14). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Odd-position (1st, 3rd, …) values of A–Z; digits 0–9 take the values of A–J. Even positions: A–Z → 0–25, digits as is.
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function charIndex(c: string): number {
  const code = c.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65; // '0'–'9' → 0–9, 'A'–'Z' → 0–25
}

/** The check character (16th) of an Italian codice fiscale, from its first 15 characters; undefined if malformed. */
export function codiceFiscaleCheckChar(first15: string): string | undefined {
  const body = first15.slice(0, 15);
  if (!/^[A-Z0-9]{15}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 15; i += 1) {
    const idx = charIndex(body[i] ?? '');
    sum += i % 2 === 0 ? (ODD_VALUES[idx] ?? 0) : idx;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** The two-digit key of a French intra-community VAT number, `FR` + key + SIREN. */
export function tvaKey(siren: string): string {
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0');
}
