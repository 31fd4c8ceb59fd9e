// The Luhn (mod 10) check shared by SIREN/SIRET and the Italian partita IVA.

/** Luhn check over a string of digits, the last one being the check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** The digit that, appended to `digits`, makes the whole string pass the Luhn check. */
export function luhnCheckDigit(digits: string): string {
  return String((10 - (luhnSum(digits, true) % 10)) % 10);
}

// Doubling starts at the rightmost digit when the check digit is still missing, at the second rightmost otherwise.
function luhnSum(digits: string, checkDigitMissing: boolean): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === (checkDigitMissing ? 0 : 1)) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** `length` random digits; the first one is never 0 when `noLeadingZero` is set. */
export function randomDigits(rng: { int(min: number, max: number): number }, length: number, noLeadingZero = false): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(rng.int(i === 0 && noLeadingZero ? 1 : 0, 9));
  return out;
}
