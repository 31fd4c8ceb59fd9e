// zod schema of config/consumers.yaml: production consumers declared in config (the admin API manages them later).
import { z } from 'zod';
import { planLimitsSchema } from './gateway-schema.js';

// A public JWK as RFC 7517 describes it; private members are refused so a leaked config file leaks no private key.
const publicJwk = z
  .looseObject({ kty: z.enum(['EC', 'RSA', 'OKP']), kid: z.string().optional(), alg: z.string().optional() })
  .refine((jwk) => !('d' in jwk) && !('p' in jwk) && !('q' in jwk), { message: 'expected a public key, found private key members (d/p/q)' });

export const consumerSchema = z
  .strictObject({
    clientId: z.string().regex(/^[A-Za-z0-9._-]{3,64}$/, 'expected 3-64 letters, digits, dots, dashes or underscores'),
    name: z.string().min(1),
    plan: z.string(),
    apis: z.array(z.string()).min(1).describe("API ids this consumer may call, or ['*']"),
    secretHash: z
      .string()
      .regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/, 'expected a hash from `portico hash-secret` (scrypt$N$r$p$salt$hash)')
      .optional()
      .describe('client_secret_basic / client_secret_post'),
    jwk: publicJwk.optional().describe('public key for private_key_jwt client assertions'),
    disabled: z.boolean().default(false),
    limits: planLimitsSchema.optional().describe("overrides of the plan's limits for this consumer, field by field, on every API"),
  })
  .refine((c) => c.secretHash !== undefined || c.jwk !== undefined, {
    message: 'expected a secretHash or a jwk (how the consumer authenticates), found neither',
    path: ['secretHash'],
  });

export const consumersFileSchema = z.strictObject({ consumers: z.array(consumerSchema).default([]) });

export type ConsumerConfig = z.infer<typeof consumerSchema>;
