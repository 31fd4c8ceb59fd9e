// Names, e-mails, street addresses and cities assembled from faker's locale lists (not its templates) still look
// like the real thing in each locale, and the formats built valid by construction still validate.
import { describe, expect, it } from 'vitest';
import { samples, type Obj } from './generate-helpers.js';

const str = { type: 'string' };
const PERSON = {
  type: 'object',
  required: ['fullName', 'email', 'contact', 'address', 'city', 'id', 'birthDate', 'createdAt'],
  properties: {
    fullName: str, email: str, contact: { type: 'string', format: 'email' }, address: str, city: str,
    id: { type: 'string', format: 'uuid' }, birthDate: { type: 'string', format: 'date' }, createdAt: { type: 'string', format: 'date-time' },
  },
};

describe('person values from the locale lists', () => {
  it.each(['it', 'fr', 'en'] as const)('%s: two-part names, plain lower-case addresses, a numbered street, a city', (locale) => {
    const values = samples(PERSON, { locale, seeds: 60 }) as Obj[];
    for (const v of values) {
      expect(v.fullName).toMatch(/^\S+( \S+)+$/);
      for (const email of [v.email, v.contact]) expect(email).toMatch(/^[a-z0-9]+([._]?[a-z0-9]+)*[0-9]*@[a-z0-9.-]+\.[a-z]+$/);
      expect(v.address).toMatch(/\d/);
      expect(typeof v.city === 'string' && v.city.length > 1).toBe(true);
    }
    // Varied, not one value repeated.
    expect(new Set(values.map((v) => v.fullName)).size).toBeGreaterThan(50);
    expect(new Set(values.map((v) => v.address)).size).toBeGreaterThan(50);
  });

  it('puts the number where the locale does', () => {
    for (const v of samples(PERSON, { locale: 'it' }) as Obj[]) expect(v.address).toMatch(/^\D+ \d{1,3}$/);
    for (const v of samples(PERSON, { locale: 'fr' }) as Obj[]) expect(v.address).toMatch(/^\d{1,3} \D+$/);
    for (const v of samples(PERSON, { locale: 'en' }) as Obj[]) expect(v.address).toMatch(/^\d{1,3} \D+$/);
  });
});
