// Accept negotiation: q-values, wildcards on both sides, specificity, parameters, and the JSON-first default.
import { describe, expect, it } from 'vitest';
import { createNegotiator, parseAccept } from '../../../src/mock/negotiate.js';

describe('createNegotiator', () => {
  const negotiate = createNegotiator(['application/xml', 'application/json', 'text/csv']);

  it('prefers JSON when the client states no preference', () => {
    expect(negotiate(undefined)?.key).toBe('application/json');
    expect(negotiate('')?.key).toBe('application/json');
    expect(negotiate('*/*')?.key).toBe('application/json');
  });

  it('follows the highest q-value', () => {
    expect(negotiate('application/json;q=0.5, text/csv')?.key).toBe('text/csv');
    expect(negotiate('application/json;q=0.5, application/xml;q=0.9')?.key).toBe('application/xml');
  });

  it('matches type wildcards', () => {
    expect(negotiate('text/*')?.key).toBe('text/csv');
  });

  it('lets a specific range override a wildcard (q=0 excludes)', () => {
    expect(negotiate('application/*;q=0, text/csv;q=0.1')?.key).toBe('text/csv');
    expect(negotiate('*/*, application/json;q=0')?.key).toBe('application/xml');
  });

  it('prefers the more specific match at equal q', () => {
    expect(negotiate('*/*, application/xml')?.key).toBe('application/xml');
  });

  it('returns undefined when nothing fits (the caller answers 406)', () => {
    expect(negotiate('image/png')).toBeUndefined();
    expect(negotiate('application/json;q=0')).toBeUndefined();
  });

  it('sends the declared type with its parameters and matches Accept parameters', () => {
    const sdmx = createNegotiator(['application/vnd.sdmx.data+json;version=1.0', 'application/vnd.sdmx.genericdata+xml;version=2.1']);
    expect(sdmx('application/vnd.sdmx.genericdata+xml;version=2.1')?.contentType).toBe('application/vnd.sdmx.genericdata+xml;version=2.1');
    expect(sdmx('application/vnd.sdmx.genericdata+xml;version=3.0')).toBeUndefined();
    expect(createNegotiator(['application/json;charset=utf-8'])('application/json')?.contentType).toBe('application/json;charset=utf-8');
  });

  it('turns a declared wildcard into a concrete Content-Type', () => {
    const any = createNegotiator(['*/*']);
    expect(any(undefined)).toEqual({ key: '*/*', contentType: 'application/json' });
    expect(any('text/csv')).toEqual({ key: '*/*', contentType: 'text/csv' });
    expect(any('text/*')).toEqual({ key: '*/*', contentType: 'text/plain' });
  });

  it('has nothing to offer for a response without content', () => {
    expect(createNegotiator([])(undefined)).toBeUndefined();
  });
});

describe('parseAccept', () => {
  it('ignores junk and malformed weights', () => {
    expect(parseAccept('garbage')).toBeUndefined();
    expect(parseAccept('text/html;q=abc')?.[0]?.q).toBe(1);
  });
});
