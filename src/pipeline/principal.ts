// Who is calling: decided once by the authenticate stage; later stages read it, never the raw credential.

export type Environment = 'sandbox' | 'production';

export interface Principal {
  /** Token subject / client id; 'anonymous' for open APIs called without a token. */
  readonly consumerId: string;
  readonly env: Environment;
  readonly plan: string;
  /** API ids this principal may call; '*' for all. */
  readonly apis: readonly string[] | '*';
  /** The token's jti, when there is a token (for revocation and logs). */
  readonly tokenId?: string;
}

export function mayCall(principal: Principal, apiId: string): boolean {
  return principal.apis === '*' || principal.apis.includes(apiId);
}
