// Interface strings of the catalogue pages in Italian, French and English; the type makes a missing translation a compile error.
import type { Lang } from './i18n.js';
import type { AccessMode } from './build-catalog.js';

export interface Strings {
  languageName: string;
  siteName: string;
  brandTagline: string;
  skipToContent: string;
  languageNav: string;
  homeTitle: string;
  homeIntro: string;
  filters: string;
  search: string;
  searchHint: string;
  agency: string;
  theme: string;
  access: string;
  all: string;
  apply: string;
  reset: string;
  results: (count: number) => string;
  noResults: string;
  accessMode: Record<AccessMode, string>;
  accessExplained: Record<AccessMode, string>;
  sandboxBadge: string;
  catalogue: string;
  description: string;
  whoMayUse: string;
  howToRequest: string;
  requestAccess: string;
  askTheAgency: string;
  limits: string;
  plan: string;
  perSecond: string;
  perMinute: string;
  perDay: string;
  perMonth: string;
  noLimit: string;
  ceiling: string;
  ceilingExplained: string;
  tryIt: string;
  tryItIntro: string;
  getToken: string;
  tokenLabel: (hours: number) => string;
  curlLabel: string;
  copy: string;
  copied: string;
  send: string;
  response: string;
  tokenError: string;
  noScriptToken: string;
  noSandbox: string;
  docs: string;
  docsIntro: string;
  docsFrameTitle: (title: string) => string;
  openDocs: string;
  downloadJson: string;
  downloadYaml: string;
  reuses: string;
  noReuses: string;
  atAGlance: string;
  producer: string;
  partners: string;
  contact: string;
  website: string;
  version: string;
  updated: string;
  baseUrl: string;
  documentation: string;
  status: string;
  jsonEntry: string;
  themes: string;
  keywords: string;
  machineReadable: string;
  gatewayStatus: string;
  poweredBy: string;
  notFoundTitle: string;
  notFoundText: string;
  backHome: string;
  units: { second: string; minute: string; day: string; month: string };
  unlimitedPlan: string;
}

const en: Strings = {
  languageName: 'English',
  siteName: 'API catalogue',
  brandTagline: 'Public administration APIs, testable without human intervention',
  skipToContent: 'Skip to content',
  languageNav: 'Language',
  homeTitle: 'APIs',
  homeIntro: 'Find an API, read its documentation, get a test token and call the sandbox, on the same URLs as production.',
  filters: 'Search and filter',
  search: 'Search',
  searchHint: 'Words from the title, agency, themes or keywords',
  agency: 'Agency',
  theme: 'Theme',
  access: 'Access',
  all: 'All',
  apply: 'Apply',
  reset: 'Reset',
  results: (n) => (n === 1 ? '1 API' : `${n} APIs`),
  noResults: 'No API matches this search.',
  accessMode: { open: 'Open access', token: 'Token required', enrolment: 'Authorisation required' },
  accessExplained: {
    open: 'Anyone may call it in production, with no token.',
    token: 'Production calls need a token issued to a registered consumer.',
    enrolment: 'Production access is granted once an access request is approved.',
  },
  sandboxBadge: 'Sandbox',
  catalogue: 'Catalogue',
  description: 'Description',
  whoMayUse: 'Who may use it',
  howToRequest: 'How to request access',
  requestAccess: 'Request access',
  askTheAgency: 'Ask the producer through its contact address.',
  limits: 'Rate limits',
  plan: 'Plan',
  perSecond: 'Per second',
  perMinute: 'Per minute',
  perDay: 'Per day',
  perMonth: 'Per month',
  noLimit: 'no limit',
  ceiling: 'Shared ceiling',
  ceilingExplained: 'All production consumers together, to protect the producer’s servers.',
  tryIt: 'Try it',
  tryItIntro: 'Get a test token: the sandbox answers it with generated data that follow the API’s documentation, on the same URLs as production.',
  getToken: 'Get a test token',
  tokenLabel: (h) => `Your test token (valid ${h} h)`,
  curlLabel: 'Ready-to-copy curl',
  copy: 'Copy',
  copied: 'Copied',
  send: 'Send this request',
  response: 'Response',
  tokenError: 'No token could be issued',
  noScriptToken: 'Without JavaScript, ask for a token with:',
  noSandbox: 'This API has no sandbox.',
  docs: 'Technical documentation',
  docsIntro: 'The console below sends its requests to the sandbox with your test token.',
  docsFrameTitle: (t) => `Technical documentation of ${t}`,
  openDocs: 'Open the documentation full page',
  downloadJson: 'OpenAPI document (JSON)',
  downloadYaml: 'OpenAPI document (YAML)',
  reuses: 'Services that reuse it',
  noReuses: 'No reuse listed yet.',
  atAGlance: 'At a glance',
  producer: 'Producer',
  partners: 'Partners',
  contact: 'Contact',
  website: 'Web site',
  version: 'Version',
  updated: 'Last update',
  baseUrl: 'Base URL',
  documentation: 'Guides',
  status: 'Status and uptime',
  jsonEntry: 'This entry in JSON',
  themes: 'Themes',
  keywords: 'Keywords',
  machineReadable: 'Machine-readable catalogue (JSON)',
  gatewayStatus: 'Gateway status',
  poweredBy: 'Served by Portico, an open-source API gateway for public administrations (EUPL-1.2).',
  notFoundTitle: 'Page not found',
  notFoundText: 'No API has this identifier.',
  backHome: 'Back to the catalogue',
  units: { second: 'second', minute: 'minute', day: 'day', month: 'month' },
  unlimitedPlan: 'no limit',
};

