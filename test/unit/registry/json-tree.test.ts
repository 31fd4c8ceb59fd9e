// JSON tree helpers: pointer escaping and resolution through $refs, $ref chains, visiting shared objects once.
import { describe, expect, it } from 'vitest';
import { escapePointer, followRefs, isRef, resolvePointer, walkObjects } from '../../../src/registry/json-tree.js';
import type { JsonObject } from '../../../src/registry/types.js';

describe('resolvePointer', () => {
  const root: JsonObject = {
    paths: { '/a/{id}': { get: { summary: 'A' } } },
    list: [{ name: 'zero' }, { name: 'one' }],
    'ti~lde': 1,
    alias: { $ref: '#/list' },
  };

  it('resolves the root, escaped tokens and array indexes', () => {
    expect(resolvePointer(root, '#')).toBe(root);
    expect(resolvePointer(root, '#/paths/~1a~1{id}/get/summary')).toBe('A');
    expect(resolvePointer(root, '#/paths/%7E1a%7E1%7Bid%7D/get/summary')).toBe('A');
    expect(resolvePointer(root, '#/ti~0lde')).toBe(1);
    expect(resolvePointer(root, '#/list/1/name')).toBe('one');
  });

  it('follows $refs met on the way', () => {
    expect(resolvePointer(root, '#/alias/0/name')).toBe('zero');
  });

  it('answers undefined for what it cannot resolve', () => {
    expect(resolvePointer(root, 'other.yaml#/a')).toBeUndefined();
    expect(resolvePointer(root, '#paths')).toBeUndefined();
    expect(resolvePointer(root, '#/missing/x')).toBeUndefined();
    expect(resolvePointer(root, '#/%E0%A4%A')).toBeUndefined();
    expect(resolvePointer(root, '#/toString')).toBeUndefined();
  });

  it('escapes the two pointer-special characters', () => {
    expect(escapePointer('/a~b/')).toBe('~1a~0b~1');
  });
});

describe('followRefs', () => {
  it('follows a chain to its end and reports the last $ref', () => {
    const target = { type: 'string' };
    const root: JsonObject = { a: { $ref: '#/b' }, b: { $ref: '#/c' }, c: target };
    expect(followRefs(root, root.a)).toEqual({ node: target, ref: '#/c' });
    expect(followRefs(root, target)).toEqual({ node: target, ref: undefined });
  });

  it('stops on a loop, leaving a $ref object', () => {
    const root: JsonObject = { a: { $ref: '#/b' }, b: { $ref: '#/a' } };
    expect(isRef(followRefs(root, root.a).node)).toBe(true);
  });
});

describe('walkObjects', () => {
  it('visits every object once with its escaped pointer, skipping arrays themselves', () => {
    const shared = { s: 1 };
    const root = { 'a/b': { t: 1 }, list: [shared, { t: 2 }], again: shared };
    const visited: string[] = [];
    walkObjects(root, '#', (_node, at) => visited.push(at));
    expect(visited).toHaveLength(4);
    expect(visited).toEqual(expect.arrayContaining(['#', '#/a~1b', '#/list/1']));
  });
});
