// What a consumer signs for private_key_jwt (RFC 7523, as PDND vouchers are requested): the `portico client-assertion` tool.
import { randomUUID } from 'node:crypto';
import type { KeySet } from './key-set.js';
import { signJwt } from './sign-jwt.js';

export interface ClientAssertionInput {
  clientId: string;
  /** The consumer's own private key set (the first key signs). */
  keys: KeySet;
  /** The gateway's token endpoint (or issuer). */
  audience: string;
  /** Epoch ms. */
  now: number;
  ttlSeconds?: number;
  /** PDND carries the purpose of the access in the assertion. */
  purposeId?: string;
  jti?: string;
}

export function createClientAssertion(input: ClientAssertionInput): string {
  const iat = Math.floor(input.now / 1000);
  const payload: Record<string, unknown> = {
    iss: input.clientId,
    sub: input.clientId,
    aud: input.audience,
    iat,
    exp: iat + (input.ttlSeconds ?? 120),
    jti: input.jti ?? randomUUID(),
  };
  if (input.purposeId) payload.purposeId = input.purposeId;
  return signJwt(input.keys.signing, 'JWT', payload);
}
