// The demo upstreams' fixed datasets: fictitious companies, residents and addresses with real place codes.
// Every SIREN/SIRET passes the Luhn check and every codice fiscale has its right check character (see test/unit/demo/checksums.test.ts; the rules live in src/mock/identifiers).

// ---------------------------------------------------------------- imprese (Sirene-like)

export interface AdresseSirene {
  numero_voie: string | null;
  type_voie: string | null;
  libelle_voie: string;
  complement_adresse: string | null;
  code_postal: string;
  libelle_commune: string;
  code_commune: string;
}

export interface UniteLegale {
  siren: string;
  denomination: string;
  sigle: string | null;
  categorie_juridique: string;
  libelle_categorie_juridique: string;
  activite_principale: string;
  libelle_activite_principale: string;
  tranche_effectifs: string | null;
  date_creation: string;
  etat_administratif: 'A' | 'F';
  date_cessation: string | null;
  siret_siege: string;
  tva_intracommunautaire: string | null;
  adresse: AdresseSirene;
  date_derniere_mise_a_jour: string;
}

export interface Etablissement {
  siret: string;
  siren: string;
  nic: string;
  etablissement_siege: boolean;
  denomination: string;
  enseigne: string | null;
  activite_principale: string;
  date_creation: string;
  etat_administratif: 'A' | 'F';
  date_fermeture: string | null;
  adresse: AdresseSirene;
}

function adresse(
  numero_voie: string | null,
  type_voie: string | null,
  libelle_voie: string,
  code_postal: string,
  libelle_commune: string,
  code_commune: string,
  complement_adresse: string | null = null,
): AdresseSirene {
  return { numero_voie, type_voie, libelle_voie, complement_adresse, code_postal, libelle_commune, code_commune };
}

const A = {
  nesParis: adresse('12', 'RUE', 'OBERKAMPF', '75011', 'PARIS', '75056'),
  nesLyon: adresse('24', 'RUE', 'DE LA REPUBLIQUE', '69002', 'LYON', '69123', 'BATIMENT B 3E ETAGE'),
  boulangerie: adresse('8', 'CRS', 'GAMBETTA', '69003', 'LYON', '69123'),
  transportsBordeaux: adresse('45', 'QUAI', 'DES CHARTRONS', '33000', 'BORDEAUX', '33063'),
  transportsToulouse: adresse('3', 'AV', 'DES ETATS UNIS', '31200', 'TOULOUSE', '31555'),
  transportsMarseille: adresse('10', 'RUE', 'DE LA REPUBLIQUE', '13002', 'MARSEILLE', '13055'),
  cooperative: adresse(null, 'RTE', 'DE SOURS', '28000', 'CHARTRES', '28085', 'ZONE ARTISANALE DES PRES'),
  conseil: adresse('27', 'RUE', 'PARADIS', '13006', 'MARSEILLE', '13055'),
  imprimerie: adresse('5', 'RUE', 'CREBILLON', '44000', 'NANTES', '44109'),
  association: adresse('17', 'PL', 'DU THEATRE', '59000', 'LILLE', '59350'),
};

