// Answers about what was asked for: the request's identifiers echoed where the answer has properties of the same
// name (path values outside lists, query filters in list items too), identifiers derived from them kept consistent,
// and the schema always winning.
import { describe, expect, it } from 'vitest';
import { echoRequest } from '../../../src/mock/echo/echo-request.js';
import { generateValue } from '../../../src/mock/generate/generate-value.js';
import { decodeCodiceFiscale, isValidCodiceFiscale } from '../../../src/mock/identifiers/codice-fiscale.js';
import { isValidSiret, tvaKey } from '../../../src/mock/identifiers/siren-siret.js';
import { createValidator } from '../../../src/mock/schema/create-validator.js';
import { prepareSchema } from '../../../src/mock/schema/prepare-schema.js';
import type { Locale } from '../../../src/mock/types.js';
import type { CheckedParameter } from '../../../src/mock/validate-request.js';
import type { JsonObject } from '../../../src/registry/types.js';
import type { Obj } from './generate-helpers.js';

const str = { type: 'string' };
const siren = { type: 'string', pattern: '^\\d{9}$' };
const siret = { type: 'string', pattern: '^\\d{14}$' };

/** Generates an answer for the schema, echoes the parameters into it and checks it still validates. */
function answer(schema: JsonObject, parameters: CheckedParameter[], locale: Locale = 'fr', seed = 'echo'): Obj {
  const validate = createValidator(schema, 'openapi-3.0', 'response');
  const generated = generateValue(prepareSchema(schema, 'openapi-3.0'), { locale, seed, direction: 'response' });
  const echoed = echoRequest(generated, parameters, locale, validate);
  expect(validate(echoed)).toEqual([]);
  return echoed as Obj;
}

const path = (name: string, value: unknown): CheckedParameter => ({ in: 'path', name, value });
const query = (name: string, value: unknown): CheckedParameter => ({ in: 'query', name, value });

describe('echoing the request', () => {
  it('repeats a path parameter at the top and, for specific names, deeper in the resource', () => {
    const schema = {
      type: 'object',
      required: ['codiceFiscale', 'id', 'titolare', 'data'],
      properties: {
        codiceFiscale: str,
        id: { type: 'integer' },
        titolare: { type: 'object', required: ['codiceFiscale', 'id'], properties: { codiceFiscale: str, id: { type: 'integer' } } },
        data: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
      },
    };
    const v = answer(schema, [path('codiceFiscale', 'BNCGLI90C62F205S'), path('id', '42')], 'it');
    expect(v.codiceFiscale).toBe('BNCGLI90C62F205S');
    // "42" from the path becomes the integer the answer has there.
    expect(v.id).toBe(42);
    expect((v.titolare as Obj).codiceFiscale).toBe('BNCGLI90C62F205S');
    // `titolare.id` is some other record's id; `data` is an envelope around the resource itself.
    expect((v.titolare as Obj).id).not.toBe(42);
    expect((v.data as Obj).id).toBe(42);
  });

  it('keeps path values out of list items, and puts query filters into them (but not paging)', () => {
    const item = { type: 'object', required: ['siren', 'page'], properties: { siren, page: str } };
    const schema = {
      type: 'object',
      required: ['results', 'page', 'per_page'],
      properties: { results: { type: 'array', minItems: 2, items: item }, page: { type: 'integer' }, per_page: { type: 'integer' } },
    };
    const filtered = answer(schema, [query('siren', '552100554'), query('page', 2), query('per_page', 3)]);
    expect(filtered).toMatchObject({ page: 2, per_page: 3 });
    for (const r of filtered.results as Obj[]) {
      expect(r.siren).toBe('552100554');
      expect(r.page).not.toBe('2');
    }
    const byPath = answer(schema, [path('siren', '552100554')]);
    expect((byPath.results as Obj[]).every((r) => r.siren !== '552100554')).toBe(true);
  });

  it('keeps the generated value where the request value does not fit the property', () => {
    const schema = { type: 'object', required: ['code', 'ref'], properties: { code: { type: 'string', maxLength: 3 }, ref: { type: 'integer' } } };
    const plain = generateValue(prepareSchema(schema, 'openapi-3.0'), { locale: 'en', seed: 'echo', direction: 'response' }) as Obj;
    const v = answer(schema, [path('code', 'TOO-LONG'), path('ref', 'abc')], 'en');
    expect(v).toEqual(plain);
  });

  it('keeps each change that fits when another one does not', () => {
    const schema = { type: 'object', required: ['siren', 'reference'], properties: { siren, reference: { type: 'string', enum: ['A', 'B'] } } };
    const v = answer(schema, [path('siren', '552100554'), path('reference', 'C')]);
    expect(v.siren).toBe('552100554');
    expect(['A', 'B']).toContain(v.reference);
  });

  it('is deterministic', () => {
    const schema = { type: 'object', required: ['siren', 'siret'], properties: { siren, siret } };
    const params = [path('siren', '552100554')];
    expect(JSON.stringify(answer(schema, params))).toBe(JSON.stringify(answer(schema, params)));
  });
});

