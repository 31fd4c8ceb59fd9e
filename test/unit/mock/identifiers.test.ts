// National identifiers against their published check algorithms, with known real or textbook examples.
import { describe, expect, it } from 'vitest';
import { createRng, seedWords } from '../../../src/mock/generate/create-rng.js';
import { codiceFiscaleCheckChar, generateCodiceFiscale, isValidCodiceFiscale, oddEvenCheckChar } from '../../../src/mock/identifiers/codice-fiscale.js';
import { generateIban, ibanCheckDigits, isValidIban, ribKey } from '../../../src/mock/identifiers/iban.js';
import { luhnCheckDigit, luhnValid } from '../../../src/mock/identifiers/luhn.js';
import { generateInseeCode, generateIstatCode, isValidInseeCode, isValidIstatCode } from '../../../src/mock/identifiers/municipality-code.js';
import { generateNir, isValidNir, nirKey } from '../../../src/mock/identifiers/nir.js';
import { generatePartitaIva, isValidPartitaIva } from '../../../src/mock/identifiers/partita-iva.js';
import { generateCap, generateCodePostal, isValidCap, isValidCodePostal } from '../../../src/mock/identifiers/postal-code.js';
import { recogniseIdentifier } from '../../../src/mock/identifiers/recognise-identifier.js';
import { generateSiren, generateSiret, generateTvaIntracommunautaire, isValidSiren, isValidSiret, isValidTvaIntracommunautaire, tvaKey } from '../../../src/mock/identifiers/siren-siret.js';

const rngs = (n: number) => Array.from({ length: n }, (_, i) => createRng(seedWords(`identifier-${i}`)));

describe('Luhn', () => {
  it('accepts the textbook number and computes check digits', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnCheckDigit('7992739871')).toBe('3');
  });
});

describe('codice fiscale', () => {
  it('computes the published check characters', () => {
    expect(codiceFiscaleCheckChar('RSSMRA85T10A562')).toBe('S');
    expect(isValidCodiceFiscale('RSSMRA85T10A562S')).toBe(true);
    expect(isValidCodiceFiscale('MRTMTT25D09F205Z')).toBe(true);
    expect(isValidCodiceFiscale('RSSMRA85T10A562T')).toBe(false);
    expect(isValidCodiceFiscale('RSSMRA85T10A56')).toBe(false);
  });

  it('accepts omocodia (digits replaced by letters) with the recomputed check character', () => {
    const first15 = 'RSSMRA85T10A56N';
    expect(isValidCodiceFiscale(`${first15}${codiceFiscaleCheckChar(first15)}`)).toBe(true);
  });

  it('encodes a given person exactly as the Revenue Agency does', () => {
    const rng = createRng(seedWords('cf'));
    expect(generateCodiceFiscale(rng, { firstName: 'Mario', lastName: 'Rossi', birthDate: new Date(Date.UTC(1985, 11, 10)), sex: 'M', birthPlaceCode: 'A562' })).toBe('RSSMRA85T10A562S');
    // Four consonants in the name: 1st, 3rd and 4th (GNC for Giancarlo); women add 40 to the day.
    expect(generateCodiceFiscale(rng, { firstName: 'Giancarlo', lastName: 'Fo', birthDate: new Date(Date.UTC(1990, 0, 5)), sex: 'F', birthPlaceCode: 'H501' }).slice(0, 11)).toBe('FOXGCR90A45');
  });

  it('generates valid codes', () => {
    for (const rng of rngs(200)) expect(isValidCodiceFiscale(generateCodiceFiscale(rng))).toBe(true);
  });
});

describe('partita IVA', () => {
  it('checks the Luhn digit and the office code', () => {
    expect(isValidPartitaIva('06363391001')).toBe(true); // Agenzia delle Entrate
    expect(isValidPartitaIva('06363391002')).toBe(false);
    expect(isValidPartitaIva('0636339100')).toBe(false);
    for (const rng of rngs(200)) expect(isValidPartitaIva(generatePartitaIva(rng))).toBe(true);
  });
});

describe('SIREN, SIRET and the French VAT number', () => {
  it('accepts real numbers (Luhn)', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(tvaKey('732829320')).toBe('44');
    expect(isValidTvaIntracommunautaire('FR44732829320')).toBe(true);
  });

  it('generates valid numbers, SIRETs extending their SIREN', () => {
    for (const rng of rngs(200)) {
      const siren = generateSiren(rng);
      expect(isValidSiren(siren)).toBe(true);
      const siret = generateSiret(rng, siren);
      expect(isValidSiret(siret) && siret.startsWith(siren)).toBe(true);
      expect(isValidTvaIntracommunautaire(generateTvaIntracommunautaire(rng, siren))).toBe(true);
    }
  });
});