export const unitesLegales: readonly UniteLegale[] = [
  {
    siren: '847312253', denomination: 'NUMERIQUE EXEMPLE SERVICES', sigle: 'NES',
    categorie_juridique: '5710', libelle_categorie_juridique: 'SAS, société par actions simplifiée',
    activite_principale: '62.01Z', libelle_activite_principale: 'Programmation informatique',
    tranche_effectifs: '12', date_creation: '2018-03-14', etat_administratif: 'A', date_cessation: null,
    siret_siege: '84731225300010', tva_intracommunautaire: 'FR70847312253', adresse: A.nesParis,
    date_derniere_mise_a_jour: '2024-11-05T08:30:00Z',
  },
  {
    siren: '412985368', denomination: 'BOULANGERIE DUPONT ET FILS', sigle: null,
    categorie_juridique: '5499', libelle_categorie_juridique: 'Société à responsabilité limitée (sans autre indication)',
    activite_principale: '10.71C', libelle_activite_principale: 'Boulangerie et boulangerie-pâtisserie',
    tranche_effectifs: '03', date_creation: '1997-06-02', etat_administratif: 'A', date_cessation: null,
    siret_siege: '41298536800015', tva_intracommunautaire: 'FR45412985368', adresse: A.boulangerie,
    date_derniere_mise_a_jour: '2023-02-17T14:05:00Z',
  },
  {
    siren: '528763014', denomination: 'TRANSPORTS DEMO SUD-OUEST', sigle: 'TDSO',
    categorie_juridique: '5710', libelle_categorie_juridique: 'SAS, société par actions simplifiée',
    activite_principale: '49.41A', libelle_activite_principale: 'Transports routiers de fret interurbains',
    tranche_effectifs: '21', date_creation: '2010-11-23', etat_administratif: 'A', date_cessation: null,
    siret_siege: '52876301400016', tva_intracommunautaire: 'FR39528763014', adresse: A.transportsBordeaux,
    date_derniere_mise_a_jour: '2024-06-28T09:12:00Z',
  },
  {
    siren: '773415898', denomination: 'COOPERATIVE AGRICOLE DE LA PLAINE EXEMPLE', sigle: 'CAPE',
    categorie_juridique: '6317', libelle_categorie_juridique: 'Société coopérative agricole',
    activite_principale: '01.11Z', libelle_activite_principale: "Culture de céréales (à l'exception du riz), de légumineuses et de graines oléagineuses",
    tranche_effectifs: '11', date_creation: '1962-04-10', etat_administratif: 'A', date_cessation: null,
    siret_siege: '77341589800016', tva_intracommunautaire: 'FR43773415898', adresse: A.cooperative,
    date_derniere_mise_a_jour: '2022-09-30T07:45:00Z',
  },
  {
    siren: '902154475', denomination: 'MARTIN CONSEIL', sigle: null,
    categorie_juridique: '1000', libelle_categorie_juridique: 'Entrepreneur individuel',
    activite_principale: '70.22Z', libelle_activite_principale: 'Conseil pour les affaires et autres conseils de gestion',
    tranche_effectifs: 'NN', date_creation: '2021-09-01', etat_administratif: 'A', date_cessation: null,
    siret_siege: '90215447500013', tva_intracommunautaire: 'FR89902154475', adresse: A.conseil,
    date_derniere_mise_a_jour: '2024-01-12T10:00:00Z',
  },
  {
    siren: '338177629', denomination: 'IMPRIMERIE NANTAISE EXEMPLE', sigle: null,
    categorie_juridique: '5599', libelle_categorie_juridique: "SA à conseil d'administration (s.a.i.)",
    activite_principale: '18.12Z', libelle_activite_principale: 'Autre imprimerie (labeur)',
    tranche_effectifs: null, date_creation: '1986-02-17', etat_administratif: 'F', date_cessation: '2019-12-31',
    siret_siege: '33817762900015', tva_intracommunautaire: 'FR05338177629', adresse: A.imprimerie,
    date_derniere_mise_a_jour: '2020-01-08T16:20:00Z',
  },
  {
    siren: '788450195', denomination: 'ASSOCIATION DEMO CULTURE ET PATRIMOINE', sigle: 'ADCP',
    categorie_juridique: '9220', libelle_categorie_juridique: 'Association déclarée',
    activite_principale: '90.04Z', libelle_activite_principale: 'Gestion de salles de spectacles',
    tranche_effectifs: '01', date_creation: '2012-10-05', etat_administratif: 'A', date_cessation: null,
    siret_siege: '78845019500011', tva_intracommunautaire: null, adresse: A.association,
    date_derniere_mise_a_jour: '2024-03-21T11:30:00Z',
  },
];

