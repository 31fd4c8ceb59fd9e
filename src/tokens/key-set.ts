// The gateway's signing keys from a JWK Set: the first key signs, every key verifies, public halves published as the JWKS.
// Pure apart from key parsing (node:crypto KeyObjects, synchronous); reading and writing the file lives in load-signing-keys.ts.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export type SigningAlgorithm = 'ES256' | 'RS256';

export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = ['ES256', 'RS256'];

/** A JWK as it appears in a file: only the members we read are typed. */
export interface Jwk {
  kty?: unknown;
  kid?: unknown;
  alg?: unknown;
  use?: unknown;
  crv?: unknown;
  [member: string]: unknown;
}

export interface PublicJwk {
  kty: 'EC' | 'RSA';
  kid: string;
  alg: SigningAlgorithm;
  use: 'sig';
  crv?: string;
  x?: string;
  y?: string;
  n?: string;
  e?: string;
}

export interface VerificationKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly publicKey: KeyObject;
  readonly publicJwk: PublicJwk;
}

export interface SigningKey extends VerificationKey {
  readonly privateKey: KeyObject;
}

export interface KeySet {
  /** The first key of the set: signs every token the gateway issues. */
  readonly signing: SigningKey;
  /** Our keys only, by kid; nothing a token carries (jku, x5u, jwk) is ever consulted. */
  find(kid: string): VerificationKey | undefined;
  /** The public JWK Set served at /.well-known/jwks.json. */
  readonly jwks: { readonly keys: readonly PublicJwk[] };
}

/** One line per problem found in the set; thrown by createKeySet so load-signing-keys can report them with the file name. */
export class KeySetError extends Error {
  readonly issues: readonly { field: string; message: string }[];
  constructor(issues: { field: string; message: string }[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
    this.name = 'KeySetError';
    this.issues = issues;
  }
}

const MIN_RSA_BITS = 2048;

/** RFC 7638 thumbprint: SHA-256 over the required public members in lexicographic order. */
export function jwkThumbprint(jwk: Pick<PublicJwk, 'kty' | 'crv' | 'x' | 'y' | 'n' | 'e'>): string {
  const canonical = jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}

function algorithmFor(jwk: Jwk): SigningAlgorithm | string {
  if (jwk.kty === 'EC') {
    if (jwk.crv !== 'P-256') return `an EC key on curve ${String(jwk.crv)} (only P-256, for ES256)`;
    return 'ES256';
  }
  if (jwk.kty === 'RSA') return 'RS256';
  return `a key of type ${String(jwk.kty)} (only EC P-256 or RSA)`;
}

function publicMembers(jwk: Jwk, alg: SigningAlgorithm): Omit<PublicJwk, 'kid'> {
  const base = { alg, use: 'sig' as const };
  if (jwk.kty === 'EC') return { kty: 'EC', crv: String(jwk.crv), x: String(jwk.x), y: String(jwk.y), ...base };
  return { kty: 'RSA', n: String(jwk.n), e: String(jwk.e), ...base };
}

function parseKey(jwk: unknown, field: string, mustBePrivate: boolean, issues: { field: string; message: string }[]): SigningKey | VerificationKey | undefined {
  if (jwk === null || typeof jwk !== 'object' || Array.isArray(jwk)) {
    issues.push({ field, message: 'expected a JWK object' });
    return undefined;
  }
  const key = jwk as Jwk;
  const alg = algorithmFor(key);
  if (alg !== 'ES256' && alg !== 'RS256') {
    issues.push({ field, message: `expected an ES256 or RS256 key, found ${alg}` });
    return undefined;
  }
  if (key.alg !== undefined && key.alg !== alg) {
    issues.push({ field: `${field}.alg`, message: `expected ${alg} for this key type, found ${String(key.alg)}` });
    return undefined;
  }
  if (key.use !== undefined && key.use !== 'sig') {
    issues.push({ field: `${field}.use`, message: `expected "sig", found ${String(key.use)}` });
    return undefined;
  }
  if (key.kid !== undefined && (typeof key.kid !== 'string' || key.kid.length === 0 || key.kid.length > 128)) {
    issues.push({ field: `${field}.kid`, message: 'expected a string of 1-128 characters' });
    return undefined;
  }
  const isPrivate = typeof key.d === 'string';
  if (mustBePrivate && !isPrivate) {
    issues.push({ field, message: 'expected a private key (with "d"): the first key of the set signs' });
    return undefined;
  }
  const members = publicMembers(key, alg);
  let publicKey: KeyObject;
  let privateKey: KeyObject | undefined;
  try {
    // Node derives nothing from kid/alg/use: import the bare key material so those members cannot confuse the parser.
    publicKey = createPublicKey({ key: { kty: members.kty, crv: members.crv, x: members.x, y: members.y, n: members.n, e: members.e }, format: 'jwk' });
    if (isPrivate) privateKey = createPrivateKey({ key: { ...stripMeta(key) }, format: 'jwk' });
  } catch (err) {
    issues.push({ field, message: `not a usable key: ${(err as Error).message}` });
    return undefined;
  }
  if (alg === 'RS256') {
    const bits = publicKey.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) {
      issues.push({ field, message: `expected an RSA modulus of at least ${MIN_RSA_BITS} bits, found ${bits}` });
      return undefined;
    }
  }
  if (privateKey && !samePublicKey(privateKey, publicKey)) {
    issues.push({ field, message: 'the private and public members do not belong to the same key' });
    return undefined;
  }
  const kid = typeof key.kid === 'string' ? key.kid : jwkThumbprint(members);
  const publicJwk: PublicJwk = { ...members, kid };
  return privateKey ? { kid, alg, publicKey, publicJwk, privateKey } : { kid, alg, publicKey, publicJwk };
}

