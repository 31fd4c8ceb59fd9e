// Compact JWS signing with the gateway's key, synchronous (node:crypto) so the proxy can mint a header inside its request hook.
// Verification never uses this module: jose checks every token, including the ones signed here (see the tests).
import { sign } from 'node:crypto';
import type { SigningKey } from './key-set.js';

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Signs `payload` as a JWS with `alg` and `kid` from the key and `typ` as given (RFC 8725 §3.11: one typ per kind of token). */
export function signJwt(key: SigningKey, typ: string, payload: Readonly<Record<string, unknown>>): string {
  const input = `${encode({ alg: key.alg, kid: key.kid, typ })}.${encode(payload)}`;
  // JWS ES256 wants the raw r||s pair (RFC 7518 §3.4), not the DER that node produces by default.
  const signature =
    key.alg === 'ES256'
      ? sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', Buffer.from(input), key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}