export const etablissements: readonly Etablissement[] = [
  {
    siret: '84731225300010', siren: '847312253', nic: '00010', etablissement_siege: true,
    denomination: 'NUMERIQUE EXEMPLE SERVICES', enseigne: null, activite_principale: '62.01Z',
    date_creation: '2018-03-14', etat_administratif: 'A', date_fermeture: null, adresse: A.nesParis,
  },
  {
    siret: '84731225300028', siren: '847312253', nic: '00028', etablissement_siege: false,
    denomination: 'NUMERIQUE EXEMPLE SERVICES', enseigne: 'NES LYON', activite_principale: '62.01Z',
    date_creation: '2021-01-04', etat_administratif: 'A', date_fermeture: null, adresse: A.nesLyon,
  },
  {
    siret: '41298536800015', siren: '412985368', nic: '00015', etablissement_siege: true,
    denomination: 'BOULANGERIE DUPONT ET FILS', enseigne: 'AU PAIN DE GAMBETTA', activite_principale: '10.71C',
    date_creation: '1997-06-02', etat_administratif: 'A', date_fermeture: null, adresse: A.boulangerie,
  },
  {
    siret: '52876301400016', siren: '528763014', nic: '00016', etablissement_siege: true,
    denomination: 'TRANSPORTS DEMO SUD-OUEST', enseigne: null, activite_principale: '49.41A',
    date_creation: '2010-11-23', etat_administratif: 'A', date_fermeture: null, adresse: A.transportsBordeaux,
  },
  {
    siret: '52876301400024', siren: '528763014', nic: '00024', etablissement_siege: false,
    denomination: 'TRANSPORTS DEMO SUD-OUEST', enseigne: 'TDSO TOULOUSE', activite_principale: '52.29A',
    date_creation: '2014-05-12', etat_administratif: 'A', date_fermeture: null, adresse: A.transportsToulouse,
  },
  {
    siret: '52876301400032', siren: '528763014', nic: '00032', etablissement_siege: false,
    denomination: 'TRANSPORTS DEMO SUD-OUEST', enseigne: 'TDSO MARSEILLE', activite_principale: '49.41A',
    date_creation: '2016-09-01', etat_administratif: 'F', date_fermeture: '2022-06-30', adresse: A.transportsMarseille,
  },
  {
    siret: '77341589800016', siren: '773415898', nic: '00016', etablissement_siege: true,
    denomination: 'COOPERATIVE AGRICOLE DE LA PLAINE EXEMPLE', enseigne: null, activite_principale: '01.11Z',
    date_creation: '1962-04-10', etat_administratif: 'A', date_fermeture: null, adresse: A.cooperative,
  },
  {
    siret: '90215447500013', siren: '902154475', nic: '00013', etablissement_siege: true,
    denomination: 'MARTIN CONSEIL', enseigne: null, activite_principale: '70.22Z',
    date_creation: '2021-09-01', etat_administratif: 'A', date_fermeture: null, adresse: A.conseil,
  },
  {
    siret: '33817762900015', siren: '338177629', nic: '00015', etablissement_siege: true,
    denomination: 'IMPRIMERIE NANTAISE EXEMPLE', enseigne: null, activite_principale: '18.12Z',
    date_creation: '1986-02-17', etat_administratif: 'F', date_fermeture: '2019-12-31', adresse: A.imprimerie,
  },
  {
    siret: '78845019500011', siren: '788450195', nic: '00011', etablissement_siege: true,
    denomination: 'ASSOCIATION DEMO CULTURE ET PATRIMOINE', enseigne: 'THEATRE DEMO', activite_principale: '90.04Z',
    date_creation: '2012-10-05', etat_administratif: 'A', date_fermeture: null, adresse: A.association,
  },
];

/** Well-formed and Luhn-valid, but registered nowhere: answers 404. */
export const UNKNOWN_SIREN = '123456782';

// ---------------------------------------------------------------- anagrafe (ANPR-like)

export interface Comune {
  comune: string;
  codiceIstat: string;
  codiceCatastale: string;
  provincia: string;
}

export interface Residenza {
  indirizzo: string;
  cap: string;
  comune: string;
  codiceIstat: string;
  provincia: string;
  dataDecorrenza: string;
}

export interface Residente {
  codiceFiscale: string;
  nome: string;
  cognome: string;
  sesso: 'M' | 'F';
  dataNascita: string;
  luogoNascita: Comune;
  residenza: Residenza;
  cittadinanza: { codiceStato: string; descrizioneStato: string };
}