function stripMeta(jwk: Jwk): Record<string, unknown> {
  const { kid: _kid, alg: _alg, use: _use, key_ops: _ops, ...material } = jwk;
  return material;
}

// A sign/verify round trip: comparing exported public keys is not enough, as node may keep mismatched x/y beside d.
function samePublicKey(privateKey: KeyObject, publicKey: KeyObject): boolean {
  const probe = Buffer.from('portico key pair check');
  return verify('sha256', probe, publicKey, sign('sha256', probe, privateKey));
}

/** Validates a JWK Set (`{ keys: [...] }`) and builds the key set; throws KeySetError listing every problem. */
export function createKeySet(jwks: unknown): KeySet {
  const keys = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new KeySetError([{ field: 'keys', message: 'expected a non-empty array of JWKs' }]);
  const issues: { field: string; message: string }[] = [];
  const parsed = keys.map((jwk, i) => parseKey(jwk, `keys[${i}]`, i === 0, issues));
  const byKid = new Map<string, VerificationKey>();
  for (const [i, key] of parsed.entries()) {
    if (!key) continue;
    if (byKid.has(key.kid)) issues.push({ field: `keys[${i}].kid`, message: `expected a unique kid, found "${key.kid}" twice` });
    byKid.set(key.kid, key);
  }
  if (issues.length > 0) throw new KeySetError(issues);
  const signing = parsed[0] as SigningKey;
  const published = Object.freeze([...byKid.values()].map((k) => Object.freeze({ ...k.publicJwk })));
  return Object.freeze({
    signing,
    find: (kid: string) => byKid.get(kid),
    jwks: Object.freeze({ keys: published }),
  });
}

/** A fresh private JWK with kid (its thumbprint), alg and use: what the embedded default persists, and `portico` can print for a shared keys file. */
export function generateSigningJwk(alg: SigningAlgorithm): Record<string, string> {
  const { privateKey } = alg === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as Record<string, string>;
  const kid = jwkThumbprint(jwk as unknown as PublicJwk);
  return { kid, alg, use: 'sig', ...jwk };
}
