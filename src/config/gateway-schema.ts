// zod schema of config/gateway.yaml: listeners, store, plans and defaults, with every field described.
import { z } from 'zod';

const port = z.number().int().min(0).max(65535).describe('TCP port; 0 picks a free one');
const host = z.string().min(1).describe('interface to bind, e.g. 0.0.0.0 or 127.0.0.1');

export const listenerSchema = z.strictObject({ host, port });

const perSecond = z.number().int().positive().optional().describe('requests per second');
const perMinute = z.number().int().positive().optional().describe('requests per minute');
const perDay = z.number().int().positive().optional().describe('requests per calendar day (limits.timeZone)');
const perMonth = z.number().int().positive().optional().describe('requests per calendar month (limits.timeZone)');

export const burstSchema = z.strictObject({ perSecond, perMinute }).describe('short-window limits');
export const quotaSchema = z.strictObject({ perDay, perMonth }).describe('calendar-window quotas');

/** What a plan limits; also the shape of per-API and per-consumer overrides, which replace a plan's values field by field. */
export const planLimitsSchema = z.strictObject({ burst: burstSchema.optional(), quota: quotaSchema.optional() });

export const planSchema = z.strictObject({
  description: z.string().optional(),
  burst: burstSchema.optional(),
  quota: quotaSchema.optional(),
});

/** A time zone Intl knows (IANA name such as Europe/Rome, or UTC). */
function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const limitsSchema = z.strictObject({
  failOpen: z
    .boolean()
    .default(true)
    .describe('when the shared store is unreachable: true lets requests through unlimited (warning log + counter), false answers 503'),
  timeZone: z
    .string()
    .default('UTC')
    .refine(isTimeZone, { message: 'expected an IANA time zone such as UTC or Europe/Rome' })
    .describe('where calendar days and months of quotas begin'),
  anonymousPerMinutePerIp: z
    .number()
    .int()
    .positive()
    .default(1000)
    .describe("gateway-owned anonymous routes (catalogue), per client address; API Entreprise's published 1000/min per IP"),
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
  revocationCheckSeconds: z
    .number()
    .min(0)
    .max(60)
    .default(1)
    .describe('how long an instance reuses the Store\'s answer to "is this token revoked?": the longest a revocation made on another instance takes to apply here; 0 asks on every call'),
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
      signing: z
        .enum(['per-request', 'per-token'])
        .default('per-request')
        .describe('per-request: a fresh assertion naming the request id on every call; per-token: one per (access token, API), reused for half its lifetime'),
    })
    .default({ header: 'Portico-Consumer', ttlSeconds: 60, signing: 'per-request' }),
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
  limits: limitsSchema.default({ failOpen: true, timeZone: 'UTC', anonymousPerMinutePerIp: 1000 }),
  sandbox: z
    .strictObject({
      mocksDir: z.string().default('mocks').describe('scenario files, one folder per API id; relative to the working directory'),
      seed: z.string().default('portico').describe('mixed into every generated answer: change it to get other (still deterministic) data'),
      validateResponses: z.boolean().default(false).describe('check every mock answer against its schema before sending (costs CPU)'),
    })
    .default({ mocksDir: 'mocks', seed: 'portico', validateResponses: false }),
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
export type PlanLimitsConfig = z.infer<typeof planLimitsSchema>;
export type LimitsConfig = z.infer<typeof limitsSchema>;
