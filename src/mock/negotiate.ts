// Content negotiation: picks one of a response's declared media types for an Accept header (RFC 9110 §12.5.1).
// The offer table is built once per response at load; each request only parses its Accept header.

import { isJsonMediaType, parseMediaType, splitOutsideQuotes, type MediaType } from './media-type.js';

export interface Negotiated {
  /** The declared key in the response's `content` map. */
  readonly key: string;
  /** What to send as Content-Type: the declared type, or a concrete type chosen for a wildcard declaration. */
  readonly contentType: string;
}

/** Returns undefined when no declared type is acceptable (the caller answers 406). */
export type Negotiator = (accept: string | undefined) => Negotiated | undefined;

interface AcceptRange {
  readonly media: MediaType;
  readonly q: number;
  /** 0 for * / *, 1 for type/*, 2 for type/subtype, 3 when it also names parameters. */
  readonly specificity: number;
}

interface Offer {
  readonly key: string;
  readonly media: MediaType;
  readonly rank: number;
}

// A wildcard declaration (`*/*`, `application/*`) still needs one concrete Content-Type when the client accepts anything.
const WILDCARD_DEFAULTS: Readonly<Record<string, string>> = { '*': 'application/json', application: 'application/json', text: 'text/plain', image: 'image/png' };

export function createNegotiator(declared: readonly string[]): Negotiator {
  // Without a preference from the client, JSON comes first: it is what a developer trying the sandbox expects to read.
  const offers: Offer[] = declared.map((key, index) => {
    const media = parseMediaType(key);
    return { key, media, rank: (isJsonMediaType(media) ? 0 : 1_000) + index };
  });
  const byDefault = [...offers].sort((a, b) => a.rank - b.rank);

  return (accept) => {
    if (offers.length === 0) return undefined;
    const ranges = parseAccept(accept);
    if (ranges === undefined) return concrete(byDefault[0] as Offer, undefined);
    let best: { offer: Offer; range: AcceptRange; q: number } | undefined;
    for (const offer of byDefault) {
      const range = bestRange(offer.media, ranges);
      if (range === undefined || range.q <= 0) continue;
      if (best === undefined || range.q > best.q || (range.q === best.q && range.specificity > best.range.specificity)) {
        best = { offer, range, q: range.q };
      }
    }
    return best === undefined ? undefined : concrete(best.offer, best.range.media);
  };
}

/** undefined means "no Accept header": anything is acceptable. */
export function parseAccept(header: string | undefined): AcceptRange[] | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const ranges: AcceptRange[] = [];
  for (const part of splitOutsideQuotes(header, ',')) {
    if (part.trim() === '') continue;
    const media = parseMediaType(part);
    if (media.subtype === '' || media.type === '') continue;
    const { q: qText, ...params } = media.params;
    const q = qText === undefined ? 1 : Number(qText);
    // A malformed weight is ignored rather than fatal, as most servers do; the range counts with q=1.
    const weight = Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 1;
    const specificity = media.type === '*' ? 0 : media.subtype === '*' ? 1 : Object.keys(params).length > 0 ? 3 : 2;
    ranges.push({ media: { ...media, params }, q: weight, specificity });
  }
  // An Accept header with nothing usable in it is read as no preference.
  return ranges.length === 0 ? undefined : ranges;
}

/** The most specific range matching an offer decides its weight (so `text/*;q=0, text/csv` still accepts CSV). */
function bestRange(offer: MediaType, ranges: readonly AcceptRange[]): AcceptRange | undefined {
  let best: AcceptRange | undefined;
  for (const range of ranges) {
    if (!matches(offer, range.media)) continue;
    if (best === undefined || range.specificity > best.specificity) best = range;
  }
  return best;
}

function matches(offer: MediaType, range: MediaType): boolean {
  const offerWild = offer.type === '*' || offer.subtype === '*';
  if (offerWild) {
    // A declared wildcard accepts whatever the client asks for inside it.
    if (offer.type !== '*' && range.type !== '*' && range.type !== offer.type) return false;
    return true;
  }
  if (range.type !== '*' && range.type !== offer.type) return false;
  if (range.subtype !== '*' && range.subtype !== offer.subtype) return false;
  for (const [name, value] of Object.entries(range.params)) {
    if ((offer.params[name] ?? '').toLowerCase() !== value.toLowerCase()) return false;
  }
  return true;
}

function concrete(offer: Offer, range: MediaType | undefined): Negotiated {
  const { type, subtype } = offer.media;
  if (type !== '*' && subtype !== '*') return { key: offer.key, contentType: offer.key };
  if (range !== undefined && range.type !== '*' && range.subtype !== '*') return { key: offer.key, contentType: range.essence };
  const family = range !== undefined && range.type !== '*' ? range.type : type;
  return { key: offer.key, contentType: WILDCARD_DEFAULTS[family] ?? `${family}/octet-stream` };
}
