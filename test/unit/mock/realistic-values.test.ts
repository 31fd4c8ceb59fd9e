// Values look like the real thing: names and places in the API's locale, national identifiers that pass their
// checks, adult birth dates and recent timestamps relative to the reference date; and generation is fast.
import { describe, expect, it } from 'vitest';
import { DEFAULT_REFERENCE_NOW, generateValue } from '../../../src/mock/generate/generate-value.js';
import { isValidCodiceFiscale } from '../../../src/mock/identifiers/codice-fiscale.js';
import { isValidIban } from '../../../src/mock/identifiers/iban.js';
import { FRENCH_COMMUNES, ITALIAN_MUNICIPALITIES } from '../../../src/mock/identifiers/municipalities.js';
import { isValidNir } from '../../../src/mock/identifiers/nir.js';
import { isValidPartitaIva } from '../../../src/mock/identifiers/partita-iva.js';
import { isValidCap, isValidCodePostal } from '../../../src/mock/identifiers/postal-code.js';
import { isValidSiren, isValidSiret } from '../../../src/mock/identifiers/siren-siret.js';
import { prepareSchema } from '../../../src/mock/schema/prepare-schema.js';
import { samples, type Obj } from './generate-helpers.js';

const str = { type: 'string' };
const YEAR = 365.25 * 86_400_000;

describe('identifiers by property name, subordinate to the schema', () => {
  it('fills Italian identifiers that pass their checks', () => {
    const schema = { type: 'object', required: ['codiceFiscale', 'cf', 'partitaIva', 'iban', 'cap'], properties: { codiceFiscale: str, cf: str, partitaIva: str, iban: str, cap: str } };
    for (const v of samples(schema, { locale: 'it' }) as Obj[]) {
      expect(isValidCodiceFiscale(v.codiceFiscale as string)).toBe(true);
      expect(isValidCodiceFiscale(v.cf as string)).toBe(true);
      expect(isValidPartitaIva(v.partitaIva as string)).toBe(true);
      expect(isValidIban(v.iban as string) && (v.iban as string).startsWith('IT')).toBe(true);
      expect(isValidCap(v.cap as string)).toBe(true);
    }
  });

  it('fills French identifiers that pass their checks', () => {
    const schema = { type: 'object', required: ['siren', 'siret', 'nir', 'iban', 'code_postal'], properties: { siren: str, siret: str, nir: str, iban: str, code_postal: str } };
    for (const v of samples(schema, { locale: 'fr' }) as Obj[]) {
      expect(isValidSiren(v.siren as string)).toBe(true);
      expect(isValidSiret(v.siret as string)).toBe(true);
      expect(isValidNir(v.nir as string)).toBe(true);
      expect(isValidIban(v.iban as string) && (v.iban as string).startsWith('FR')).toBe(true);
      expect(isValidCodePostal(v.code_postal as string)).toBe(true);
    }
  });

  it('lets the schema win when its constraints contradict the identifier', () => {
    for (const v of samples({ type: 'object', required: ['cf'], properties: { cf: { type: 'string', pattern: '^[0-9]{11}$' } } }) as Obj[]) {
      expect(isValidPartitaIva(v.cf as string)).toBe(true); // the 11-digit form of a company's codice fiscale
    }
    samples({ type: 'object', required: ['siren'], properties: { siren: { type: 'string', maxLength: 4 } } });
    for (const v of samples({ type: 'object', required: ['iban'], properties: { iban: { type: 'string', enum: ['IT00TEST'] } } }) as Obj[]) expect(v.iban).toBe('IT00TEST');
  });
});

describe('realistic values by property name', () => {
  it('gives names, emails, phones and real cities in the locale', () => {
    const schema = { type: 'object', required: ['nome', 'cognome', 'email', 'telefono', 'citta', 'importo'], properties: { nome: str, cognome: str, email: str, telefono: str, citta: str, importo: { type: 'number' } } };
    for (const v of samples(schema, { locale: 'it' }) as Obj[]) {
      expect(v.nome).toMatch(/^\p{Lu}/u);
      expect(v.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
      expect(v.telefono).toMatch(/^\+39/);
      expect(ITALIAN_MUNICIPALITIES.map((m) => m.name)).toContain(v.citta);
      expect(Number.isInteger(Math.round((v.importo as number) * 100))).toBe(true);
      expect(v.importo as number).toBeGreaterThanOrEqual(5);
    }
    const fr = { type: 'object', required: ['ville', 'telephone'], properties: { ville: str, telephone: str } };
    for (const v of samples(fr, { locale: 'fr' }) as Obj[]) {
      expect(FRENCH_COMMUNES.map((c) => c.name)).toContain(v.ville);
      expect(v.telephone).toMatch(/^\+33/);
    }
  });

  it('gives adults birth dates between 18 and 90 years before the reference date', () => {
    const schema = { type: 'object', required: ['dataNascita', 'date_naissance', 'birthDate'], properties: { dataNascita: { type: 'string', format: 'date' }, date_naissance: str, birthDate: { type: 'string', format: 'date-time' } } };
    for (const v of samples(schema, { seeds: 100 }) as Obj[]) {
      for (const key of ['dataNascita', 'date_naissance', 'birthDate']) {
        const age = (DEFAULT_REFERENCE_NOW - Date.parse(v[key] as string)) / YEAR;
        expect(age).toBeGreaterThanOrEqual(18);
        expect(age).toBeLessThanOrEqual(90.1);
      }
    }
  });

  it('keeps timestamps within two years before the reference date, deadlines after it', () => {
    const schema = { type: 'object', required: ['createdAt', 'dataScadenza'], properties: { createdAt: { type: 'string', format: 'date-time' }, dataScadenza: { type: 'string', format: 'date' } } };
    for (const v of samples(schema, { seeds: 100 }) as Obj[]) {
      const age = (DEFAULT_REFERENCE_NOW - Date.parse(v.createdAt as string)) / YEAR;
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThan(2.01);
      expect(Date.parse(v.dataScadenza as string)).toBeGreaterThanOrEqual(DEFAULT_REFERENCE_NOW);
    }
  });

  it('moves dates with options.now', () => {
    const prepared = prepareSchema({ type: 'string', format: 'date-time' }, 'openapi-3.0');
    const now = Date.UTC(2030, 5, 1);
    const value = generateValue(prepared, { locale: 'en', seed: 's', direction: 'response', now }) as string;
    expect(Date.parse(value)).toBeLessThan(now);
    expect(Date.parse(value)).toBeGreaterThan(now - 2.01 * YEAR);
  });
});
