// Realistic values chosen from a property's name (nome, cognome, email, città, montant…) in the API's locale.
// Hints only propose: the caller keeps a value only if the schema accepts it.
import { normalisePropertyName } from '../identifiers/recognise-identifier.js';
import { FRENCH_COMMUNES, ITALIAN_MUNICIPALITIES } from '../identifiers/municipalities.js';
import { memoByName } from '../memo-by-name.js';
import { fullName, personalEmail } from './person-values.js';
import { streetAddress } from './street-address.js';
import { uuidV4 } from './uuid-v4.js';
import { loremPhrase, webUrl } from './word-lists.js';
import type { Rng } from './create-rng.js';
import type { GenerationContext } from './generation-context.js';

export type DateKind = 'birth' | 'future' | 'recent';
export interface NumberRange { readonly min: number; readonly max: number; readonly decimals: number }

export type StringHint = (ctx: GenerationContext) => string;
type Test = (n: string) => boolean;
const is = (...names: string[]): Test => (n) => names.includes(n);
const endsWith = (...suffixes: string[]): Test => (n) => suffixes.some((s) => n.endsWith(s));
const has = (...parts: string[]): Test => (n) => parts.some((p) => n.includes(p));
const any = (...tests: Test[]): Test => (n) => tests.some((t) => t(n));

/** Mobile numbers in the international form of the locale's country (faker's Italian data has none). */
export function phoneNumber(ctx: GenerationContext): string {
  const { rng } = ctx;
  if (ctx.locale === 'it') return `+39 3${rng.int(20, 99)} ${digits(rng, 3)} ${digits(rng, 4)}`;
  if (ctx.locale === 'fr') return `+33 ${rng.pick(['6', '7'])} ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)}`;
  return ctx.faker.phone.number({ style: 'international' });
}

function digits(rng: Rng, n: number): string {
  let text = '';
  for (let i = 0; i < n; i++) text += String(rng.int(0, 9));
  return text;
}

// Real place names in every locale: faker's own city() invents them from templates, at several times the cost.
const city = (ctx: GenerationContext) => {
  if (ctx.locale === 'fr') return ctx.rng.pick(FRENCH_COMMUNES).name;
  if (ctx.locale === 'it') return ctx.rng.pick(ITALIAN_MUNICIPALITIES).name;
  const names = ctx.faker.rawDefinitions.location?.city_name;
  return names !== undefined && names !== null && names.length > 0 ? ctx.rng.pick(names) : ctx.faker.location.city();
};

