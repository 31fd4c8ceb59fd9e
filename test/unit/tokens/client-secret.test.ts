// Client secrets: scrypt hash format, constant-time verification, parameter bounds.
import { describe, expect, it } from 'vitest';
import { decoyVerify, generateClientSecret, hashSecret, parseSecretHash, verifySecret } from '../../../src/tokens/client-secret.js';
import { consumerSchema } from '../../../src/config/consumer-schema.js';
import { FAST_SCRYPT } from '../../helpers/token-kit.js';

describe('client secrets', () => {
  it('hashes in the scrypt$N$r$p$salt$hash format the consumer schema accepts, with a fresh salt each time', async () => {
    const secret = generateClientSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const a = await hashSecret(secret);
    const b = await hashSecret(secret);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(consumerSchema.safeParse({ clientId: 'acme', name: 'Acme', plan: 'standard', apis: ['*'], secretHash: a }).success).toBe(true);
  });

  it('verifies the right secret and refuses a wrong one', async () => {
    const hash = await hashSecret('s3cret', FAST_SCRYPT);
    expect(await verifySecret('s3cret', hash)).toBe(true);
    expect(await verifySecret('s3cret ', hash)).toBe(false);
    expect(await verifySecret('', hash)).toBe(false);
    expect(await verifySecret('x'.repeat(513), hash)).toBe(false);
  });

  it('refuses malformed hashes and out-of-bounds cost parameters', async () => {
    const hash = await hashSecret('s3cret', FAST_SCRYPT);
    const [, , r, p, salt, digest] = hash.split('$');
    expect(parseSecretHash(hash)).toMatchObject({ N: 1024, r: 8, p: 1 });
    for (const bad of [`scrypt$1000$${r}$${p}$${salt}$${digest}`, `scrypt$${2 ** 21}$${r}$${p}$${salt}$${digest}`, `scrypt$1024$0$${p}$${salt}$${digest}`, `scrypt$1024$${r}$99$${salt}$${digest}`, `scrypt$1024$${r}$${p}$AA$${digest}`, 'bcrypt$x', '']) {
      expect(parseSecretHash(bad), bad).toBeUndefined();
      expect(await verifySecret('s3cret', bad)).toBe(false);
    }
  });

  it('spends work on a decoy for unknown clients and always says no', async () => {
    expect(await decoyVerify('anything')).toBe(false);
    expect(await decoyVerify('')).toBe(false);
  });
});
