// Loading OpenAPI 3.0/3.1 and Swagger 2.0 fixtures: relative-file refs, conversion, cycles, merge keys, quirks, refusals.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadOpenApi } from '../../../src/registry/load-openapi.js';
import { OpenApiLoadError } from '../../../src/registry/openapi-load-error.js';
import type { JsonObject, LoadedDocument } from '../../../src/registry/types.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/openapi');
const load = (name: string) => loadOpenApi(path.join(fixtures, name));

/** Walks a dereferenced document by keys; test-only, so a failed step simply throws. */
function at(root: unknown, ...keys: string[]): JsonObject {
  let node: unknown = root;
  for (const key of keys) node = (node as JsonObject)[key];
  return node as JsonObject;
}

function operation(doc: LoadedDocument, id: string) {
  const found = doc.operations.find((o) => o.id === id);
  if (found === undefined) throw new Error(`no operation ${id} in ${doc.operations.map((o) => o.id).join(', ')}`);
  return found;
}

async function refusal(name: string): Promise<OpenApiLoadError> {
  const error = await load(name).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(OpenApiLoadError);
  return error as OpenApiLoadError;
}

describe('loadOpenApi', () => {
  it('resolves a relative-file $ref and keeps a bundled copy without external refs', async () => {
    const doc = await load('split-3.0.yaml');
    expect(doc.format).toBe('openapi-3.0');
    expect(doc.source).toBe(path.join(fixtures, 'split-3.0.yaml'));
    expect(doc.warnings).toEqual([]);

    const get = operation(doc, 'getAssociation');
    const schema = at(get.operation, 'responses', '200', 'content', 'application/json', 'schema');
    expect(schema.required).toEqual(['rna', 'titre']);
    expect(at(schema, 'properties', 'adresse', 'properties', 'commune')).toEqual({ type: 'string' });
    expect(at(get.operation, 'responses', '404', 'content', 'application/problem+json', 'schema', 'properties', 'status')).toEqual({ type: 'integer' });

    // The bundler inlines external parts used once; what matters is that the copy is self-contained.
    const bundledText = JSON.stringify(doc.bundled);
    expect(bundledText).not.toContain('common.yaml');
    expect(bundledText).toContain('"codePostal"');
  });

  it('merges path-level parameters, operation ones winning by name and location', async () => {
    const doc = await load('split-3.0.yaml');
    const get = operation(doc, 'getAssociation');
    const params = get.operation.parameters as JsonObject[];
    expect(params.map((p) => `${String(p.in)}:${String(p.name)}`)).toEqual(['path:rna', 'header:X-Correlation-Id', 'query:champs']);
    expect(params[0]?.description).toBe('identifiant RNA');

    const del = operation(doc, 'DELETE /associations/{rna}');
    expect(del.method).toBe('delete');
    expect((del.operation.parameters as JsonObject[]).map((p) => p.name)).toEqual(['rna', 'X-Correlation-Id']);
  });

  it('reads OpenAPI 3.1 type arrays and layers $ref siblings over the target', async () => {
    const doc = await load('types-3.1.json');
    expect(doc.format).toBe('openapi-3.1');
    expect(doc.warnings).toEqual([]);
    const get = operation(doc, 'getEquivalent');
    const schema = at(get.operation, 'responses', '200', 'content', 'application/json', 'schema');
    expect(schema.description).toBe('the equivalent asked for');
    expect(at(schema, 'properties', 'ecv').type).toEqual(['number', 'null']);
    // The shared definition itself is untouched by the sibling.
    expect(at(doc.document, 'components', 'schemas', 'Equivalent').description).toBeUndefined();
  });

  it('converts Swagger 2.0 to OpenAPI 3.0', async () => {
    const doc = await load('swagger-2.0.yaml');
    expect(doc.format).toBe('swagger-2.0');
    expect(String(doc.document.openapi)).toMatch(/^3\.0\./);
    expect(doc.document.swagger).toBeUndefined();
    expect(doc.document.servers).toEqual([{ url: 'https://api.example.fr/declarations/v2' }]);
    expect(doc.operations.map((o) => o.id)).toEqual(['listDeclarations', 'createDeclaration', 'getDeclaration']);

    const create = operation(doc, 'createDeclaration');
    expect(at(create.operation, 'requestBody', 'content', 'application/json', 'schema').required).toEqual(['id', 'montant']);
    const list = operation(doc, 'listDeclarations');
    expect(at(list.operation, 'parameters', '0', 'schema')).toMatchObject({ type: 'integer', minimum: 1, default: 1 });
    expect(at(operation(doc, 'getDeclaration').operation, 'parameters', '0').name).toBe('id');
    expect(JSON.stringify(doc.bundled)).toContain('#/components/schemas/Declaration');
  });

  it('keeps circular schemas as a cyclic object graph', async () => {
    const doc = await load('circular-3.0.yaml');
    const organisation = at(doc.document, 'components', 'schemas', 'Organisation');
    expect(at(organisation, 'properties', 'sousUnites', 'items')).toBe(organisation);
    expect(at(organisation, 'properties', 'responsable', 'properties', 'organisation')).toBe(organisation);
    const response = at(operation(doc, 'getOrganisation').operation, 'responses', '200', 'content', 'application/json', 'schema');
    expect(response).toBe(organisation);
    // The downloadable copy stays serialisable.
    expect(JSON.stringify(doc.bundled)).toContain('"$ref":"#/components/schemas/Organisation"');
  });

  it('applies YAML merge keys', async () => {
    const doc = await load('merge-keys-3.0.yaml');
    const responses = at(operation(doc, 'getData').operation, 'responses');
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '404', '500']);
    expect(at(responses, '404').description).toBe('Dataflow sconosciuto');
    expect(responses['<<']).toBeUndefined();
    expect(Object.keys(at(operation(doc, 'listDataflows').operation, 'responses')).sort()).toEqual(['200', '400', '404', '500']);
  });

  it('tolerates real-world quirks and reports each one', async () => {
    const doc = await load('quirks-3.0.yaml');
    expect(doc.operations.map((o) => o.id)).toEqual(['getNotification', 'GET /doubles/a', 'GET /doubles/b']);
    expect(doc.operations[0]?.pathTemplate).toBe('/notifications/{iun}');

    const op = operation(doc, 'getNotification').operation;
    const params = op.parameters as JsonObject[];
    expect(params[1]).toMatchObject({ name: 'etudiant', schema: {} });
    expect(params[2]).toMatchObject({ name: 'lang', schema: { type: 'string', default: 'fr' } });
    expect(params[2]?.default).toBeUndefined();
    expect(at(op, 'responses', '200', 'content', 'application/zip')).toEqual({});
    expect(at(op, 'responses', '200', 'headers', 'X-RateLimit-Limit')).toEqual({ schema: {} });

    const notification = at(doc.document, 'components', 'schemas', 'Notification');
    expect(notification.required).toEqual(['titolo']);
    expect(at(notification, 'properties', 'iun')).toEqual({ type: 'string', minLength: 1, maxLength: 30 });
    expect(at(notification, 'properties', 'dateNaissance')).toEqual({ type: 'string', format: 'date' });
    expect(at(doc.document, 'servers', '0').url).toBe('https://{hostname}/v1');

    const expected = [
      /path without a leading '\/'; read as "\/notifications\/\{iun\}"/,
      /remote \$ref "https:\/\/example\.org\/openapi\/definitions\.yaml#\/headers\/X-RateLimit-Limit" not fetched/,
      /unsubstituted deploy-time placeholder/,
      /"required" is not an Operation field/,
      /parameter "etudiant" has neither schema nor content/,
      /parameter "lang": "default" belong/,
      /"minlength" read as "minLength"/,
      /"maxLenght" read as "maxLength"/,
      /type "date" is not a JSON Schema type/,
      /"required: true" on a property/,
      /application~1zip: empty media type object/,
      /operationId "sameId" is used by 2 operations/,
    ];
    for (const pattern of expected) expect(doc.warnings.some((w) => pattern.test(w)), String(pattern)).toBe(true);
    expect(doc.warnings).toHaveLength(expected.length);
  });

  it('refuses a YAML file that is not an OpenAPI document, naming the file', async () => {
    const error = await refusal('not-openapi.yaml');
    expect(error.file).toBe(path.join(fixtures, 'not-openapi.yaml'));
    expect(error.reasons).toEqual([expect.stringMatching(/not an OpenAPI or Swagger document/)]);
    expect(error.message).toContain('not-openapi.yaml');
  });

  it('refuses broken YAML with the parser position', async () => {
    const error = await refusal('broken-yaml.yaml');
    expect(error.reasons[0]).toMatch(/invalid YAML\/JSON: .*line \d+/);
  });

  it('refuses a relative $ref to a missing file', async () => {
    const error = await refusal('missing-ref-3.0.yaml');
    expect(error.reasons[0]).toMatch(/relative-file \$ref.*does-not-exist\.yaml/);
  });

  it('refuses a file that does not exist', async () => {
    const error = await refusal('nope.yaml');
    expect(error.reasons[0]).toMatch(/cannot read the file \(ENOENT\)/);
  });
});