const fr: Strings = {
  languageName: 'Français',
  siteName: 'Catalogue d’API',
  brandTagline: 'Les API des administrations, testables sans intervention humaine',
  skipToContent: 'Aller au contenu',
  languageNav: 'Langue',
  homeTitle: 'API',
  homeIntro: 'Trouvez une API, lisez sa documentation, obtenez un jeton de test et appelez le bac à sable, aux mêmes adresses qu’en production.',
  filters: 'Rechercher et filtrer',
  search: 'Rechercher',
  searchHint: 'Mots du titre, du producteur, des thèmes ou des mots-clés',
  agency: 'Producteur',
  theme: 'Thème',
  access: 'Accès',
  all: 'Tous',
  apply: 'Appliquer',
  reset: 'Réinitialiser',
  results: (n) => `${n} API`,
  noResults: 'Aucune API ne correspond à cette recherche.',
  accessMode: { open: 'Accès libre', token: 'Jeton requis', enrolment: 'Accès sur habilitation' },
  accessExplained: {
    open: 'Tout le monde peut l’appeler en production, sans jeton.',
    token: 'Les appels en production demandent un jeton délivré à un consommateur enregistré.',
    enrolment: 'L’accès en production est ouvert une fois la demande d’habilitation validée.',
  },
  sandboxBadge: 'Bac à sable',
  catalogue: 'Catalogue',
  description: 'Description',
  whoMayUse: 'Qui peut l’utiliser',
  howToRequest: 'Comment demander l’accès',
  requestAccess: 'Demander l’accès',
  askTheAgency: 'Adressez-vous au producteur par son adresse de contact.',
  limits: 'Limites d’appels',
  plan: 'Offre',
  perSecond: 'Par seconde',
  perMinute: 'Par minute',
  perDay: 'Par jour',
  perMonth: 'Par mois',
  noLimit: 'sans limite',
  ceiling: 'Plafond commun',
  ceilingExplained: 'Tous les consommateurs de production ensemble, pour protéger les serveurs du producteur.',
  tryIt: 'Essayer',
  tryItIntro: 'Obtenez un jeton de test : le bac à sable y répond avec des données générées conformes à la documentation de l’API, aux mêmes adresses qu’en production.',
  getToken: 'Obtenir un jeton de test',
  tokenLabel: (h) => `Votre jeton de test (valable ${h} h)`,
  curlLabel: 'Commande curl prête à copier',
  copy: 'Copier',
  copied: 'Copié',
  send: 'Envoyer cette requête',
  response: 'Réponse',
  tokenError: 'Aucun jeton n’a pu être délivré',
  noScriptToken: 'Sans JavaScript, demandez un jeton avec :',
  noSandbox: 'Cette API n’a pas de bac à sable.',
  docs: 'Documentation technique',
  docsIntro: 'La console ci-dessous envoie ses requêtes au bac à sable avec votre jeton de test.',
  docsFrameTitle: (t) => `Documentation technique de ${t}`,
  openDocs: 'Ouvrir la documentation en pleine page',
  downloadJson: 'Document OpenAPI (JSON)',
  downloadYaml: 'Document OpenAPI (YAML)',
  reuses: 'Services qui la réutilisent',
  noReuses: 'Aucune réutilisation référencée pour l’instant.',
  atAGlance: 'En bref',
  producer: 'Producteur',
  partners: 'Partenaires',
  contact: 'Contact',
  website: 'Site web',
  version: 'Version',
  updated: 'Dernière mise à jour',
  baseUrl: 'Adresse de base',
  documentation: 'Guides',
  status: 'État et disponibilité',
  jsonEntry: 'Cette fiche en JSON',
  themes: 'Thèmes',
  keywords: 'Mots-clés',
  machineReadable: 'Catalogue lisible par machine (JSON)',
  gatewayStatus: 'État de la passerelle',
  poweredBy: 'Servi par Portico, passerelle d’API libre pour les administrations (EUPL-1.2).',
  notFoundTitle: 'Page introuvable',
  notFoundText: 'Aucune API ne porte cet identifiant.',
  backHome: 'Retour au catalogue',
  units: { second: 'seconde', minute: 'minute', day: 'jour', month: 'mois' },
  unlimitedPlan: 'sans limite',
};