const C = {
  roma: { comune: 'Roma', codiceIstat: '058091', codiceCatastale: 'H501', provincia: 'RM' },
  milano: { comune: 'Milano', codiceIstat: '015146', codiceCatastale: 'F205', provincia: 'MI' },
  napoli: { comune: 'Napoli', codiceIstat: '063049', codiceCatastale: 'F839', provincia: 'NA' },
  torino: { comune: 'Torino', codiceIstat: '001272', codiceCatastale: 'L219', provincia: 'TO' },
  bologna: { comune: 'Bologna', codiceIstat: '037006', codiceCatastale: 'A944', provincia: 'BO' },
  firenze: { comune: 'Firenze', codiceIstat: '048017', codiceCatastale: 'D612', provincia: 'FI' },
  palermo: { comune: 'Palermo', codiceIstat: '082053', codiceCatastale: 'G273', provincia: 'PA' },
} satisfies Record<string, Comune>;

function residenza(luogo: Comune, indirizzo: string, cap: string, dataDecorrenza: string): Residenza {
  return { indirizzo, cap, comune: luogo.comune, codiceIstat: luogo.codiceIstat, provincia: luogo.provincia, dataDecorrenza };
}

const ITALIA = { codiceStato: '100', descrizioneStato: 'ITALIA' };

export const residenti: readonly Residente[] = [
  {
    codiceFiscale: 'RSSMRA85T10H501O', nome: 'Mario', cognome: 'Rossi', sesso: 'M', dataNascita: '1985-12-10',
    luogoNascita: C.roma, residenza: residenza(C.roma, 'Via del Corso 12', '00186', '2012-05-02'), cittadinanza: ITALIA,
  },
  {
    codiceFiscale: 'BNCGLI90C62F205S', nome: 'Giulia', cognome: 'Bianchi', sesso: 'F', dataNascita: '1990-03-22',
    luogoNascita: C.milano, residenza: residenza(C.milano, 'Corso Buenos Aires 45', '20124', '2016-09-15'), cittadinanza: ITALIA,
  },
  {
    codiceFiscale: 'SPSGPP78L05F839X', nome: 'Giuseppe', cognome: 'Esposito', sesso: 'M', dataNascita: '1978-07-05',
    luogoNascita: C.napoli, residenza: residenza(C.napoli, 'Via Toledo 156', '80134', '2004-03-01'), cittadinanza: ITALIA,
  },
  {
    codiceFiscale: 'RSSFNC01A55L219U', nome: 'Francesca', cognome: 'Russo', sesso: 'F', dataNascita: '2001-01-15',
    luogoNascita: C.torino, residenza: residenza(C.bologna, "Via dell'Indipendenza 8", '40121', '2020-10-01'), cittadinanza: ITALIA,
  },
  {
    codiceFiscale: 'FRRLCU65P30A944F', nome: 'Luca', cognome: 'Ferrari', sesso: 'M', dataNascita: '1965-09-30',
    luogoNascita: C.bologna, residenza: residenza(C.firenze, 'Via dei Calzaiuoli 7', '50122', '1998-11-20'), cittadinanza: ITALIA,
  },
  {
    codiceFiscale: 'RMNNNA72S48D612V', nome: 'Anna', cognome: 'Romano', sesso: 'F', dataNascita: '1972-11-08',
    luogoNascita: C.firenze, residenza: residenza(C.roma, 'Via Appia Nuova 210', '00183', '2009-07-14'), cittadinanza: ITALIA,
  },
  {
    codiceFiscale: 'CLMLSN88D17G273R', nome: 'Alessandro', cognome: 'Colombo', sesso: 'M', dataNascita: '1988-04-17',
    luogoNascita: C.palermo, residenza: residenza(C.palermo, 'Via Maqueda 100', '90133', '2015-02-09'), cittadinanza: ITALIA,
  },
];

/** Well-formed with a correct check character, but registered nowhere: answers 404. */
export const UNKNOWN_CODICE_FISCALE = 'VRDGPP80A01H501U';

// ---------------------------------------------------------------- indirizzi (BAN-like)

export interface Indirizzo {
  /** WGS 84 longitude then latitude, as in GeoJSON. */
  coordinates: readonly [number, number];
  label: string;
  housenumber?: string;
  id: string;
  name: string;
  postcode: string;
  citycode: string;
  city: string;
  district?: string;
  context: string;
  type: 'housenumber' | 'street' | 'locality' | 'municipality';
  importance: number;
  street?: string;
}

