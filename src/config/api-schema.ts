// zod schema of config/apis/<id>.yaml: one registered API (identity, document, upstream, sandbox, plans, catalogue fields).
import { z } from 'zod';
import { planLimitsSchema } from './gateway-schema.js';
import { catalogFields } from '../catalog/catalog-schema.js';

export const API_ID = /^[a-z][a-z0-9-]{0,62}$/;

export const apiSchema = z.strictObject({
  id: z.string().regex(API_ID, 'expected lower-case letters, digits and dashes, starting with a letter'),
  title: z.string().min(1),
  tagline: z.string().optional(),
  version: z.string().regex(/^v\d+$/, 'expected a major version like v1'),
  agency: z.strictObject({
    name: z.string().min(1),
    acronym: z.string().optional(),
    url: z.url().optional(),
    contact: z.string().optional(),
  }),
  description: z.string().default('').describe('Markdown'),
  openapi: z.string().min(1).describe('path to the OpenAPI document, relative to this file'),
  upstream: z.strictObject({
    url: z.url({ protocol: /^https?$/ }).describe('base URL the operation paths are appended to'),
    timeoutMs: z.number().int().positive().optional().describe('idle timeout before 504; defaults.upstreamTimeoutMs'),
  }),
  access: z
    .enum(['open', 'token', 'enrolment'])
    .default('token')
    .describe('open: anyone may call production without a token; token/enrolment: a production token is required'),
  sandbox: z
    .strictObject({
      enabled: z.boolean().default(true),
      locale: z.enum(['it', 'fr', 'en']).optional(),
      dynamic: z.boolean().default(true),
    })
    .default({ enabled: true, dynamic: true }),
  plans: z.array(z.string()).default([]).describe('plan names from gateway.yaml offered for this API'),
  limits: z
    .strictObject({
      ceiling: z
        .strictObject({
          perSecond: z.number().int().positive().optional(),
          perMinute: z.number().int().positive().optional(),
          perDay: z.number().int().positive().optional(),
          perMonth: z.number().int().positive().optional(),
        })
        .optional()
        .describe("all production consumers together: protects the agency's upstream"),
      plans: z.record(z.string(), planLimitsSchema).default({}).describe('per-plan overrides for this API, field by field'),
    })
    .default({ plans: {} }),
  themes: z.array(z.string()).default([]),
  keywords: z.array(z.string()).default([]),
  links: z
    .strictObject({
      documentation: z.url().optional(),
      status: z.url().optional(),
    })
    .default({}),
  ...catalogFields,
});

export type ApiConfig = z.infer<typeof apiSchema>;
