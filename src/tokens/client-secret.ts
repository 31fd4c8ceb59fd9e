// Client secrets: generated at random, stored only as `scrypt$N$r$p$salt$hash` (base64url), checked in constant time.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

// Secrets come from generateClientSecret (256 random bits), so the KDF guards a leaked config, not a guessable password;
// N = 2^14 keeps one check near 20 ms of a libuv thread, so a token endpoint flood cannot buy much CPU per request.
export const DEFAULT_SCRYPT: ScryptParams = Object.freeze({ N: 2 ** 14, r: 8, p: 1 });

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const MAX_SECRET_LENGTH = 512;
const ENCODED = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

export interface ParsedSecretHash extends ScryptParams {
  salt: Buffer;
  hash: Buffer;
}

function derive(secret: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(secret, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** Parses an encoded hash; undefined when malformed or its cost parameters are out of sane bounds. */
export function parseSecretHash(encoded: string): ParsedSecretHash | undefined {
  const m = ENCODED.exec(encoded);
  if (!m) return undefined;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const salt = Buffer.from(m[4]!, 'base64url');
  const hash = Buffer.from(m[5]!, 'base64url');
  const powerOfTwo = N >= 2 ** 10 && N <= 2 ** 20 && (N & (N - 1)) === 0;
  if (!powerOfTwo || r < 1 || r > 32 || p < 1 || p > 16 || salt.length < 8 || hash.length < 16 || hash.length > 64) return undefined;
  return { N, r, p, salt, hash };
}

/** What `portico hash-secret` prints and consumers.yaml stores. */
export async function hashSecret(secret: string, params: ScryptParams = DEFAULT_SCRYPT, salt: Buffer = randomBytes(SALT_LENGTH)): Promise<string> {
  if (secret.length === 0 || secret.length > MAX_SECRET_LENGTH) throw new RangeError(`expected a secret of 1-${MAX_SECRET_LENGTH} characters`);
  const hash = await derive(secret, salt, params, KEY_LENGTH);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** A new client secret: 32 random bytes, base64url. */
export function generateClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** True when `secret` matches; false for a wrong secret or a malformed hash. Constant time in the secret's content. */
export async function verifySecret(secret: string, encoded: string | ParsedSecretHash): Promise<boolean> {
  const parsed = typeof encoded === 'string' ? parseSecretHash(encoded) : encoded;
  if (!parsed || secret.length === 0 || secret.length > MAX_SECRET_LENGTH) return false;
  const candidate = await derive(secret, parsed.salt, parsed, parsed.hash.length);
  return timingSafeEqual(candidate, parsed.hash);
}

// A fixed hash to check unknown client ids against, so "no such client" takes as long as "wrong secret".
const DECOY: ParsedSecretHash = { ...DEFAULT_SCRYPT, salt: Buffer.alloc(SALT_LENGTH, 7), hash: Buffer.alloc(KEY_LENGTH, 7) };

/** Spends the same work as verifySecret and returns false: called for unknown or secret-less clients. */
export async function decoyVerify(secret: string): Promise<false> {
  await verifySecret(secret.length > 0 && secret.length <= MAX_SECRET_LENGTH ? secret : 'x', DECOY);
  return false;
}
