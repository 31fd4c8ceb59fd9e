// Config for real `portico start` processes sharing one Redis: gateway.yaml, a consumers.yaml with a known secret,
// a shared signing key set; and a bounded client that fetches a production token and counts answers.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashSecret } from '../../../src/tokens/client-secret.js';
import { generateSigningJwk } from '../../../src/tokens/key-set.js';
import { FAST_SCRYPT } from '../../helpers/token-kit.js';

export const SECRET = 's3cret-for-limit-tests';

export function gatewayYaml(options: { plans: string[]; limits?: string; keyPrefix?: string }): string {
  return [
    'listeners:',
    '  public: { host: 127.0.0.1, port: 0 }',
    'shutdown: { graceMs: 3000 }',
    `store: { kind: memory, keyPrefix: "${options.keyPrefix ?? 'portico:'}" }`,
    'plans:',
    ...options.plans.map((p) => `  ${p}`),
    ...(options.limits ? [`limits: ${options.limits}`] : []),
    'tokens:',
    '  issuer: http://portico.test',
    '',
  ].join('\n');
}

export async function consumersYaml(consumers: { clientId: string; plan: string; apis: string[] }[]): Promise<string> {
  const secretHash = await hashSecret(SECRET, FAST_SCRYPT);
  return [
    'consumers:',
    ...consumers.flatMap((c) => [`  - clientId: ${c.clientId}`, `    name: ${c.clientId}`, `    plan: ${c.plan}`, `    apis: [${c.apis.join(', ')}]`, `    secretHash: "${secretHash}"`]),
    '',
  ].join('\n');
}

/** A JWK Set file every process signs and verifies with (SIGNING_KEYS_FILE). */
export function sharedKeysFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-limit-keys-'));
  const file = path.join(dir, 'signing-keys.json');
  writeFileSync(file, JSON.stringify({ keys: [generateSigningJwk('ES256')] }), { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

export async function productionToken(gatewayUrl: string, clientId: string): Promise<string> {
  const res = await fetch(`${gatewayUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: SECRET }),
    signal: AbortSignal.timeout(5_000),
  });
  if (res.status !== 200) throw new Error(`token for ${clientId}: ${res.status} ${await res.text()}`);
  return String(((await res.json()) as { access_token: string }).access_token);
}

export interface Answer {
  status: number;
  type?: string;
  headers: Headers;
}

/** One GET with a deadline; a connection failure is status 0 (the gateway died or refused the socket). */
export async function get(url: string, token?: string, timeoutMs = 5_000): Promise<Answer> {
  try {
    const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let type: string | undefined;
    if ((res.headers.get('content-type') ?? '').startsWith('application/problem+json')) type = String((JSON.parse(text) as { type?: string }).type);
    return { status: res.status, ...(type ? { type } : {}), headers: res.headers };
  } catch {
    return { status: 0, headers: new Headers() };
  }
}

export function tally(answers: readonly Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}
