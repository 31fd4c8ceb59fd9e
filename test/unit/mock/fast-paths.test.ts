// The engine's shortcuts must not change what it answers: echoes changed in place and judged locally agree with the
// copy-and-validate path, sources of values that never fit a schema are skipped without breaking it, compiled
// patterns match, and word-list values keep their formats.
import { describe, expect, it } from 'vitest';
import { createChangeChecker } from '../../../src/mock/echo/check-change.js';
import { echoRequest } from '../../../src/mock/echo/echo-request.js';
import { createRng } from '../../../src/mock/generate/create-rng.js';
import { createPatternGenerator } from '../../../src/mock/generate/create-pattern-generator.js';
import { generateValue } from '../../../src/mock/generate/generate-value.js';
import { getFaker } from '../../../src/mock/generate/get-faker.js';
import type { GenerationContext } from '../../../src/mock/generate/generation-context.js';
import { domainName, loremPhrase, loremSlug, webUrl } from '../../../src/mock/generate/word-lists.js';
import { decodeCodiceFiscale } from '../../../src/mock/identifiers/codice-fiscale.js';
import { createValidator } from '../../../src/mock/schema/create-validator.js';
import { getPreparedNode, prepareSchema } from '../../../src/mock/schema/prepare-schema.js';
import type { Locale } from '../../../src/mock/types.js';
import type { CheckedParameter } from '../../../src/mock/validate-request.js';
import type { JsonObject } from '../../../src/registry/types.js';
import { samples, type Obj } from './generate-helpers.js';

const PERSON: JsonObject = {
  type: 'object',
  required: ['codiceFiscale', 'dataNascita', 'sesso', 'id', 'indirizzo'],
  properties: {
    codiceFiscale: { type: 'string' },
    dataNascita: { type: 'string', format: 'date' },
    sesso: { type: 'string', enum: ['M', 'F'] },
    id: { type: 'integer' },
    indirizzo: { type: 'object', required: ['cap'], properties: { cap: { type: 'string' } } },
  },
};

/** Both paths of echoRequest for one generated value: copy + whole validation, and in place + local judgement. */
function bothWays(schema: JsonObject, parameters: CheckedParameter[], seed: string, locale: Locale = 'it'): [unknown, unknown] {
  const validate = createValidator(schema, 'openapi-3.0', 'response');
  const prepared = prepareSchema(schema, 'openapi-3.0');
  const generate = () => generateValue(prepared, { locale, seed, direction: 'response' });
  const copied = echoRequest(generate(), parameters, locale, validate);
  const checker = createChangeChecker(getPreparedNode(prepared), (s) => createValidator(s, 'openapi-3.0', 'response'));
  const inPlace = echoRequest(generate(), parameters, locale, validate, { owned: true, checkChange: checker });
  return [copied, inPlace];
}

describe('echoes changed in place', () => {
  it('give the same answer as the copying path, with derived values that agree with the codice fiscale', () => {
    for (let i = 0; i < 20; i++) {
      const [copied, inPlace] = bothWays(PERSON, [{ in: 'path', name: 'id', value: '42' }], `person-${i}`);
      expect(inPlace).toEqual(copied);
      const v = inPlace as Obj;
      expect(v.id).toBe(42);
      expect(decodeCodiceFiscale(v.codiceFiscale as string, 2025)?.birthDate).toBe(v.dataNascita);
    }
  });

  it('fall back to whole validation, and refuse what the schema refuses, under containers that relate members', () => {
    // uniqueItems relates the items: a local judgement is not possible there.
    const schema: JsonObject = {
      type: 'array',
      minItems: 2,
      maxItems: 2,
      uniqueItems: true,
      items: { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: ['A1', 'B2'] } } },
    };
    for (let i = 0; i < 10; i++) {
      const [copied, inPlace] = bothWays(schema, [{ in: 'query', name: 'code', value: 'A1' }], `unique-${i}`);
      expect(inPlace).toEqual(copied);
      expect(createValidator(schema, 'openapi-3.0', 'response')(inPlace)).toEqual([]);
    }
    // A value the property's own schema refuses is not echoed.
    const narrow: JsonObject = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[a-z]+$' } } };
    const [copied, inPlace] = bothWays(narrow, [{ in: 'path', name: 'id', value: '123' }], 'narrow');
    expect(inPlace).toEqual(copied);
    expect((inPlace as Obj).id).not.toBe('123');
  });

  it('are judged locally only below containers that constrain members one by one', () => {
    const validatorOf = (s: JsonObject) => createValidator(s, 'openapi-3.0', 'response');
    const plain = createChangeChecker(getPreparedNode(prepareSchema(PERSON, 'openapi-3.0')), validatorOf);
    expect(plain(['dataNascita'], '1990-01-01')).toBe(true);
    expect(plain(['dataNascita'], 'not a date')).toBe(false);
    expect(plain(['indirizzo', 'cap'], '00186')).toBe(true);
    expect(plain(['undeclared'], 1)).toBeUndefined();
    const choice: JsonObject = { oneOf: [PERSON, { type: 'object', properties: { x: { type: 'string' } } }] };
    expect(createChangeChecker(getPreparedNode(prepareSchema(choice, 'openapi-3.0')), validatorOf)(['dataNascita'], '1990-01-01')).toBeUndefined();
  });
});

