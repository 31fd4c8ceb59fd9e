// A few real municipalities with their official codes, so that generated addresses, postal codes, ISTAT/INSEE codes
// and birth places in codici fiscali point at places that exist.

export interface ItalianMunicipality {
  readonly name: string;
  /** Province abbreviation (sigla). */
  readonly province: string;
  /** ISTAT code: 3 digits of province + 3 of municipality. */
  readonly istat: string;
  /** Cadastral (Belfiore) code, used in the codice fiscale. */
  readonly belfiore: string;
  readonly caps: readonly string[];
}

export interface FrenchCommune {
  readonly name: string;
  readonly insee: string;
  readonly postalCodes: readonly string[];
}

export const ITALIAN_MUNICIPALITIES: readonly ItalianMunicipality[] = [
  { name: 'Roma', province: 'RM', istat: '058091', belfiore: 'H501', caps: ['00118', '00144', '00165', '00184', '00187', '00198'] },
  { name: 'Milano', province: 'MI', istat: '015146', belfiore: 'F205', caps: ['20121', '20122', '20135', '20144', '20158'] },
  { name: 'Torino', province: 'TO', istat: '001272', belfiore: 'L219', caps: ['10121', '10128', '10138', '10144'] },
  { name: 'Napoli', province: 'NA', istat: '063049', belfiore: 'F839', caps: ['80121', '80133', '80138', '80142'] },
  { name: 'Firenze', province: 'FI', istat: '048017', belfiore: 'D612', caps: ['50121', '50122', '50129', '50136'] },
  { name: 'Bologna', province: 'BO', istat: '037006', belfiore: 'A944', caps: ['40121', '40125', '40133', '40139'] },
  { name: 'Palermo', province: 'PA', istat: '082053', belfiore: 'G273', caps: ['90133', '90138', '90141', '90145'] },
  { name: 'Venezia', province: 'VE', istat: '027042', belfiore: 'L736', caps: ['30121', '30124', '30171', '30172'] },
  { name: 'Genova', province: 'GE', istat: '010025', belfiore: 'D969', caps: ['16121', '16124', '16129', '16145'] },
  { name: 'Bari', province: 'BA', istat: '072006', belfiore: 'A662', caps: ['70121', '70122', '70124', '70126'] },
];

export const FRENCH_COMMUNES: readonly FrenchCommune[] = [
  { name: 'Paris', insee: '75056', postalCodes: ['75001', '75007', '75011', '75015', '75020'] },
  { name: 'Marseille', insee: '13055', postalCodes: ['13001', '13006', '13008', '13013'] },
  { name: 'Lyon', insee: '69123', postalCodes: ['69001', '69003', '69007', '69009'] },
  { name: 'Toulouse', insee: '31555', postalCodes: ['31000', '31100', '31200', '31400'] },
  { name: 'Nice', insee: '06088', postalCodes: ['06000', '06100', '06200', '06300'] },
  { name: 'Nantes', insee: '44109', postalCodes: ['44000', '44100', '44200', '44300'] },
  { name: 'Strasbourg', insee: '67482', postalCodes: ['67000', '67100', '67200'] },
  { name: 'Montpellier', insee: '34172', postalCodes: ['34000', '34070', '34080', '34090'] },
  { name: 'Bordeaux', insee: '33063', postalCodes: ['33000', '33100', '33200', '33300', '33800'] },
  { name: 'Lille', insee: '59350', postalCodes: ['59000', '59160', '59260', '59800'] },
];
