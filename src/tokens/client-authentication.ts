// Token endpoint client authentication (RFC 6749 §2.3, RFC 7523 §2.2): client_secret_basic, client_secret_post, private_key_jwt.
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { decodeJwt, jwtVerify } from 'jose';
import type { ConsumerConfig } from '../config/consumer-schema.js';
import type { Store } from '../store/store.js';
import { decoyVerify, parseSecretHash, verifySecret, type ParsedSecretHash } from './client-secret.js';
import { inspectCompactJwt } from './inspect-compact-jwt.js';
import { CLIENT_AUTH_FAILED, OAuthError } from './oauth-error.js';

export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
export const CLIENT_AUTH_METHODS: readonly ClientAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'];

export interface AuthenticatedClient {
  clientId: string;
  plan: string;
  apis: readonly string[];
  method: ClientAuthMethod;
}

export interface ClientAuthenticator {
  /** `params` holds one value per form field (the endpoint refuses repeated fields before this). `now` is epoch ms. */
  authenticate(input: { authorization: string | undefined; params: Readonly<Record<string, string>> }, now: number): Promise<AuthenticatedClient>;
}

export interface ClientAuthenticatorOptions {
  consumers: readonly ConsumerConfig[];
  store: Pick<Store, 'setIfAbsent'>;
  /** aud values a client assertion may name: the token endpoint URL and the issuer (RFC 7523 §3 point 3). */
  assertionAudiences: readonly string[];
  clockSkewSeconds: number;
  /** How far in the future an assertion's exp may be; PDND asks for short-lived assertions. */
  maxAssertionLifetimeSeconds?: number;
  maxAssertionBytes?: number;
}

interface RegisteredClient {
  config: ConsumerConfig;
  secret?: ParsedSecretHash;
  key?: { publicKey: KeyObject; algorithms: string[]; kid?: string };
}

const ASSERTION_ALGORITHMS: Record<string, string[]> = { 'EC:P-256': ['ES256'], 'EC:P-384': ['ES384'], 'EC:P-521': ['ES512'], RSA: ['RS256', 'PS256'], 'OKP:Ed25519': ['EdDSA', 'Ed25519'] };

