// The authenticate stage's contract, and the credential-less default used until tokens are configured.
import type { IncomingHttpHeaders } from 'node:http';
import { ProblemError } from '../problem/problem.js';
import { problems } from '../problem/catalogue.js';
import type { RegisteredApi } from '../registry/registry.js';
import type { Principal } from './principal.js';

export interface Authenticator {
  /** Decides who is calling, or throws a 401 problem. Never returns a principal for an invalid credential. */
  authenticate(request: { headers: IncomingHttpHeaders }, api: RegisteredApi): Promise<Principal>;
}

export const ANONYMOUS: Principal = Object.freeze({ consumerId: 'anonymous', env: 'production', plan: 'open', apis: '*' });

export function bearerChallenge(error?: { code: 'invalid_request' | 'invalid_token' | 'insufficient_scope'; description: string }): string {
  const base = 'Bearer realm="portico"';
  return error ? `${base}, error="${error.code}", error_description="${error.description}"` : base;
}

/** Open APIs may be called anonymously; anything else needs a token, which this authenticator cannot verify. */
export function createOpenAccessAuthenticator(): Authenticator {
  return {
    async authenticate(request, api) {
      if (request.headers.authorization === undefined && api.config.access === 'open') return ANONYMOUS;
      throw new ProblemError(problems.unauthorized, `API "${api.id}" requires a bearer token.`, {
        headers: { 'WWW-Authenticate': bearerChallenge() },
      });
    },
  };
}
