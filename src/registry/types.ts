// Plain values describing loaded OpenAPI documents and their operations; shared by routing, proxy, mock and catalogue.

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type JsonObject = Record<string, unknown>;

/** One operation of a document, after normalisation to OpenAPI 3.x and dereferencing. */
export interface Operation {
  /** The document's operationId, or `${METHOD} ${pathTemplate}` when it has none; unique within the document. */
  readonly id: string;
  readonly method: HttpMethod;
  /** The `paths` key, always starting with '/', e.g. `/imprese/{siren}`. */
  readonly pathTemplate: string;
  /** The dereferenced OpenAPI 3.x Operation object (parameters merged with the path item's). */
  readonly operation: JsonObject;
}

export type SourceFormat = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1';

export interface LoadedDocument {
  /** Absolute path it was read from. */
  readonly source: string;
  readonly format: SourceFormat;
  /** The dereferenced document, normalised to OpenAPI 3.x (Swagger 2.0 converted). May contain cycles. */
  readonly document: JsonObject;
  /** The document before dereferencing (no cycles): what the catalogue serves for download. */
  readonly bundled: JsonObject;
  readonly operations: readonly Operation[];
  /** Quirks tolerated while loading, one human-readable line each. */
  readonly warnings: readonly string[];
}

/** Outcome of matching a request path and method against a document's operations. */
export type MatchResult =
  | { readonly kind: 'match'; readonly operation: Operation; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'method-not-allowed'; readonly allow: readonly string[] }
  | { readonly kind: 'not-found' };