const IDF = '75, Paris, Île-de-France';

export const indirizzi: readonly Indirizzo[] = [
  {
    coordinates: [2.308642, 48.850626], label: '20 Avenue de Ségur 75007 Paris', housenumber: '20', id: '75107_8909_00020',
    name: '20 Avenue de Ségur', postcode: '75007', citycode: '75107', city: 'Paris', district: 'Paris 7e Arrondissement',
    context: IDF, type: 'housenumber', importance: 0.7, street: 'Avenue de Ségur',
  },
  {
    coordinates: [2.316754, 48.870437], label: '55 Rue du Faubourg Saint-Honoré 75008 Paris', housenumber: '55',
    id: '75108_3527_00055', name: '55 Rue du Faubourg Saint-Honoré', postcode: '75008', citycode: '75108', city: 'Paris',
    district: 'Paris 8e Arrondissement', context: IDF, type: 'housenumber', importance: 0.75, street: 'Rue du Faubourg Saint-Honoré',
  },
  {
    coordinates: [2.356801, 48.855702], label: '29 Rue de Rivoli 75004 Paris', housenumber: '29', id: '75104_8244_00029',
    name: '29 Rue de Rivoli', postcode: '75004', citycode: '75104', city: 'Paris', district: 'Paris 4e Arrondissement',
    context: IDF, type: 'housenumber', importance: 0.78, street: 'Rue de Rivoli',
  },
  {
    coordinates: [2.347, 48.859], label: 'Paris', id: '75056', name: 'Paris', postcode: '75001', citycode: '75056',
    city: 'Paris', context: IDF, type: 'municipality', importance: 1,
  },
  {
    coordinates: [4.832011, 45.757814], label: 'Place Bellecour 69002 Lyon', id: '69382_0840', name: 'Place Bellecour',
    postcode: '69002', citycode: '69382', city: 'Lyon', district: 'Lyon 2e Arrondissement',
    context: '69, Rhône, Auvergne-Rhône-Alpes', type: 'street', importance: 0.72,
  },
  {
    coordinates: [5.36965, 43.29578], label: '2 Quai du Port 13002 Marseille', housenumber: '2', id: '13202_7356_00002',
    name: '2 Quai du Port', postcode: '13002', citycode: '13202', city: 'Marseille', district: 'Marseille 2e Arrondissement',
    context: "13, Bouches-du-Rhône, Provence-Alpes-Côte d'Azur", type: 'housenumber', importance: 0.68, street: 'Quai du Port',
  },
  {
    coordinates: [1.4437, 43.60445], label: '1 Place du Capitole 31000 Toulouse', housenumber: '1', id: '31555_1790_00001',
    name: '1 Place du Capitole', postcode: '31000', citycode: '31555', city: 'Toulouse',
    context: '31, Haute-Garonne, Occitanie', type: 'housenumber', importance: 0.7, street: 'Place du Capitole',
  },
  {
    coordinates: [-1.55354, 47.21829], label: "2 Rue de l'Hôtel de Ville 44000 Nantes", housenumber: '2',
    id: '44109_3650_00002', name: "2 Rue de l'Hôtel de Ville", postcode: '44000', citycode: '44109', city: 'Nantes',
    context: '44, Loire-Atlantique, Pays de la Loire', type: 'housenumber', importance: 0.62, street: "Rue de l'Hôtel de Ville",
  },
  {
    coordinates: [-0.57759, 44.83775], label: 'Place Pey Berland 33000 Bordeaux', id: '33063_6590', name: 'Place Pey Berland',
    postcode: '33000', citycode: '33063', city: 'Bordeaux', context: '33, Gironde, Nouvelle-Aquitaine', type: 'street', importance: 0.66,
  },
  {
    coordinates: [3.06332, 50.63694], label: 'Place du Général de Gaulle 59800 Lille', id: '59350_3190',
    name: 'Place du Général de Gaulle', postcode: '59800', citycode: '59350', city: 'Lille',
    context: '59, Nord, Hauts-de-France', type: 'street', importance: 0.67,
  },
];
