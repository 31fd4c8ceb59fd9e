// The demo identifiers are well-formed: Luhn keys on SIREN/SIRET, check characters on codici fiscali.
import { describe, expect, it } from 'vitest';
import { codiceFiscaleCheckChar } from '../../../src/mock/identifiers/codice-fiscale.js';
import { luhnValid } from '../../../src/mock/identifiers/luhn.js';
import { tvaKey } from '../../../src/mock/identifiers/siren-siret.js';
import {
  etablissements,
  residenti,
  UNKNOWN_CODICE_FISCALE,
  UNKNOWN_SIREN,
  unitesLegales,
} from '../../../src/demo/demo-data.js';

describe('luhnValid', () => {
  it('accepts the textbook example and refuses a one-digit change', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });

  it('refuses non-digits and the empty string', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('84731225X')).toBe(false);
  });
});

describe('codiceFiscaleCheckChar', () => {
  it('gives the published check characters', () => {
    expect(codiceFiscaleCheckChar('RSSMRA85T10A562')).toBe('S'); // RSSMRA85T10A562S, the usual "Mario Rossi"
    expect(codiceFiscaleCheckChar('MRTMTT25D09F205')).toBe('Z'); // MRTMTT25D09F205Z, it.wikipedia.org example
  });

  it('reads the first 15 characters of a full code and refuses malformed input', () => {
    expect(codiceFiscaleCheckChar('RSSMRA85T10A562S')).toBe('S');
    expect(codiceFiscaleCheckChar('rssmra85t10a562')).toBeUndefined();
    expect(codiceFiscaleCheckChar('RSSMRA85T10')).toBeUndefined();
  });
});

describe('imprese demo data', () => {
  it.each(unitesLegales.map((u) => [u.siren, u] as const))('SIREN %s passes Luhn and its VAT key is right', (siren, u) => {
    expect(siren).toMatch(/^\d{9}$/);
    expect(luhnValid(siren)).toBe(true);
    if (u.tva_intracommunautaire !== null) expect(u.tva_intracommunautaire).toBe(`FR${tvaKey(siren)}${siren}`);
  });

  it.each(etablissements.map((e) => [e.siret, e] as const))('SIRET %s passes Luhn and extends its SIREN', (siret, e) => {
    expect(siret).toMatch(/^\d{14}$/);
    expect(luhnValid(siret)).toBe(true);
    expect(siret).toBe(e.siren + e.nic);
    expect(unitesLegales.some((u) => u.siren === e.siren)).toBe(true);
  });

  it('points every unité légale at its own siège', () => {
    for (const u of unitesLegales) {
      const siege = etablissements.find((e) => e.siret === u.siret_siege);
      expect(siege?.etablissement_siege).toBe(true);
      expect(siege?.adresse).toEqual(u.adresse);
      expect(etablissements.filter((e) => e.siren === u.siren && e.etablissement_siege)).toHaveLength(1);
    }
  });

  it('keeps the known 404 SIREN valid but unregistered', () => {
    expect(luhnValid(UNKNOWN_SIREN)).toBe(true);
    expect(unitesLegales.some((u) => u.siren === UNKNOWN_SIREN)).toBe(false);
  });
});

describe('anagrafe demo data', () => {
  const MONTHS = 'ABCDEHLMPRST';

  it.each(residenti.map((r) => [r.codiceFiscale, r] as const))('%s has the right check character and encodes its holder', (cf, r) => {
    expect(cf.at(15)).toBe(codiceFiscaleCheckChar(cf));
    const [year, month, day] = r.dataNascita.split('-').map(Number) as [number, number, number];
    expect(cf.slice(6, 8)).toBe(String(year % 100).padStart(2, '0'));
    expect(cf[8]).toBe(MONTHS[month - 1]);
    expect(Number(cf.slice(9, 11))).toBe(r.sesso === 'F' ? day + 40 : day);
    expect(cf.slice(11, 15)).toBe(r.luogoNascita.codiceCatastale);
  });

  it('keeps the known 404 codice fiscale valid but unregistered', () => {
    expect(UNKNOWN_CODICE_FISCALE.at(15)).toBe(codiceFiscaleCheckChar(UNKNOWN_CODICE_FISCALE));
    expect(residenti.some((r) => r.codiceFiscale === UNKNOWN_CODICE_FISCALE)).toBe(false);
  });
});
