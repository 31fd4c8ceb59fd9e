// The access-token verifier with a frozen clock: what passes, and the TokenError code of each way to fail.
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenIssuer } from '../../../src/tokens/token-issuer.js';
import { createTokenVerifier } from '../../../src/tokens/token-verifier.js';
import { signJwt } from '../../../src/tokens/sign-jwt.js';
import { TokenError, type TokenErrorCode } from '../../../src/tokens/token-error.js';
import { generatedKeySet, T0 } from '../../helpers/token-kit.js';

const { keySet } = generatedKeySet('ES256');
const rsa = generatedKeySet('RS256').keySet;
const options = { issuer: 'https://gw.test', audience: 'portico', clockSkewSeconds: 60, maxTokenBytes: 8192 };
const verifier = createTokenVerifier({ keys: keySet, ...options });
const issuer = createTokenIssuer({ keys: keySet, issuer: options.issuer, audience: options.audience, sandboxTtlSeconds: 86_400, productionTtlSeconds: 3600 });
const S = T0 / 1000;
const claims = { iss: options.issuer, aud: 'portico', sub: 'acme', client_id: 'acme', iat: S, nbf: S, exp: S + 3600, jti: 'j-1', scope: 'imprese', env: 'production', plan: 'standard' };

async function codeOf(token: string, now = T0, v = verifier): Promise<TokenErrorCode> {
  try {
    await v.verify(token, now);
  } catch (err) {
    if (err instanceof TokenError) return err.code;
    throw err;
  }
  throw new Error('expected a TokenError');
}

describe('token verifier', () => {
  it('accepts tokens from the issuer (sandbox and production) and names the principal', async () => {
    const sandbox = issuer.issueSandbox({ apis: ['imprese'], label: 'x', now: T0 });
    const verified = await verifier.verify(sandbox.token.access_token, T0 + 1000);
    expect(verified.principal).toEqual({ consumerId: sandbox.claims.sub, env: 'sandbox', plan: 'sandbox', apis: ['imprese'], tokenId: sandbox.claims.jti });
    expect(verified.expiresAt).toBe((S + 86_400) * 1000);
    const production = issuer.issueProduction({ clientId: 'acme', plan: 'standard', apis: '*', now: T0 });
    expect((await verifier.verify(production.token.access_token, T0)).principal).toMatchObject({ consumerId: 'acme', env: 'production', apis: '*' });
  });

  it('accepts RS256 when the key is RSA', async () => {
    const v = createTokenVerifier({ keys: rsa, ...options });
    expect((await v.verify(signJwt(rsa.signing, 'at+jwt', claims), T0)).principal.consumerId).toBe('acme');
  });

  it('honours the clock skew on exp and nbf, and no further', async () => {
    const token = signJwt(keySet.signing, 'at+jwt', claims);
    await expect(verifier.verify(token, (S + 3600 + 59) * 1000)).resolves.toBeDefined();
    expect(await codeOf(token, (S + 3600 + 60) * 1000)).toBe('expired');
    const future = signJwt(keySet.signing, 'at+jwt', { ...claims, nbf: S + 60, iat: S });
    await expect(verifier.verify(future, T0)).resolves.toBeDefined();
    expect(await codeOf(signJwt(keySet.signing, 'at+jwt', { ...claims, nbf: S + 61 }))).toBe('not-yet-valid');
  });

  it.each<[string, Record<string, unknown>, TokenErrorCode]>([
    ['a wrong iss', { iss: 'https://evil.test' }, 'issuer'],
    ['a wrong aud', { aud: 'other' }, 'audience'],
    ['no exp', { exp: undefined }, 'claims'],
    ['no jti', { jti: undefined }, 'claims'],
    ['an unknown env', { env: 'staging' }, 'claims'],
    ['iat far in the future', { iat: S + 3000, nbf: S }, 'claims'],
  ])('refuses %s', async (_name, change, code) => {
    const payload = { ...claims, ...change };
    for (const k of Object.keys(payload)) if (payload[k as keyof typeof payload] === undefined) delete payload[k as keyof typeof payload];
    expect(await codeOf(signJwt(keySet.signing, 'at+jwt', payload))).toBe(code);
  });

  it('refuses another typ (e.g. the upstream assertion), an unknown kid, a mismatched alg and foreign header members', async () => {
    expect(await codeOf(signJwt(keySet.signing, 'portico-consumer+jwt', claims))).toBe('type');
    expect(await codeOf(signJwt(generatedKeySet().keySet.signing, 'at+jwt', claims))).toBe('unknown-key');
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const sameKid = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: keySet.signing.kid, typ: 'at+jwt' }).sign(stranger);
    expect(await codeOf(sameKid)).toBe('signature');
    const rsaWithOurKid = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: keySet.signing.kid, typ: 'at+jwt' })
      .sign(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
    expect(await codeOf(rsaWithOurKid)).toBe('algorithm');
    const withJku = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: keySet.signing.kid, typ: 'at+jwt', jku: 'https://evil.test/jwks' }).sign(stranger);
    expect(await codeOf(withJku)).toBe('header');
  });

  it('refuses a token over maxTokenBytes before any cryptography', async () => {
    const small = createTokenVerifier({ keys: keySet, ...options, maxTokenBytes: 300 });
    expect(await codeOf(signJwt(keySet.signing, 'at+jwt', { ...claims, pad: 'x'.repeat(300) }), T0, small)).toBe('oversized');
  });
});