describe('sources that never fit', () => {
  it('are skipped, and values still come from the pattern', () => {
    const schema: JsonObject = {
      type: 'object',
      required: ['nationality', 'phoneNumbers'],
      properties: {
        nationality: { type: 'string', pattern: '^[A-Z]{2}$' },
        phoneNumbers: { type: 'array', minItems: 3, maxItems: 3, items: { type: 'string', pattern: '^\\+39 3[0-9]{2} [0-9]{7}$' } },
      },
    };
    for (const locale of ['it', 'fr', 'en'] as const) {
      for (const v of samples(schema, { locale, seeds: 20 }) as Obj[]) {
        expect(v.nationality).toMatch(/^[A-Z]{2}$/);
        for (const phone of v.phoneNumbers as string[]) expect(phone).toMatch(/^\+39 3\d{2} \d{7}$/);
      }
    }
  });

  it('do not hide realistic values that fit', () => {
    const schema: JsonObject = {
      type: 'object',
      required: ['email', 'cap', 'notes', 'homepage'],
      properties: {
        email: { type: 'string', format: 'email', maxLength: 80 },
        cap: { type: 'string', pattern: '^[0-9]{5}$' },
        notes: { type: 'string', maxLength: 200 },
        homepage: { type: 'string', format: 'uri' },
      },
    };
    for (const v of samples(schema, { locale: 'it', seeds: 20 }) as Obj[]) {
      expect(v.email).toMatch(/^[a-z0-9._]+@[a-z0-9.-]+\.[a-z]+$/);
      expect(v.notes).toMatch(/^[A-Z][a-z]+( [a-z]+){2,7}$/);
      expect(v.homepage).toMatch(/^https:\/\/[a-z]+(-[a-z]+)*-[a-z]+(-[a-z]+)*\.[a-z]+$/);
    }
  });

  it('are judged the same way in every process (the probe does not disturb the generation in progress)', () => {
    const schema: JsonObject = { type: 'object', required: ['country', 'name'], properties: { country: { type: 'string', pattern: '^[A-Z]{3}$' }, name: { type: 'string' } } };
    const run = () => JSON.stringify(generateValue(prepareSchema(schema, 'openapi-3.0'), { locale: 'fr', seed: 'probe', direction: 'response' }));
    expect(run()).toBe(run());
  });
});

describe('compiled patterns', () => {
  const PATTERNS = [
    '^[A-Z]{6}[0-9]{2}[A-EHLMPR-T][0-9]{2}[A-Z][0-9]{3}[A-Z]$',
    '^(IT|FR)[0-9]{2}( ?[A-Z0-9]{4}){3}$',
    '^\\d+$',
    '^[a-z]+(-[a-z]+)*$',
    '^(?!x)[a-z]{3}$',
    '^[À-ÿ]{2,4}$',
    '^(a|bc|def)?z$',
    '^(ab)\\1$',
  ];

  it('make strings that match, reproducibly for a seed', () => {
    for (const source of PATTERNS) {
      const generator = createPatternGenerator(source);
      expect(generator, source).toBeDefined();
      const regexp = new RegExp(source, 'u');
      for (let i = 0; i < 50; i++) {
        const value = generator?.generate(createRng([i, 7, 11, 13]), 6) ?? '';
        expect(generator?.generate(createRng([i, 7, 11, 13]), 6)).toBe(value);
        if (!source.includes('(?!')) expect(value, source).toMatch(regexp);
      }
      // Stretched to the cap: every repetition at its largest allowed count.
      expect(generator?.generate(createRng([1, 2, 3, 4]), 4, true)).toMatch(source === '^\\d+$' ? /^\d{5}$/ : /./u);
    }
  });
});

describe('word-list values', () => {
  it('keep the formats they stand for', () => {
    const uri = createValidator({ type: 'string', format: 'uri' }, 'openapi-3.0', 'response');
    const hostname = createValidator({ type: 'string', format: 'hostname' }, 'openapi-3.0', 'response');
    const reference = createValidator({ type: 'string', format: 'uri-reference' }, 'openapi-3.0', 'response');
    for (const locale of ['it', 'fr', 'en'] as const) {
      const ctx = { faker: getFaker(locale), rng: createRng([3, 1, 4, 1]), locale } as unknown as GenerationContext;
      for (let i = 0; i < 50; i++) {
        expect(uri(webUrl(ctx))).toEqual([]);
        expect(hostname(domainName(ctx))).toEqual([]);
        expect(reference(`/${loremSlug(ctx, 2)}`)).toEqual([]);
        const phrase = loremPhrase(ctx, 3, 8).split(' ');
        expect(phrase.length).toBeGreaterThanOrEqual(3);
        expect(phrase.length).toBeLessThanOrEqual(8);
      }
    }
  });
});
