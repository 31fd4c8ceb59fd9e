// POST /oauth/token logic (RFC 6749 §4.4 client credentials): form checks, grant type, client authentication, scope, issuance.
import { ALL_APIS } from './claims.js';
import type { ClientAuthenticator } from './client-authentication.js';
import { OAuthError } from './oauth-error.js';
import type { IssuedToken, TokenIssuer } from './token-issuer.js';

export interface TokenEndpoint {
  /** `body` is the parsed form (undefined when the request was not form-encoded); `now` is epoch ms. Throws OAuthError. */
  handle(input: { authorization: string | undefined; body: unknown }, now: number): Promise<IssuedToken>;
}

export interface TokenEndpointOptions {
  clients: ClientAuthenticator;
  issuer: TokenIssuer;
  /** Registered API ids, to check a requested scope. */
  apiIds: readonly string[];
}

/** RFC 6749 §3.2: parameters sent without a value are treated as omitted; none may be repeated. */
export function readForm(body: unknown): Record<string, string> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new OAuthError('invalid_request', 'Expected an application/x-www-form-urlencoded body');
  }
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value !== 'string') throw new OAuthError('invalid_request', `Parameter "${name.slice(0, 40)}" is repeated`);
    if (value !== '') params[name] = value;
  }
  return params;
}

/** The APIs a production token covers: what the client asked for (RFC 6749 §3.3), within what it was granted. */
export function resolveConsumerScope(granted: readonly string[], requested: string | undefined, apiIds: readonly string[]): string[] | typeof ALL_APIS {
  const everything = granted.includes(ALL_APIS);
  if (requested === undefined) return everything ? ALL_APIS : [...granted];
  const asked = [...new Set(requested.split(' ').filter((s) => s.length > 0))];
  if (asked.length === 0) return everything ? ALL_APIS : [...granted];
  if (asked.length === 1 && asked[0] === ALL_APIS && everything) return ALL_APIS;
  for (const id of asked) {
    if (!apiIds.includes(id) || !(everything || granted.includes(id))) {
      throw new OAuthError('invalid_scope', `Scope "${id.slice(0, 64)}" is not an API this client may call`);
    }
  }
  return asked;
}

export function createTokenEndpoint(options: TokenEndpointOptions): TokenEndpoint {
  return {
    async handle({ authorization, body }, now) {
      const params = readForm(body);
      if (params.grant_type === undefined) throw new OAuthError('invalid_request', 'grant_type is missing');
      if (params.grant_type !== 'client_credentials') {
        throw new OAuthError('unsupported_grant_type', 'Only grant_type=client_credentials is supported');
      }
      const client = await options.clients.authenticate({ authorization, params }, now);
      const apis = resolveConsumerScope(client.apis, params.scope, options.apiIds);
      return options.issuer.issueProduction({ clientId: client.clientId, plan: client.plan, apis, now }).token;
    },
  };
}
