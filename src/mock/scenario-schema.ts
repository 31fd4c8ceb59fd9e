// zod schema of a scenario file, `mocks/<apiId>/*.yaml`: a list of fixed answers for chosen requests.
import { z } from 'zod';

const match = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()])).min(1)]);

export const scenarioSchema = z.strictObject({
  name: z.string().min(1).optional(),
  operation: z.string().min(1).describe('operationId, or "GET /path/{param}"'),
  when: z
    .strictObject({
      path: z.record(z.string(), match).optional(),
      query: z.record(z.string(), match).optional(),
      headers: z.record(z.string(), match).optional(),
      body: z.unknown().optional().describe('partial JSON body: every member given must be equal'),
    })
    .default({}),
  status: z.number().int().min(100).max(599),
  contentType: z.string().min(1).optional(),
  headers: z.record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'expected an HTTP header name'), z.union([z.string(), z.number(), z.boolean()]).transform(String)).optional(),
  body: z.unknown().optional(),
});

export const scenarioFileSchema = z.strictObject({
  scenarios: z.array(scenarioSchema).default([]),
});
