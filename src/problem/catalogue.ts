// The catalogue of problem templates: one place that fixes each code's status and title.
import type { ProblemCode, ProblemTemplate } from './problem.js';

function template(code: ProblemCode, status: number, title: string): ProblemTemplate {
  return Object.freeze({ code, status, title });
}

export const problems = Object.freeze({
  notFound: template('not-found', 404, 'Not Found'),
  apiNotFound: template('api-not-found', 404, 'No such API'),
  operationNotFound: template('operation-not-found', 404, 'No such operation'),
  methodNotAllowed: template('method-not-allowed', 405, 'Method not allowed'),
  unauthorized: template('unauthorized', 401, 'Unauthorized'),
  forbidden: template('forbidden', 403, 'Forbidden'),
  badRequest: template('bad-request', 400, 'Bad request'),
  payloadTooLarge: template('payload-too-large', 413, 'Payload too large'),
  unsupportedMediaType: template('unsupported-media-type', 415, 'Unsupported media type'),
  notAcceptable: template('not-acceptable', 406, 'Not acceptable'),
  unprocessable: template('unprocessable', 422, 'Unprocessable request'),
  rateLimited: template('rate-limited', 429, 'Too many requests'),
  quotaExceeded: template('quota-exceeded', 429, 'Quota exhausted'),
  sandboxUnavailable: template('sandbox-unavailable', 501, 'Sandbox not available yet'),
  sandboxDisabled: template('sandbox-disabled', 403, 'Sandbox disabled for this API'),
  badGateway: template('bad-gateway', 502, 'Bad gateway'),
  gatewayTimeout: template('gateway-timeout', 504, 'Gateway timeout'),
  serviceUnavailable: template('service-unavailable', 503, 'Service unavailable'),
  internal: template('internal', 500, 'Internal server error'),
} satisfies Record<string, ProblemTemplate>);