function prepareKey(consumer: ConsumerConfig): RegisteredClient['key'] {
  const jwk = consumer.jwk;
  if (!jwk) return undefined;
  const family = jwk.kty === 'RSA' ? 'RSA' : `${jwk.kty}:${String(jwk.crv)}`;
  const allowed = ASSERTION_ALGORITHMS[family];
  if (!allowed) throw new Error(`consumer "${consumer.clientId}": jwk of type ${family} is not supported for private_key_jwt`);
  if (jwk.alg !== undefined && !allowed.includes(jwk.alg)) {
    throw new Error(`consumer "${consumer.clientId}": jwk alg ${jwk.alg} does not fit a ${family} key`);
  }
  let publicKey: KeyObject;
  try {
    const { kid: _kid, alg: _alg, use: _use, key_ops: _ops, ...material } = jwk;
    publicKey = createPublicKey({ key: material as JsonWebKey, format: 'jwk' });
  } catch (err) {
    throw new Error(`consumer "${consumer.clientId}": jwk is not a usable public key (${(err as Error).message})`);
  }
  if (family === 'RSA' && (publicKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
    throw new Error(`consumer "${consumer.clientId}": RSA jwk shorter than 2048 bits`);
  }
  return { publicKey, algorithms: jwk.alg ? [jwk.alg] : allowed, ...(jwk.kid ? { kid: jwk.kid } : {}) };
}

function fail(reason: string, headers?: Record<string, string>): OAuthError {
  return new OAuthError('invalid_client', CLIENT_AUTH_FAILED, { reason, ...(headers ? { headers } : {}) });
}

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before being joined and base64-encoded. */
function parseBasic(header: string): { clientId: string; secret: string } | undefined {
  const m = /^Basic +([A-Za-z0-9+/]+=*)$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  try {
    const formDecode = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));
    return { clientId: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

export function createClientAuthenticator(options: ClientAuthenticatorOptions): ClientAuthenticator {
  const maxLifetime = options.maxAssertionLifetimeSeconds ?? 300;
  const maxBytes = options.maxAssertionBytes ?? 8_192;
  const skew = options.clockSkewSeconds;
  const clients = new Map<string, RegisteredClient>();
  for (const consumer of options.consumers) {
    const secret = consumer.secretHash === undefined ? undefined : parseSecretHash(consumer.secretHash);
    if (consumer.secretHash !== undefined && !secret) throw new Error(`consumer "${consumer.clientId}": secretHash has out-of-range scrypt parameters`);
    const key = prepareKey(consumer);
    clients.set(consumer.clientId, { config: consumer, ...(secret ? { secret } : {}), ...(key ? { key } : {}) });
  }

  function accepted(client: RegisteredClient, method: ClientAuthMethod, headers?: Record<string, string>): AuthenticatedClient {
    if (client.config.disabled) throw fail(`client "${client.config.clientId}" is disabled`, headers);
    return { clientId: client.config.clientId, plan: client.config.plan, apis: client.config.apis, method };
  }

  async function bySecret(clientId: string, secret: string, method: ClientAuthMethod, headers?: Record<string, string>): Promise<AuthenticatedClient> {
    const client = clients.get(clientId);
    const ok = client?.secret ? await verifySecret(secret, client.secret) : await decoyVerify(secret);
    if (!client || !ok) throw fail(!client ? 'unknown client id' : client.secret ? 'wrong secret' : 'client has no secret registered', headers);
    return accepted(client, method, headers);
  }

  async function byAssertion(params: Readonly<Record<string, string>>, now: number): Promise<AuthenticatedClient> {
    if (params.client_assertion_type !== JWT_BEARER_ASSERTION) {
      throw new OAuthError('invalid_request', `client_assertion_type must be ${JWT_BEARER_ASSERTION}`);
    }
    const assertion = params.client_assertion;
    if (!assertion) throw new OAuthError('invalid_request', 'client_assertion is missing');
    let header: Record<string, unknown>;
    let iss: unknown;
    try {
      header = inspectCompactJwt(assertion, maxBytes).header;
      iss = decodeJwt(assertion).iss;
    } catch {
      throw fail('assertion is not a compact JWT within the size limit');
    }
    if (typeof iss !== 'string') throw fail('assertion has no iss');
    if (params.client_id !== undefined && params.client_id !== iss) throw fail('client_id differs from the assertion iss');
    const client = clients.get(iss);
    if (!client?.key) throw fail(client ? 'client has no registered jwk' : 'unknown client id');
    if (client.key.kid !== undefined && header.kid !== undefined && header.kid !== client.key.kid) throw fail('assertion kid is not the registered key');
    let payload: Record<string, unknown>;
    try {
      // Only the registered key, with its own algorithms: jku/x5u/jwk headers in the assertion are never looked at.
      ({ payload } = await jwtVerify(assertion, client.key.publicKey, {
        algorithms: client.key.algorithms,
        issuer: iss,
        subject: iss,
        audience: [...options.assertionAudiences],
        clockTolerance: skew,
        currentDate: new Date(now),
        requiredClaims: ['iss', 'sub', 'aud', 'exp', 'jti'],
      }));
    } catch (err) {
      throw fail(`assertion rejected: ${(err as { code?: string }).code ?? 'invalid'}`);
    }
    const nowSeconds = Math.floor(now / 1000);
    const exp = payload.exp as number;
    if (exp - nowSeconds > maxLifetime + skew) throw fail(`assertion exp more than ${maxLifetime} s ahead`);
    if (typeof payload.iat === 'number' && payload.iat > nowSeconds + skew) throw fail('assertion iat in the future');
    const jti = payload.jti;
    if (typeof jti !== 'string' || jti.length === 0 || jti.length > 256) throw fail('assertion jti malformed');
    // Checked after the signature, so nobody can burn a client's jtis; kept until the assertion could no longer pass anyway.
    const ttlMs = Math.max(1_000, (exp + skew) * 1000 - now);
    if (!(await options.store.setIfAbsent(`jti:${iss}:${jti}`, '1', ttlMs))) throw fail('assertion jti already used (replay)');
    return accepted(client, 'private_key_jwt');
  }

  return {
    async authenticate({ authorization, params }, now) {
      const basic = authorization !== undefined && /^Basic(?: |$)/i.test(authorization);
      const post = params.client_secret !== undefined;
      const jwt = params.client_assertion !== undefined || params.client_assertion_type !== undefined;
      if (Number(basic) + Number(post) + Number(jwt) > 1) {
        throw new OAuthError('invalid_request', 'Use exactly one client authentication method');
      }
      if (basic) {
        const challenge = { 'WWW-Authenticate': 'Basic realm="portico", charset="UTF-8"' };
        const credentials = parseBasic(authorization!);
        if (!credentials) throw fail('malformed Basic credentials', challenge);
        if (params.client_id !== undefined && params.client_id !== credentials.clientId) throw fail('client_id differs from Basic credentials', challenge);
        return bySecret(credentials.clientId, credentials.secret, 'client_secret_basic', challenge);
      }
      if (post) {
        if (params.client_id === undefined) throw new OAuthError('invalid_request', 'client_id is missing');
        return bySecret(params.client_id, params.client_secret!, 'client_secret_post');
      }
      if (jwt) return byAssertion(params, now);
      throw fail('no client authentication');
    },
  };
}
