// Remote $refs are dropped (never fetched) and remembered as placeholders; relative-file $refs are detected.
import { describe, expect, it } from 'vitest';
import { dropRemoteRefs, hasExternalRefs, isRemoteRef } from '../../../src/registry/drop-remote-refs.js';

describe('isRemoteRef', () => {
  it('tells remote references from local and relative-file ones', () => {
    for (const ref of ['https://example.org/a.yaml#/x', 'http://x', '//cdn.example.org/a.json', 'urn:x:y']) expect(isRemoteRef(ref), ref).toBe(true);
    for (const ref of ['#/components/schemas/A', 'common.yaml#/A', '../shared/a.json', 'file:///tmp/a.yaml', 'FILE:a.yaml']) expect(isRemoteRef(ref), ref).toBe(false);
  });
});

describe('dropRemoteRefs', () => {
  it('empties each remote $ref once, keeps siblings, and records the placeholder', () => {
    const remote = { $ref: 'https://example.org/defs.yaml#/Limit', description: 'kept' };
    const doc = { a: remote, b: [remote], c: { $ref: '#/a' } };
    const placeholders = new WeakSet<object>();
    expect(dropRemoteRefs(doc, 'shared.yaml#', placeholders)).toEqual([
      expect.stringMatching(/^shared\.yaml#\/(a|b\/0): remote \$ref "https:\/\/example\.org\/defs\.yaml#\/Limit" not fetched/),
    ]);
    expect(remote).toEqual({ description: 'kept' });
    expect(placeholders.has(remote)).toBe(true);
    expect(doc.c).toEqual({ $ref: '#/a' });
  });
});

describe('hasExternalRefs', () => {
  it('is true only for a $ref outside the document', () => {
    expect(hasExternalRefs({ a: { $ref: '#/b' }, b: {} })).toBe(false);
    expect(hasExternalRefs({ a: [{ schema: { $ref: 'common.yaml#/A' } }] })).toBe(true);
  });
});
