// Turns a schema `pattern` into a RegExp the way both the validator and the generator read it: Unicode mode first
// (as JSON Schema says), then legacy mode for the many real patterns that only parse without it.

export function compilePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    try {
      return new RegExp(pattern);
    } catch {
      return undefined;
    }
  }
}
