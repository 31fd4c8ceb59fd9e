// Parameter serialisation styles (path simple/label/matrix, query form/space/pipe/deepObject, header, cookie) and coercion.
import { describe, expect, it } from 'vitest';
import { createCoercer } from '../../../src/mock/create-coercer.js';
import {
  decodeParameter,
  parseCookies,
  parseQueryString,
  type ParameterSpec,
  type RequestParts,
} from '../../../src/mock/parse-parameters.js';

function spec(partial: Partial<ParameterSpec> & Pick<ParameterSpec, 'in'>): ParameterSpec {
  const style = partial.style ?? (partial.in === 'query' || partial.in === 'cookie' ? 'form' : 'simple');
  return { name: 'id', shape: 'primitive', explode: style === 'form', objectKeys: [], ...partial, style };
}

function parts(p: Partial<RequestParts>): RequestParts {
  return { pathParams: {}, query: [], headers: {}, cookies: new Map(), ...p };
}

const value = (s: ParameterSpec, p: Partial<RequestParts>): unknown => {
  const d = decodeParameter(s, parts(p));
  return d.present ? d.value : 'ABSENT';
};

describe('parseQueryString', () => {
  it('keeps order and repeats, decodes + and %-escapes, tolerates bad escapes', () => {
    expect(parseQueryString('?a=1&a=2&b=x+y&c=%C3%A9&d&e=%ZZ')).toEqual([
      ['a', '1'],
      ['a', '2'],
      ['b', 'x y'],
      ['c', 'é'],
      ['d', ''],
      ['e', '%ZZ'],
    ]);
    expect(parseQueryString('')).toEqual([]);
  });
});

describe('query styles', () => {
  it('form, exploded: repeated keys make a list; a primitive takes the first', () => {
    const query = parseQueryString('id=3&id=4&id=5');
    expect(value(spec({ in: 'query', shape: 'array', explode: true }), { query })).toEqual(['3', '4', '5']);
    expect(value(spec({ in: 'query' }), { query })).toBe('3');
  });

  it('form, not exploded: comma-separated list and key,value object', () => {
    expect(value(spec({ in: 'query', shape: 'array', explode: false }), { query: parseQueryString('id=3,4,5') })).toEqual(['3', '4', '5']);
    expect(value(spec({ in: 'query', shape: 'object', explode: false }), { query: parseQueryString('id=role,admin,n,Alex') })).toEqual({ role: 'admin', n: 'Alex' });
  });

  it('form, exploded object: properties are top-level keys', () => {
    const s = spec({ in: 'query', shape: 'object', explode: true, objectKeys: ['role', 'n'] });
    expect(value(s, { query: parseQueryString('role=admin&n=Alex&other=1') })).toEqual({ role: 'admin', n: 'Alex' });
    expect(value(s, { query: parseQueryString('other=1') })).toBe('ABSENT');
  });

  it('spaceDelimited and pipeDelimited', () => {
    expect(value(spec({ in: 'query', style: 'spaceDelimited', shape: 'array', explode: false }), { query: parseQueryString('id=3%204+5') })).toEqual(['3', '4', '5']);
    expect(value(spec({ in: 'query', style: 'pipeDelimited', shape: 'array', explode: false }), { query: parseQueryString('id=3|4|5') })).toEqual(['3', '4', '5']);
  });

  it('deepObject, nested, safe against __proto__', () => {
    const s = spec({ in: 'query', style: 'deepObject', shape: 'object', explode: true });
    expect(value(s, { query: parseQueryString('id[role]=admin&id[name][first]=Alex&x=1') })).toEqual({ role: 'admin', name: { first: 'Alex' } });
    const polluted = value(s, { query: parseQueryString('id[__proto__][admin]=1') }) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(Object.keys(polluted)).toEqual(['__proto__']);
  });

  it('an empty value is present', () => {
    expect(value(spec({ in: 'query' }), { query: parseQueryString('id=') })).toBe('');
    expect(value(spec({ in: 'query' }), { query: parseQueryString('other=') })).toBe('ABSENT');
  });
});

