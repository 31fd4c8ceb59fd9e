// Contracts between the mock engine's parts: schema preparation and validation, value generation, and the engine.
import type { JsonObject } from '../registry/types.js';

export type Locale = 'it' | 'fr' | 'en';

/** OpenAPI 3.0 schemas (nullable, boolean exclusiveMinimum...) or 3.1 (JSON Schema 2020-12). Swagger 2.0 arrives converted to 3.0. */
export type SchemaDialect = 'openapi-3.0' | 'openapi-3.1';

/** Which side of the exchange a schema describes: responses omit writeOnly properties, requests omit readOnly ones. */
export type Direction = 'request' | 'response';

export interface GenerateOptions {
  locale: Locale;
  /** Everything that must make the answer differ (method, path, query, body digest, scenario); same seed → same value. */
  seed: string;
  direction: Direction;
  /**
   * The reference instant (ms since epoch) that "recent" timestamps and adult birth dates are relative to. Never the
   * clock by default, so the same seed gives the same value on every run: see DEFAULT_REFERENCE_NOW in
   * generate/generate-value.ts. An engine wanting fresher dates passes a value that changes rarely (e.g. today at 00:00Z).
   */
  now?: number;
}

/** A schema prepared once at load (dereferenced OpenAPI schema analysed for generation); opaque to callers. */
export interface PreparedSchema {
  readonly source: JsonObject;
  readonly dialect: SchemaDialect;
}

export interface SchemaViolation {
  /** JSON Pointer into the validated value ('' for the root). */
  pointer: string;
  message: string;
}

/** Validates values against one prepared schema; compiled once, called per request. */
export type ValidateValue = (value: unknown) => SchemaViolation[];