describe('NIR', () => {
  it('computes the key as 97 - (n mod 97), Corsica counting as 19/18', () => {
    expect(nirKey('2550814168025')).toBe(String(97 - (2550814168025 % 97)).padStart(2, '0'));
    expect(isValidNir(`2550814168025${nirKey('2550814168025')}`)).toBe(true);
    expect(nirKey('185072A004012')).toBe(String(97 - (1850719004012 % 97)).padStart(2, '0'));
    expect(isValidNir('255081416802500')).toBe(nirKey('2550814168025') === '00');
  });

  it('generates valid numbers matching the holder', () => {
    const rng = createRng(seedWords('nir'));
    const nir = generateNir(rng, { sex: 'F', birthDate: new Date(Date.UTC(1980, 4, 1)), birthPlaceCode: '75056' });
    expect(nir.slice(0, 10)).toBe('2800575056');
    for (const r of rngs(200)) expect(isValidNir(generateNir(r))).toBe(true);
  });
});

describe('IBAN', () => {
  it('accepts the published examples (mod 97) and their national checks', () => {
    expect(isValidIban('IT60X0542811101000000123456')).toBe(true);
    expect(isValidIban('FR1420041010050500013M02606')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('IT60X0542811101000000123457')).toBe(false);
    expect(isValidIban('IT60X054281110100000012345')).toBe(false); // one character short
    expect(oddEvenCheckChar('0542811101000000123456')).toBe('X'); // the Italian CIN
    expect(ribKey('20041', '01005', '0500013M026')).toBe('06'); // the French RIB key
    expect(ibanCheckDigits('IT', 'X0542811101000000123456')).toBe('60');
  });

  it('generates valid Italian and French IBANs with valid CIN and RIB keys', () => {
    for (const rng of rngs(100)) {
      const it = generateIban(rng, 'IT');
      expect(it).toMatch(/^IT\d{2}[A-Z]\d{10}\d{12}$/);
      expect(isValidIban(it)).toBe(true);
      expect(oddEvenCheckChar(it.slice(5))).toBe(it[4]);
      const fr = generateIban(rng, 'FR');
      expect(fr).toMatch(/^FR\d{25}$/);
      expect(isValidIban(fr)).toBe(true);
      expect(ribKey(fr.slice(4, 9), fr.slice(9, 14), fr.slice(14, 25))).toBe(fr.slice(25));
    }
  });
});

describe('postal and municipality codes', () => {
  it('accepts real codes and generates valid ones', () => {
    expect(isValidCap('00184')).toBe(true);
    expect(isValidCap('99999')).toBe(false);
    expect(isValidCodePostal('75001')).toBe(true);
    expect(isValidCodePostal('00100')).toBe(false);
    expect(isValidIstatCode('058091')).toBe(true); // Roma
    expect(isValidIstatCode('999091')).toBe(false);
    expect(isValidInseeCode('75056')).toBe(true); // Paris
    expect(isValidInseeCode('2A004')).toBe(true); // Ajaccio
    expect(isValidInseeCode('20004')).toBe(false);
    for (const rng of rngs(50)) {
      expect(isValidCap(generateCap(rng))).toBe(true);
      expect(isValidCodePostal(generateCodePostal(rng))).toBe(true);
      expect(isValidIstatCode(generateIstatCode(rng))).toBe(true);
      expect(isValidInseeCode(generateInseeCode(rng))).toBe(true);
    }
  });
});

describe('recogniseIdentifier', () => {
  const kind = (name: string, locale: 'it' | 'fr' | 'en' = 'it', format?: string) => recogniseIdentifier({ name, locale, ...(format ? { format } : {}) })[0]?.kind;

  it.each([
    ['codiceFiscale', 'codice-fiscale'], ['codice_fiscale', 'codice-fiscale'], ['cf', 'codice-fiscale'], ['fiscalCode', 'codice-fiscale'], ['taxCode', 'codice-fiscale'],
    ['partitaIva', 'partita-iva'], ['vatNumber', 'partita-iva'], ['organization_fiscal_code', 'partita-iva'], ['siren', 'siren'], ['siret', 'siret'], ['numeroSiret', 'siret'],
    ['nir', 'nir'], ['numeroSecuriteSociale', 'nir'], ['iban', 'iban-it'], ['cap', 'cap'], ['codicePostale', 'cap'], ['codiceIstat', 'codice-istat'], ['codiceComune', 'codice-istat'],
    ['codeInsee', 'code-insee'], ['code_commune', 'code-insee'], ['citycode', 'code-insee'],
  ])('%s → %s', (name, expected) => {
    expect(kind(name)).toBe(expected);
  });

  it('follows the locale for ambiguous names and reads formats', () => {
    expect(kind('iban', 'fr')).toBe('iban-fr');
    expect(kind('postcode', 'fr')).toBe('code-postal');
    expect(kind('codePostal', 'it')).toBe('code-postal');
    expect(kind('zipCode', 'it')).toBe('cap');
    expect(kind('holder', 'it', 'FiscalCode')).toBe('codice-fiscale');
    expect(kind('description')).toBeUndefined();
    expect(kind('capacity')).toBeUndefined();
  });
});
