// Builds the ajv instance a validator is compiled with: JSON Schema 2020-12, every error reported, the OpenAPI
// formats (int32, int64, float, double, byte, binary…) checked, and no logging.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { formatNames } from 'ajv-formats/dist/formats.js';

// ajv-formats is CommonJS: under NodeNext the default import is its module.exports, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

/** The formats the validator checks; the generator also knows these and degrades any other to a plain string. */
export const KNOWN_FORMATS: ReadonlySet<string> = new Set<string>(formatNames);

/** Unicode mode first, as JSON Schema says; legacy mode for real patterns that only parse without it. */
function regExp(pattern: string, flags: string): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (err) {
    if (!flags.includes('u')) throw err;
    return new RegExp(pattern, flags.replace('u', ''));
  }
}
regExp.code = 'new RegExp';

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    // The converter already sanitised keyword values; meta-validation would only cost time and refuse quirks.
    validateSchema: false,
    logger: false,
    // multipleOf 0.01 on 0.07 is 7.000000000000001 in floating point: compare with a tolerance.
    multipleOfPrecision: 9,
    code: { regExp },
  });
  addFormats(ajv);
  return ajv;
}