const it: Strings = {
  languageName: 'Italiano',
  siteName: 'Catalogo delle API',
  brandTagline: 'Le API delle pubbliche amministrazioni, provabili senza intervento umano',
  skipToContent: 'Vai al contenuto',
  languageNav: 'Lingua',
  homeTitle: 'API',
  homeIntro: 'Trova un’API, leggi la documentazione, ottieni un token di prova e chiama l’ambiente di prova, sugli stessi indirizzi della produzione.',
  filters: 'Cerca e filtra',
  search: 'Cerca',
  searchHint: 'Parole del titolo, dell’ente, dei temi o delle parole chiave',
  agency: 'Ente',
  theme: 'Tema',
  access: 'Accesso',
  all: 'Tutti',
  apply: 'Applica',
  reset: 'Azzera',
  results: (n) => `${n} API`,
  noResults: 'Nessuna API corrisponde alla ricerca.',
  accessMode: { open: 'Accesso libero', token: 'Token richiesto', enrolment: 'Accesso su autorizzazione' },
  accessExplained: {
    open: 'Chiunque può chiamarla in produzione, senza token.',
    token: 'Le chiamate in produzione richiedono un token rilasciato a un fruitore registrato.',
    enrolment: 'L’accesso in produzione è concesso dopo l’approvazione di una richiesta di adesione.',
  },
  sandboxBadge: 'Ambiente di prova',
  catalogue: 'Catalogo',
  description: 'Descrizione',
  whoMayUse: 'Chi può usarla',
  howToRequest: 'Come richiedere l’accesso',
  requestAccess: 'Richiedi l’accesso',
  askTheAgency: 'Rivolgiti all’ente erogatore tramite il suo contatto.',
  limits: 'Limiti di utilizzo',
  plan: 'Piano',
  perSecond: 'Al secondo',
  perMinute: 'Al minuto',
  perDay: 'Al giorno',
  perMonth: 'Al mese',
  noLimit: 'nessun limite',
  ceiling: 'Tetto complessivo',
  ceilingExplained: 'Tutti i fruitori di produzione insieme, a protezione dei server dell’ente.',
  tryIt: 'Prova',
  tryItIntro: 'Ottieni un token di prova: l’ambiente di prova risponde con dati generati conformi alla documentazione dell’API, sugli stessi indirizzi della produzione.',
  getToken: 'Ottieni un token di prova',
  tokenLabel: (h) => `Il tuo token di prova (valido ${h} h)`,
  curlLabel: 'Comando curl pronto da copiare',
  copy: 'Copia',
  copied: 'Copiato',
  send: 'Invia questa richiesta',
  response: 'Risposta',
  tokenError: 'Non è stato possibile rilasciare un token',
  noScriptToken: 'Senza JavaScript, chiedi un token con:',
  noSandbox: 'Questa API non ha un ambiente di prova.',
  docs: 'Documentazione tecnica',
  docsIntro: 'La console qui sotto invia le richieste all’ambiente di prova con il tuo token.',
  docsFrameTitle: (t) => `Documentazione tecnica di ${t}`,
  openDocs: 'Apri la documentazione a tutta pagina',
  downloadJson: 'Documento OpenAPI (JSON)',
  downloadYaml: 'Documento OpenAPI (YAML)',
  reuses: 'Servizi che la riutilizzano',
  noReuses: 'Ancora nessun riutilizzo segnalato.',
  atAGlance: 'In breve',
  producer: 'Ente erogatore',
  partners: 'Partner',
  contact: 'Contatto',
  website: 'Sito web',
  version: 'Versione',
  updated: 'Ultimo aggiornamento',
  baseUrl: 'Indirizzo di base',
  documentation: 'Guide',
  status: 'Stato e disponibilità',
  jsonEntry: 'Questa scheda in JSON',
  themes: 'Temi',
  keywords: 'Parole chiave',
  machineReadable: 'Catalogo leggibile da macchina (JSON)',
  gatewayStatus: 'Stato del gateway',
  poweredBy: 'Servito da Portico, gateway API open source per le pubbliche amministrazioni (EUPL-1.2).',
  notFoundTitle: 'Pagina non trovata',
  notFoundText: 'Nessuna API ha questo identificativo.',
  backHome: 'Torna al catalogo',
  units: { second: 'secondo', minute: 'minuto', day: 'giorno', month: 'mese' },
  unlimitedPlan: 'nessun limite',
};

export const STRINGS: Record<Lang, Strings> = { it, fr, en };