// First match wins; specific names before generic ones.
const STRING_HINTS: readonly (readonly [Test, StringHint])[] = [
  [any(is('email', 'mail', 'pec', 'courriel', 'emailaddress', 'adressemail', 'adressemel', 'mel'), endsWith('email', 'mail', 'pec', 'courriel')), personalEmail],
  [any(is('nome', 'firstname', 'givenname', 'prenom', 'prenoms', 'forename', 'prenomusuel'), endsWith('firstname', 'givenname', 'prenom')), (c) => c.faker.person.firstName()],
  [any(is('cognome', 'lastname', 'surname', 'familyname', 'nom', 'nomfamille', 'nomdefamille', 'nomnaissance', 'nomusage', 'nomdusage'), endsWith('lastname', 'surname', 'familyname', 'cognome', 'nomdefamille', 'nomdusage')), (c) => c.faker.person.lastName()],
  [any(is('name', 'fullname', 'nomecompleto', 'nominativo', 'displayname', 'nomcomplet', 'nomprenom'), endsWith('fullname', 'nominativo')), fullName],
  [any(is('denominazione', 'ragionesociale', 'raisonsociale', 'companyname', 'company', 'organization', 'organisation', 'organizationname', 'denomination', 'nomentreprise', 'enseigne', 'ente', 'amministrazione'), endsWith('ragionesociale', 'raisonsociale', 'companyname', 'denominazione')), (c) => c.faker.company.name()],
  [any(is('telefono', 'phone', 'tel', 'cellulare', 'mobile', 'telephone', 'portable', 'fax', 'cell', 'mobilephone', 'phonenumber'), endsWith('phone', 'telefono', 'telephone', 'cellulare', 'phonenumber')), phoneNumber],
  [any(is('indirizzo', 'address', 'adresse', 'via', 'street', 'rue', 'streetaddress', 'addressline1', 'numeroetvoie', 'voie', 'indirizzoresidenza'), endsWith('street', 'streetaddress', 'indirizzo')), streetAddress],
  [has('codedepartement', 'numdepartement', 'departement'), (c) => c.rng.pick(FRENCH_COMMUNES).insee.slice(0, 2)],
  [any(is('citta', 'city', 'ville', 'comune', 'commune', 'localita', 'municipality', 'town', 'libellecommune', 'nomcommune', 'luogonascita', 'comunenascita', 'villenaissance', 'communenaissance'), endsWith('city', 'citta', 'ville', 'localita')), city],
  [is('provincia', 'province', 'siglaprovincia'), (c) => c.rng.pick(ITALIAN_MUNICIPALITIES).province],
  [any(is('paese', 'nazione', 'country', 'pays', 'stato', 'nationality', 'nazionalita', 'nationalite'), endsWith('country')), (c) => c.faker.location.country()],
  [any(is('countrycode', 'codicepaese', 'codepays', 'codiceiso', 'iso2'), endsWith('countrycode')), (c) => (c.locale === 'fr' ? 'FR' : c.locale === 'it' ? 'IT' : c.faker.location.countryCode())],
  [is('numvoie', 'numerovoie', 'numerocivico', 'civico', 'housenumber', 'streetnumber', 'numeroadresse'), (c) => String(c.rng.int(1, 180))],
  [is('typevoie', 'tipovia', 'toponimo', 'dug'), (c) => c.rng.pick(c.locale === 'it' ? ['Via', 'Piazza', 'Corso', 'Viale'] : ['Rue', 'Avenue', 'Boulevard', 'Place'])],
  [is('libellevoie', 'nomvoie', 'streetname', 'denominazionestrada', 'nomevia'), (c) => c.faker.location.street()],
  [has('immatriculation', 'targa', 'licenseplate', 'plaque'), (c) => (c.locale === 'it' ? `${c.faker.string.alpha({ length: 2, casing: 'upper' })}${c.faker.string.numeric(3)}${c.faker.string.alpha({ length: 2, casing: 'upper' })}` : `${c.faker.string.alpha({ length: 2, casing: 'upper' })}-${c.faker.string.numeric(3)}-${c.faker.string.alpha({ length: 2, casing: 'upper' })}`)],
  [is('marque', 'marca', 'brand', 'manufacturer', 'constructeur'), (c) => c.faker.vehicle.manufacturer()],
  [any(is('url', 'website', 'sito', 'sitoweb', 'siteweb', 'link', 'href', 'homepage', 'siteinternet'), endsWith('url', 'uri', 'link', 'href')), webUrl],
  [any(is('username', 'login', 'utente', 'userid'), endsWith('username')), (c) => c.faker.internet.username()],
  [is('sesso', 'sex', 'gender', 'sexe', 'genere'), (c) => c.rng.pick(['M', 'F'])],
  [any(is('valuta', 'currency', 'devise', 'currencycode', 'divisa')), () => 'EUR'],
  [any(is('lingua', 'locale', 'lang'), endsWith('language', 'langue', 'lingua')), (c) => c.locale],
  [any(is('id', 'uuid', 'guid', 'identifier', 'identifiant', 'identificativo'), endsWith('uuid', 'guid')), (c) => uuidV4(c.rng)],
  [any(is('descrizione', 'description', 'note', 'notes', 'commento', 'comment', 'message', 'messaggio', 'detail', 'details', 'dettaglio', 'motivo', 'motivazione', 'reason', 'libelle', 'label', 'title', 'titolo', 'titre', 'oggetto', 'subject', 'objet'), endsWith('description', 'descrizione', 'message', 'libelle', 'label')), (c) => loremPhrase(c, 3, 8)],
  [endsWith('id', 'code', 'codice', 'number', 'numero'), (c) => `${c.faker.string.alpha({ length: 3, casing: 'upper' })}${c.faker.string.numeric(6)}`],
];

// The answers depend on the name alone: worked out once per name (see memo-by-name.ts), not on every value.
const stringHintOf = memoByName((name: string): StringHint | undefined => {
  const n = normalisePropertyName(name);
  return STRING_HINTS.find(([test]) => test(n))?.[1];
});

export function stringHint(name: string | undefined): StringHint | undefined {
  return name === undefined ? undefined : stringHintOf(name);
}

