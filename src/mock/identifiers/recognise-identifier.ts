// Maps a property name and format to the national identifiers it most likely holds. Candidates come in order of
// likelihood; the generator keeps the first one the schema's own constraints accept, and falls back to them otherwise.
import type { Rng } from '../generate/create-rng.js';
import { memoByName } from '../memo-by-name.js';
import type { Locale } from '../types.js';
import { generateCodiceFiscale, isValidCodiceFiscale } from './codice-fiscale.js';
import { generateIban, isValidIban } from './iban.js';
import { generateInseeCode, generateIstatCode, isValidInseeCode, isValidIstatCode } from './municipality-code.js';
import { generateNir, isValidNir } from './nir.js';
import { generatePartitaIva, isValidPartitaIva } from './partita-iva.js';
import { generateCap, generateCodePostal, isValidCap, isValidCodePostal } from './postal-code.js';
import { generateSiren, generateSiret, generateTvaIntracommunautaire, isValidSiren, isValidSiret, isValidTvaIntracommunautaire } from './siren-siret.js';

export type IdentifierKind =
  | 'codice-fiscale' | 'partita-iva' | 'siren' | 'siret' | 'tva-intracommunautaire' | 'nir'
  | 'iban-it' | 'iban-fr' | 'cap' | 'code-postal' | 'codice-istat' | 'code-insee';

export interface IdentifierGenerator {
  readonly kind: IdentifierKind;
  generate(rng: Rng): string;
  isValid(value: string): boolean;
}

export const IDENTIFIERS: Readonly<Record<IdentifierKind, IdentifierGenerator>> = {
  'codice-fiscale': { kind: 'codice-fiscale', generate: (rng) => generateCodiceFiscale(rng), isValid: isValidCodiceFiscale },
  'partita-iva': { kind: 'partita-iva', generate: generatePartitaIva, isValid: isValidPartitaIva },
  siren: { kind: 'siren', generate: generateSiren, isValid: isValidSiren },
  siret: { kind: 'siret', generate: (rng) => generateSiret(rng), isValid: isValidSiret },
  'tva-intracommunautaire': { kind: 'tva-intracommunautaire', generate: (rng) => generateTvaIntracommunautaire(rng), isValid: isValidTvaIntracommunautaire },
  nir: { kind: 'nir', generate: (rng) => generateNir(rng), isValid: isValidNir },
  'iban-it': { kind: 'iban-it', generate: (rng) => generateIban(rng, 'IT'), isValid: isValidIban },
  'iban-fr': { kind: 'iban-fr', generate: (rng) => generateIban(rng, 'FR'), isValid: isValidIban },
  cap: { kind: 'cap', generate: generateCap, isValid: isValidCap },
  'code-postal': { kind: 'code-postal', generate: generateCodePostal, isValid: isValidCodePostal },
  'codice-istat': { kind: 'codice-istat', generate: generateIstatCode, isValid: isValidIstatCode },
  'code-insee': { kind: 'code-insee', generate: generateInseeCode, isValid: isValidInseeCode },
};

type Rule = readonly [test: (name: string) => boolean, kinds: (locale: Locale) => readonly IdentifierKind[]];

const exact = (...names: string[]) => (name: string) => names.includes(name);
const ends = (...suffixes: string[]) => (name: string) => suffixes.some((s) => name.endsWith(s));
const ibanFor = (locale: Locale): IdentifierKind[] => (locale === 'fr' ? ['iban-fr', 'iban-it'] : ['iban-it', 'iban-fr']);
const postalFor = (locale: Locale): IdentifierKind[] => (locale === 'it' ? ['cap', 'code-postal'] : ['code-postal', 'cap']);

// Names are compared lower-cased with separators removed: codice_fiscale, codiceFiscale and CODICE-FISCALE are one.
// Order matters: the first matching rule wins, so the more specific names come first.
const NAME_RULES: readonly Rule[] = [
  [ends('organizationfiscalcode', 'organisationfiscalcode'), () => ['partita-iva']],
  [(n) => n.includes('partitaiva') || exact('piva', 'vatnumber', 'vat', 'numeropartitaiva')(n), (l) => (l === 'fr' ? ['tva-intracommunautaire', 'partita-iva'] : ['partita-iva', 'tva-intracommunautaire'])],
  [(n) => n.includes('codicefiscale') || n.includes('codfiscale') || ends('fiscalcode', 'taxcode')(n) || exact('cf', 'codfisc', 'cfiscale')(n), () => ['codice-fiscale', 'partita-iva']],
  [(n) => n.includes('tvaintracom') || exact('numerotva', 'tva', 'numtva')(n), () => ['tva-intracommunautaire']],
  [(n) => n.includes('siret'), () => ['siret']],
  [(n) => n.includes('siren'), () => ['siren']],
  [(n) => exact('nir', 'nss', 'numss', 'numsecu')(n) || n.includes('securitesociale') || n.includes('numerosecu') || n.startsWith('nir') || n.includes('numeronir'), () => ['nir']],
  [(n) => n.includes('iban'), ibanFor],
  [(n) => exact('cap')(n) || n.includes('codicepostale') || n.includes('codiceavviamentopostale'), () => ['cap', 'code-postal']],
  [(n) => n.includes('codepostal'), () => ['code-postal', 'cap']],
  [(n) => ends('postcode', 'postalcode', 'zipcode', 'zip')(n) || exact('cp')(n), postalFor],
  [(n) => n.includes('istat') || exact('codicecomune', 'codcomune')(n), () => ['codice-istat']],
  [(n) => n.includes('insee') || exact('codecommune', 'citycode', 'codcommune', 'codecom')(n), () => ['code-insee']],
];

const FORMAT_RULES: Readonly<Record<string, readonly IdentifierKind[]>> = {
  fiscalcode: ['codice-fiscale'],
  codicefiscale: ['codice-fiscale'],
  organizationfiscalcode: ['partita-iva'],
  partitaiva: ['partita-iva'],
  iban: ['iban-it', 'iban-fr'],
  siren: ['siren'],
  siret: ['siret'],
  nir: ['nir'],
};

export const normalisePropertyName = memoByName((name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, ''));

const NONE: readonly IdentifierGenerator[] = Object.freeze([]);

const byFormat = memoByName((format: string): readonly IdentifierGenerator[] | undefined => {
  const kinds = FORMAT_RULES[normalisePropertyName(format)];
  return kinds === undefined ? undefined : Object.freeze(kinds.map((k) => IDENTIFIERS[k]));
});

const byLocale: Readonly<Record<Locale, (name: string) => readonly IdentifierGenerator[]>> = {
  it: memoByName((name) => byName(name, 'it')),
  fr: memoByName((name) => byName(name, 'fr')),
  en: memoByName((name) => byName(name, 'en')),
};

function byName(rawName: string, locale: Locale): readonly IdentifierGenerator[] {
  const name = normalisePropertyName(rawName);
  for (const [test, kinds] of NAME_RULES) if (test(name)) return Object.freeze(kinds(locale).map((k) => IDENTIFIERS[k]));
  return NONE;
}

/** The identifiers a property probably holds, most likely first; empty when its name and format suggest none. */
export function recogniseIdentifier(hint: { name?: string | undefined; format?: string | undefined; locale?: Locale }): readonly IdentifierGenerator[] {
  const found = hint.format === undefined ? undefined : byFormat(hint.format);
  if (found !== undefined) return found;
  if (hint.name === undefined) return NONE;
  return byLocale[hint.locale ?? 'it'](hint.name);
}
