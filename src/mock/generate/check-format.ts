// Whether a string satisfies a format the validator checks (the same ajv-formats definitions), so a value built
// from a property-name hint never breaks the schema's own format.
import { fullFormats } from 'ajv-formats/dist/formats.js';

type FormatDefinition = RegExp | ((value: string) => boolean) | { type?: string; validate: RegExp | ((value: string) => boolean) } | boolean | string;
const FORMATS = fullFormats as unknown as Record<string, FormatDefinition | undefined>;

export function checkFormat(format: string | undefined, value: string): boolean {
  if (format === undefined || !Object.hasOwn(FORMATS, format)) return true;
  const definition = FORMATS[format];
  // Number formats (int32, double…) say nothing about strings.
  if (typeof definition === 'object' && !(definition instanceof RegExp) && definition.type === 'number') return true;
  const test = typeof definition === 'object' && definition !== null && !(definition instanceof RegExp) ? definition.validate : definition;
  if (test instanceof RegExp) return test.test(value);
  if (typeof test === 'function') return test(value);
  return true;
}
