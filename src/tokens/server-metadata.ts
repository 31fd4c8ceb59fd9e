// The gateway's endpoint URLs and its RFC 8414 authorization server metadata (pure).
import { CLIENT_AUTH_METHODS } from './client-authentication.js';

export interface EndpointUrls {
  issuer: string;
  tokenEndpoint: string;
  sandboxTokenEndpoint: string;
  jwksUri: string;
}

export function endpointUrls(issuer: string): EndpointUrls {
  const base = issuer.replace(/\/+$/, '');
  return { issuer, tokenEndpoint: `${base}/oauth/token`, sandboxTokenEndpoint: `${base}/sandbox/tokens`, jwksUri: `${base}/.well-known/jwks.json` };
}

export function buildServerMetadata(input: { issuer: string; apiIds: readonly string[] }): Record<string, unknown> {
  const urls = endpointUrls(input.issuer);
  return {
    issuer: urls.issuer,
    token_endpoint: urls.tokenEndpoint,
    jwks_uri: urls.jwksUri,
    // Required by RFC 8414 §2; this server has no authorization endpoint, so it supports no response type.
    response_types_supported: [],
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
    token_endpoint_auth_signing_alg_values_supported: ['ES256', 'ES384', 'ES512', 'RS256', 'PS256', 'EdDSA'],
    scopes_supported: [...input.apiIds],
    // Not in RFC 8414: where anyone gets a sandbox token without enrolment.
    portico_sandbox_token_endpoint: urls.sandboxTokenEndpoint,
  };
}
