// The error thrown when an OpenAPI document cannot be loaded at all (unreadable, not OpenAPI, broken YAML, missing ref file).
// Carries the file and every reason found, so an operator can fix the document in one pass.

export class OpenApiLoadError extends Error {
  override readonly name = 'OpenApiLoadError';
  readonly file: string;
  readonly reasons: readonly string[];

  constructor(file: string, reasons: readonly string[], options?: { cause?: unknown }) {
    super(`cannot load OpenAPI document ${file}: ${reasons.join('; ')}`, options);
    this.file = file;
    this.reasons = [...reasons];
  }
}

/** The first line of a text, or of an error's message: library messages can run long, a reason stays one line. */
export function firstLine(textOrError: unknown): string {
  const text = typeof textOrError === 'string' ? textOrError : String((textOrError as { message?: unknown } | null | undefined)?.message ?? textOrError);
  return text.split('\n')[0]?.trim() ?? text;
}
