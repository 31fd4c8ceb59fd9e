// zod schema of config/gateway.yaml: listeners, store, plans and defaults, with every field described.
import { z } from 'zod';

const port = z.number().int().min(0).max(65535).describe('TCP port; 0 picks a free one');
const host = z.string().min(1).describe('interface to bind, e.g. 0.0.0.0 or 127.0.0.1');

export const listenerSchema = z.strictObject({ host, port });

export const planSchema = z.strictObject({
  description: z.string().optional(),
  burst: z
    .strictObject({
      perSecond: z.number().int().positive().optional(),
      perMinute: z.number().int().positive().optional(),
    })
    .optional()
    .describe('short-window limits'),
  quota: z
    .strictObject({
      perDay: z.number().int().positive().optional(),
      perMonth: z.number().int().positive().optional(),
    })
    .optional()
    .describe('calendar-window quotas'),
});

export const storeSchema = z
  .strictObject({
    kind: z.enum(['memory', 'redis']).default('memory'),
    url: z.string().optional().describe('redis://host:port/db; required when kind is redis unless clusterNodes is set'),
    clusterNodes: z.array(z.string().regex(/^[^\s:]+:\d+$/, 'expected host:port')).optional(),
    keyPrefix: z.string().default('portico:'),
  })
  .superRefine((store, ctx) => {
    if (store.kind === 'redis' && !store.url && !(store.clusterNodes && store.clusterNodes.length > 0)) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'expected a Redis URL or clusterNodes when kind is redis, found neither' });
    }
  });

export const gatewaySchema = z.strictObject({
  listeners: z
    .strictObject({
      public: listenerSchema.default({ host: '0.0.0.0', port: 8080 }),
    })
    .default({ public: { host: '0.0.0.0', port: 8080 } }),
  trustProxy: z
    .union([z.boolean(), z.number().int().min(0), z.array(z.string())])
    .default(false)
    .describe('whom to believe for X-Forwarded-For: false (the socket only), a hop count, or a list of proxy addresses/CIDRs'),
  store: storeSchema.default({ kind: 'memory', keyPrefix: 'portico:' }),
  plans: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), planSchema).default({}),
  defaults: z
    .strictObject({
      upstreamTimeoutMs: z.number().int().positive().default(30_000),
      sandboxLocale: z.enum(['it', 'fr', 'en']).default('en'),
    })
    .default({ upstreamTimeoutMs: 30_000, sandboxLocale: 'en' }),
  logging: z
    .strictObject({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') })
    .default({ level: 'info' }),
  shutdown: z.strictObject({ graceMs: z.number().int().positive().default(10_000) }).default({ graceMs: 10_000 }),
});

export type GatewayConfig = z.infer<typeof gatewaySchema>;
export type PlanConfig = z.infer<typeof planSchema>;
