// Picks one operation to show as a ready-to-run request (the "Try it" curl): a GET the document gives example values for.
// Pure: reads the dereferenced operations only.
import type { JsonObject, LoadedDocument, Operation } from '../registry/types.js';

export interface TryRequest {
  operationId: string;
  summary?: string;
  method: 'GET';
  /** Path after the API's base path, parameters filled in and encoded, with its query string, e.g. `/unites-legales/847312253`. */
  path: string;
}

function exampleOf(parameter: JsonObject): string | undefined {
  const direct = parameter.example;
  const schema = parameter.schema as JsonObject | undefined;
  const examples = parameter.examples as Record<string, { value?: unknown }> | undefined;
  const schemaEnum = Array.isArray(schema?.enum) ? (schema.enum as unknown[])[0] : undefined;
  const candidates = [direct, examples && Object.values(examples)[0]?.value, schema?.example, schema?.default, schemaEnum];
  const found = candidates.find((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean');
  return found === undefined ? undefined : String(found);
}

/** The request for one operation, or undefined when a required parameter has no example to fill it with. */
function requestFor(op: Operation): TryRequest | undefined {
  const parameters = (Array.isArray(op.operation.parameters) ? op.operation.parameters : []) as JsonObject[];
  let path = op.pathTemplate;
  const query = new URLSearchParams();
  for (const parameter of parameters) {
    const name = String(parameter.name ?? '');
    const value = exampleOf(parameter);
    if (parameter.in === 'path') {
      if (value === undefined) return undefined;
      path = path.replace(`{${name}}`, encodeURIComponent(value));
    } else if (parameter.in === 'query' && parameter.required === true) {
      if (value === undefined) return undefined;
      query.set(name, value);
    } else if (parameter.required === true && parameter.in === 'header') {
      return undefined;
    }
  }
  const qs = query.toString();
  const summary = typeof op.operation.summary === 'string' ? op.operation.summary : undefined;
  return { operationId: op.id, ...(summary === undefined ? {} : { summary }), method: 'GET', path: qs ? `${path}?${qs}` : path };
}

/** Status probes say nothing about the API, so they come last. */
const isProbe = (op: Operation): boolean => /^\/(status|health|healthz|ping)$/i.test(op.pathTemplate);

export function pickTryRequest(document: Pick<LoadedDocument, 'operations'>): TryRequest | undefined {
  const gets = document.operations.filter((op) => op.method === 'get');
  const ordered = [...gets.filter((op) => !isProbe(op)), ...gets.filter(isProbe)];
  for (const op of ordered) {
    const request = requestFor(op);
    if (request) return request;
  }
  return undefined;
}