describe('identifiers derived from the request', () => {
  const company = {
    type: 'object',
    required: ['siren', 'siret', 'siret_siege', 'nic', 'tva_intracommunautaire', 'unite_legale'],
    properties: {
      siren,
      siret,
      siret_siege: siret,
      nic: { type: 'string', pattern: '^\\d{5}$' },
      tva_intracommunautaire: { type: 'string', pattern: '^FR\\d{11}$' },
      unite_legale: { type: 'object', required: ['siren', 'tva_intracommunautaire'], properties: { siren, tva_intracommunautaire: { type: 'string', pattern: '^FR\\d{11}$' } } },
    },
  };

  it('from a SIRET: its SIREN, NIC, VAT number and the other SIRETs of the company', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const v = answer(company, [path('siret', '55210055400013')], 'fr', seed);
      expect(v).toMatchObject({ siret: '55210055400013', siren: '552100554', nic: '00013', tva_intracommunautaire: 'FR96552100554' });
      expect(v.unite_legale).toEqual({ siren: '552100554', tva_intracommunautaire: 'FR96552100554' });
      expect(v.siret_siege).toMatch(/^552100554/);
      expect(isValidSiret(v.siret_siege as string)).toBe(true);
    }
  });

  it('from a SIREN: the VAT number is FR + key + SIREN and every SIRET starts with it', () => {
    expect(tvaKey('552100554')).toBe('96');
    const v = answer(company, [path('siren', '732829320')]);
    expect(v.siren).toBe('732829320');
    expect(v.tva_intracommunautaire).toBe(`FR${tvaKey('732829320')}732829320`);
    for (const k of ['siret', 'siret_siege']) {
      expect(v[k]).toMatch(/^732829320\d{5}$/);
      expect(isValidSiret(v[k] as string)).toBe(true);
    }
    expect(v.nic).toBe((v.siret as string).slice(9));
  });

  it('makes generated SIREN and SIRET agree even when the request names neither', () => {
    const v = answer(company, []);
    expect(v.siret).toMatch(new RegExp(`^${v.siren as string}`));
    expect(v.tva_intracommunautaire).toBe(`FR${tvaKey(v.siren as string)}${v.siren as string}`);
  });
});

describe('the codice fiscale and its holder', () => {
  it('decodes sex, birth date and birth place, omocodia included', () => {
    expect(decodeCodiceFiscale('BNCGLI90C62F205S', 2025)).toEqual({ sex: 'F', birthDate: '1990-03-22', birthPlaceCode: 'F205' });
    expect(decodeCodiceFiscale('RSSMRA85T10H501O', 2025)).toEqual({ sex: 'M', birthDate: '1985-12-10', birthPlaceCode: 'H501' });
    // A two-digit year up to the reference year's is this century.
    const young = 'RSSMRA05A01H501';
    const check = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((c) => isValidCodiceFiscale(`${young}${c}`)) as string;
    expect(decodeCodiceFiscale(`${young}${check}`, 2025)?.birthDate).toBe('2005-01-01');
    // Omocodia: the day's second digit 1 written as M.
    const omocodia = 'RSSMRA85T1MH501';
    const c2 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((c) => isValidCodiceFiscale(`${omocodia}${c}`)) as string;
    expect(decodeCodiceFiscale(`${omocodia}${c2}`, 2025)).toMatchObject({ birthDate: '1985-12-11' });
    expect(decodeCodiceFiscale('BNCGLI90C62F205X', 2025)).toBeUndefined();
  });

  it('gives the echoed holder the sex, birth date and birth place the code says, in the schema\'s own spelling', () => {
    const schema = {
      type: 'object',
      required: ['codiceFiscale', 'sesso', 'dataNascita', 'luogoNascita', 'genere'],
      properties: {
        codiceFiscale: str,
        sesso: { type: 'string', enum: ['M', 'F'] },
        genere: { type: 'string', enum: ['MASCHIO', 'FEMMINA'] },
        dataNascita: { type: 'string', format: 'date' },
        luogoNascita: {
          type: 'object',
          required: ['comune', 'codiceCatastale', 'provincia'],
          properties: { comune: str, codiceCatastale: { type: 'string', pattern: '^[A-Z]\\d{3}$' }, provincia: { type: 'string', maxLength: 2 } },
        },
      },
    };
    for (const seed of ['a', 'b', 'c']) {
      const v = answer(schema, [path('codiceFiscale', 'BNCGLI90C62F205S')], 'it', seed);
      expect(v).toMatchObject({ codiceFiscale: 'BNCGLI90C62F205S', sesso: 'F', genere: 'FEMMINA', dataNascita: '1990-03-22' });
      expect(v.luogoNascita).toEqual({ comune: 'Milano', codiceCatastale: 'F205', provincia: 'MI' });
    }
  });

  it('leaves a birth date alone when the schema refuses the decoded one', () => {
    const schema = { type: 'object', required: ['codiceFiscale', 'dataNascita'], properties: { codiceFiscale: str, dataNascita: { type: 'string', format: 'date', enum: ['1970-01-01'] } } };
    const v = answer(schema, [path('codiceFiscale', 'BNCGLI90C62F205S')], 'it');
    expect(v.codiceFiscale).toBe('BNCGLI90C62F205S');
    expect(v.dataNascita).toBe('1970-01-01');
  });
});
