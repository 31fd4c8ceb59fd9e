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

export const tokensSchema = z.strictObject({
  issuer: z.string().min(1).default('http://localhost:8080').describe('iss of every token; the public base URL of the gateway'),
  audience: z.string().min(1).default('portico').describe('aud of access tokens'),
  algorithm: z.enum(['ES256', 'RS256']).default('ES256').describe('algorithm of the generated key (a keys file brings its own)'),
  keysFile: z.string().optional().describe('JWK Set with private keys: the first signs, all verify; relative to the config folder'),
  dataDir: z.string().default('.data').describe('where the embedded default keeps its generated key (relative to the working directory)'),
  clockSkewSeconds: z.number().int().min(0).max(300).default(60),
  maxTokenBytes: z.number().int().min(256).max(65_536).default(8_192),
  verificationCacheSize: z.number().int().min(0).default(10_000).describe('verified tokens remembered (by hash) until they expire; 0 disables'),
  sandbox: z
    .strictObject({
      ttlSeconds: z.number().int().positive().default(86_400),
      issuancePerHourPerIp: z.number().int().positive().default(20),
    })
    .default({ ttlSeconds: 86_400, issuancePerHourPerIp: 20 }),
  production: z.strictObject({ ttlSeconds: z.number().int().positive().default(3_600) }).default({ ttlSeconds: 3_600 }),
  upstreamAssertion: z
    .strictObject({
      header: z.string().default('Portico-Consumer'),
      ttlSeconds: z.number().int().positive().default(60),
    })
    .default({ header: 'Portico-Consumer', ttlSeconds: 60 }),
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
  tokens: tokensSchema.default(tokensSchema.parse({})),
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
export type TokensConfig = z.infer<typeof tokensSchema>;
export type PlanConfig = z.infer<typeof planSchema>;
