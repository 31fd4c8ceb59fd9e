// Test kit for the token feature: a frozen clock, generated keys, consumers with secrets and keys, and a gateway app wired with tokens.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { createApp, type AppDeps, type Gateway } from '../../src/app.js';
import type { ConsumerConfig } from '../../src/config/consumer-schema.js';
import { gatewaySchema, type GatewayConfig, type TokensConfig } from '../../src/config/gateway-schema.js';
import { createRegistry, type Registry } from '../../src/registry/registry.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { hashSecret, type ScryptParams } from '../../src/tokens/client-secret.js';
import { createTokens, type Tokens } from '../../src/tokens/create-tokens.js';
import { createKeySet, generateSigningJwk, type KeySet, type SigningAlgorithm } from '../../src/tokens/key-set.js';
import type { SandboxHandler } from '../../src/pipeline/sandbox-handler.js';
import { captureLogger, type CapturedLogger } from './capture-logger.js';
import { registerTestApi, type TestApi } from './test-gateway.js';

/** 2025-01-15T09:00:00Z: every token test starts here. */
export const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);

export interface FrozenClock {
  (): number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function frozenClock(start = T0): FrozenClock {
  let now = start;
  const clock = (() => now) as FrozenClock;
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (ms) => {
    now = ms;
  };
  return clock;
}

export function generatedKeySet(alg: SigningAlgorithm = 'ES256', extra = 0): { keySet: KeySet; jwks: { keys: Record<string, string>[] } } {
  const jwks = { keys: [generateSigningJwk(alg), ...Array.from({ length: extra }, () => generateSigningJwk(alg))] };
  return { keySet: createKeySet(jwks), jwks };
}

// Cheap scrypt for tests: the stored parameters travel with the hash, so verification uses them too.
export const FAST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };

export interface TestClientKey {
  privateKey: KeyObject;
  publicJwk: Record<string, unknown>;
  kid: string;
}

export function clientKey(kid = 'client-key-1'): TestClientKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256' }, kid };
}

/** A client assertion (RFC 7523) as a consumer would sign it; every claim can be overridden or removed (undefined). */
export async function clientAssertion(
  key: TestClientKey,
  clientId: string,
  audience: string,
  now: number,
  overrides: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
): Promise<string> {
  const iat = Math.floor(now / 1000);
  const claims: Record<string, unknown> = { iss: clientId, sub: clientId, aud: audience, iat, exp: iat + 120, jti: `jti-${Math.random().toString(36).slice(2)}`, ...overrides };
  for (const k of Object.keys(claims)) if (claims[k] === undefined) delete claims[k];
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: key.kid, ...header }).sign(key.privateKey);
}

export interface TestConsumers {
  consumers: ConsumerConfig[];
  secret: string;
  key: TestClientKey;
}

/** secret-co (client secret), keyed-co (private_key_jwt), all-co ('*'), off-co (disabled). */
export async function testConsumers(): Promise<TestConsumers> {
  const secret = 'correct horse battery staple';
  const secretHash = await hashSecret(secret, FAST_SCRYPT);
  const key = clientKey();
  const consumers: ConsumerConfig[] = [
    { clientId: 'secret-co', name: 'Secret Co', plan: 'standard', apis: ['things'], secretHash, disabled: false },
    { clientId: 'keyed-co', name: 'Keyed Co', plan: 'standard', apis: ['things'], jwk: key.publicJwk as ConsumerConfig['jwk'], disabled: false },
    { clientId: 'all-co', name: 'All Co', plan: 'unlimited', apis: ['*'], secretHash, disabled: false },
    { clientId: 'off-co', name: 'Off Co', plan: 'standard', apis: ['things'], secretHash, disabled: true },
  ];
  return { consumers, secret, key };
}

export async function buildRegistry(apis: TestApi[], gateway: GatewayConfig): Promise<Registry> {
  return createRegistry(await Promise.all(apis.map((api) => registerTestApi(api, gateway.defaults.upstreamTimeoutMs, 'token'))));
}

export interface TokenGateway extends Gateway {
  tokens: Tokens;
  keySet: KeySet;
  store: Store;
  clock: FrozenClock;
  registry: Registry;
  gateway: GatewayConfig;
  log: CapturedLogger;
}

export interface TokenGatewayOptions {
  apis?: TestApi[];
  registry?: Registry;
  consumers?: ConsumerConfig[];
  tokens?: Partial<TokensConfig>;
  keySet?: KeySet;
  clock?: FrozenClock;
  store?: Store;
  /** The sandbox dispatch; the 501 seam when absent. */
  sandbox?: SandboxHandler;
}

/** createApp with the token feature plugged in exactly as main.ts does: authenticator, routes, upstreamHeaders. */
export async function buildTokenGateway(options: TokenGatewayOptions): Promise<TokenGateway> {
  const gateway = gatewaySchema.parse({ tokens: { issuer: 'https://gateway.test', ...options.tokens } });
  const registry = options.registry ?? (await buildRegistry(options.apis ?? [], gateway));
  const clock = options.clock ?? frozenClock();
  const store = options.store ?? createMemoryStore({ now: clock });
  const keySet = options.keySet ?? generatedKeySet().keySet;
  const log = captureLogger('debug');
  const tokens = createTokens({ tokens: gateway.tokens, keys: keySet, store, registry, consumers: options.consumers ?? [], logger: log.logger, clock });
  const built = createAppWithTokens({ gateway, registry, store, logger: log.logger, ...(options.sandbox ? { sandbox: options.sandbox } : {}) }, tokens);
  return { ...built, tokens, keySet, store, clock, registry, gateway, log };
}

/** createApp with the token feature's authenticator, routes, guards and upstream headers, as composeGateway plugs them. */
export function createAppWithTokens(deps: AppDeps, tokens: Tokens): Gateway {
  return createApp({
    ...deps,
    authenticator: tokens.authenticator,
    routes: tokens.routes,
    guards: tokens.guards,
    upstreamHeaders: tokens.upstreamHeaders,
  });
}
