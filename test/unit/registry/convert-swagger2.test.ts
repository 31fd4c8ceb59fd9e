// Swagger 2.0 → OpenAPI 3.0 conversion on a tiny document: body parameters become request bodies, no network involved.
import { describe, expect, it } from 'vitest';
import { convertSwagger2 } from '../../../src/registry/convert-swagger2.js';
import type { JsonObject } from '../../../src/registry/types.js';

describe('convertSwagger2', () => {
  it('converts paths, body parameters and definitions', async () => {
    const swagger: JsonObject = {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      host: 'api.example.org',
      basePath: '/v1',
      schemes: ['https'],
      paths: {
        '/items': {
          post: {
            operationId: 'createItem',
            consumes: ['application/json'],
            parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Item' } }],
            responses: { '201': { description: 'created' } },
          },
        },
      },
      definitions: { Item: { type: 'object', properties: { id: { type: 'string' } } } },
    };
    const { document, warnings } = await convertSwagger2(swagger, '/docs/api.yaml');
    expect(warnings).toEqual([]);
    expect(String(document.openapi)).toMatch(/^3\.0\./);
    expect(document.servers).toEqual([{ url: 'https://api.example.org/v1' }]);
    const post = ((document.paths as JsonObject)['/items'] as { post: JsonObject }).post;
    expect(post.requestBody).toMatchObject({ required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } });
    expect((document.components as JsonObject).schemas).toHaveProperty('Item');
  });
});