const isBirth = has('nascita', 'birth', 'naissance', 'dob', 'natoil', 'nato');
const isFuture = has('scadenza', 'expir', 'expiry', 'validuntil', 'validto', 'fine', 'datefin', 'enddate', 'until', 'echeance', 'deadline', 'limite');
const dateKindOf = memoByName((name: string): DateKind => {
  const n = normalisePropertyName(name);
  if (isBirth(n)) return 'birth';
  if (isFuture(n)) return 'future';
  return 'recent';
});

/** Which kind of date a property holds: adults' birth dates, upcoming deadlines, or recent events. */
export function dateKind(name: string | undefined): DateKind {
  return dateKindOf(name ?? '');
}

const isBirthDate = has('datenaissance', 'datanascita', 'birthdate', 'dateofbirth');
const dateShapeOf = memoByName((name: string): 'date' | 'date-time' | undefined => {
  const n = normalisePropertyName(name);
  if (n === '') return undefined;
  if (/(timestamp|createdat|updatedat|modifiedat|datetime|dataora|horodatage)$/.test(n)) return 'date-time';
  if (/^(data|date)(?!base|set|i$)[a-z]/.test(n) || (/(date|data)$/.test(n) && !/(update|metadata)$/.test(n)) || isBirthDate(n)) return 'date';
  return undefined;
});

/** Whether an unformatted string property is a date by its name (dataNascita, dateDebut, createdAt…), and which form. */
export function dateShape(name: string | undefined): 'date' | 'date-time' | undefined {
  return dateShapeOf(name ?? '');
}

const NUMBER_HINTS: readonly (readonly [Test, NumberRange | ((ctx: GenerationContext, name: string) => NumberRange)])[] = [
  [any(has('importo', 'amount', 'montant', 'prezzo', 'price', 'prix', 'costo', 'cost', 'cout', 'somma', 'saldo', 'balance', 'salario', 'stipendio', 'salaire', 'tariff', 'tarif', 'fee', 'revenu', 'reddito', 'income', 'iva', 'tax'), is('total', 'totale')), { min: 5, max: 5000, decimals: 2 }],
  [is('eta', 'age', 'anni'), { min: 18, max: 90, decimals: 0 }],
  [any(is('anno', 'year', 'annee'), endsWith('anno', 'year', 'annee'), (n) => /^(anno|annee|year)/.test(n)), (c, n) => {
    const now = c.now.getUTCFullYear();
    return dateKind(n) === 'birth' ? { min: now - 90, max: now - 18, decimals: 0 } : { min: now - 20, max: now, decimals: 0 };
  }],
  [any(is('mese', 'month', 'mois'), (n) => /^(mese|month|mois)/.test(n)), { min: 1, max: 12, decimals: 0 }],
  [any(is('giorno', 'day', 'jour'), (n) => /^(giorno|day|jour)/.test(n)), { min: 1, max: 28, decimals: 0 }],
  [has('percent', 'percentuale', 'pourcentage', 'taux', 'rate', 'ratio'), { min: 0, max: 100, decimals: 2 }],
  [any(is('lat', 'latitude', 'latitudine'), endsWith('latitude', 'latitudine')), { min: 36.5, max: 50.5, decimals: 6 }],
  [any(is('lon', 'lng', 'long', 'longitude', 'longitudine'), endsWith('longitude', 'longitudine')), { min: -4.5, max: 18.5, decimals: 6 }],
  [any(is('page', 'pagina', 'pagenumber')), { min: 1, max: 10, decimals: 0 }],
  [any(is('size', 'limit', 'pagesize', 'perpage', 'offset')), { min: 10, max: 50, decimals: 0 }],
  [any(has('count', 'quantita', 'quantity', 'quantite', 'nombre', 'numero', 'totalelements', 'totalitems', 'occorrenze')), { min: 1, max: 50, decimals: 0 }],
];

const numberHintOf = memoByName((name: string) => {
  const n = normalisePropertyName(name);
  const found = NUMBER_HINTS.find(([test]) => test(n))?.[1];
  return found === undefined ? undefined : { normalised: n, found };
});

export function numberHint(name: string | undefined, ctx: GenerationContext): NumberRange | undefined {
  const hint = name === undefined ? undefined : numberHintOf(name);
  if (hint === undefined) return undefined;
  return typeof hint.found === 'function' ? hint.found(ctx, hint.normalised) : hint.found;
}
