// In-place dereferencing: shared targets stay one object, cycles become cyclic graphs, broken $refs become {}.
import { describe, expect, it } from 'vitest';
import { dereferenceDocument } from '../../../src/registry/dereference-document.js';
import type { JsonObject } from '../../../src/registry/types.js';

const schemas = (doc: JsonObject) => (doc.components as JsonObject).schemas as Record<string, JsonObject>;

describe('dereferenceDocument', () => {
  it('replaces $refs by their target object, shared rather than copied', () => {
    const doc: JsonObject = {
      paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/Id' }] } } },
      components: { parameters: { Id: { name: 'id', in: 'path', schema: { $ref: '#/components/schemas/Id' } } }, schemas: { Id: { type: 'string' } } },
      list: [{ $ref: '#/components/schemas/Id' }],
    };
    expect(dereferenceDocument(doc)).toEqual([]);
    const parameter = ((doc.paths as JsonObject)['/a'] as { get: { parameters: JsonObject[] } }).get.parameters[0];
    expect(parameter?.name).toBe('id');
    expect(parameter?.schema).toBe(schemas(doc).Id);
    expect((doc.list as unknown[])[0]).toBe(schemas(doc).Id);
  });

  it('keeps a circular schema as a cycle instead of expanding it', () => {
    const doc: JsonObject = {
      components: {
        schemas: {
          Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, parent: { $ref: '#/components/schemas/Node' } } },
        },
      },
    };
    expect(dereferenceDocument(doc)).toEqual([]);
    const node = schemas(doc).Node as { properties: { children: { items: unknown }; parent: unknown } };
    expect(node.properties.parent).toBe(node);
    expect(node.properties.children.items).toBe(node);
  });

  it('follows $ref chains to the final target', () => {
    const doc: JsonObject = { components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/C' }, C: { type: 'integer' } } }, use: { $ref: '#/components/schemas/A' } };
    dereferenceDocument(doc);
    expect(doc.use).toBe(schemas(doc).C);
    expect(schemas(doc).A).toBe(schemas(doc).C);
  });

  it('layers $ref siblings over a copy, leaving the shared target untouched', () => {
    const doc: JsonObject = { components: { schemas: { Id: { type: 'string' } } }, use: { $ref: '#/components/schemas/Id', description: 'The id' } };
    dereferenceDocument(doc);
    expect(doc.use).toEqual({ type: 'string', description: 'The id' });
    expect(schemas(doc).Id).toEqual({ type: 'string' });
  });

  it('replaces an unresolvable $ref by {}, warning once however often it is used', () => {
    const doc: JsonObject = { a: { $ref: '#/missing' }, b: [{ $ref: '#/missing' }, { $ref: '#/a/b/c' }] };
    expect(dereferenceDocument(doc).sort()).toEqual([
      '$ref "#/a/b/c" does not resolve to an object; replaced by {}',
      '$ref "#/missing" does not resolve to an object; replaced by {}',
    ]);
    expect(doc.a).toEqual({});
    expect((doc.b as unknown[])[0]).toBe(doc.a);
  });

  it('breaks a loop of $refs with {} and one warning', () => {
    const doc: JsonObject = { components: { schemas: { X: { $ref: '#/components/schemas/Y' }, Y: { $ref: '#/components/schemas/X' } } } };
    expect(dereferenceDocument(doc)).toEqual([expect.stringMatching(/^\$ref "#\/components\/schemas\/[XY]" is a loop of \$refs; replaced by \{\}$/)]);
    expect(schemas(doc).X).toEqual({});
    expect(schemas(doc).Y).toEqual({});
  });
});