describe('path styles', () => {
  it('simple', () => {
    expect(value(spec({ in: 'path', shape: 'array' }), { pathParams: { id: '3,4,5' } })).toEqual(['3', '4', '5']);
    expect(value(spec({ in: 'path', shape: 'object' }), { pathParams: { id: 'role,admin' } })).toEqual({ role: 'admin' });
    expect(value(spec({ in: 'path', shape: 'object', explode: true }), { pathParams: { id: 'role=admin,n=A' } })).toEqual({ role: 'admin', n: 'A' });
  });

  it('label', () => {
    expect(value(spec({ in: 'path', style: 'label' }), { pathParams: { id: '.5' } })).toBe('5');
    expect(value(spec({ in: 'path', style: 'label', shape: 'array' }), { pathParams: { id: '.3,4' } })).toEqual(['3', '4']);
    expect(value(spec({ in: 'path', style: 'label', shape: 'array', explode: true }), { pathParams: { id: '.3.4' } })).toEqual(['3', '4']);
  });

  it('matrix', () => {
    expect(value(spec({ in: 'path', style: 'matrix' }), { pathParams: { id: ';id=5' } })).toBe('5');
    expect(value(spec({ in: 'path', style: 'matrix', shape: 'array' }), { pathParams: { id: ';id=3,4' } })).toEqual(['3', '4']);
    expect(value(spec({ in: 'path', style: 'matrix', shape: 'array', explode: true }), { pathParams: { id: ';id=3;id=4' } })).toEqual(['3', '4']);
    expect(value(spec({ in: 'path', style: 'matrix', shape: 'object', explode: true }), { pathParams: { id: ';role=admin;n=A' } })).toEqual({ role: 'admin', n: 'A' });
  });
});

describe('headers and cookies', () => {
  it('header names are case-insensitive, lists comma-separated and trimmed', () => {
    const s = spec({ in: 'header', name: 'X-Ids', shape: 'array' });
    expect(value(s, { headers: { 'x-ids': '1, 2,3' } })).toEqual(['1', '2', '3']);
    expect(value(s, { headers: {} })).toBe('ABSENT');
  });

  it('cookies are read from the Cookie header', () => {
    const cookies = parseCookies('a=1; session="abc"; list=x,y');
    expect(value(spec({ in: 'cookie', name: 'session' }), { cookies })).toBe('abc');
    expect(value(spec({ in: 'cookie', name: 'list', shape: 'array', explode: false }), { cookies })).toEqual(['x', 'y']);
  });
});

describe('createCoercer', () => {
  it('converts numbers and booleans only where the schema wants them', () => {
    expect(createCoercer({ type: 'integer' })('42')).toBe(42);
    expect(createCoercer({ type: 'number' })('-1.5e2')).toBe(-150);
    expect(createCoercer({ type: 'boolean' })('true')).toBe(true);
    expect(createCoercer({ type: 'string' })('42')).toBe('42');
    expect(createCoercer({})('42')).toBe('42');
  });

  it('leaves what does not convert, so the validator reports it', () => {
    expect(createCoercer({ type: 'integer' })('not-a-number')).toBe('not-a-number');
    expect(createCoercer({ type: 'boolean' })('yes')).toBe('yes');
  });

  it('reaches array items, object properties and combinators', () => {
    expect(createCoercer({ type: 'array', items: { type: 'integer' } })(['1', '2'])).toEqual([1, 2]);
    expect(createCoercer({ type: 'object', properties: { n: { type: 'integer' }, s: { type: 'string' } } })({ n: '1', s: '2' })).toEqual({ n: 1, s: '2' });
    expect(createCoercer({ oneOf: [{ type: 'integer' }, { type: 'null' }] })('7')).toBe(7);
  });

  it('survives cyclic schemas', () => {
    const node: Record<string, unknown> = { type: 'object', properties: { n: { type: 'integer' } } };
    (node.properties as Record<string, unknown>).child = node;
    expect(createCoercer(node)({ n: '1', child: { n: '2' } })).toEqual({ n: 1, child: { n: 2 } });
  });
});
