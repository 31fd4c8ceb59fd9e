// Which headers cross the gateway: hop-by-hop and credential headers stop here; X-Forwarded-* are set by us (pure).
import type { IncomingHttpHeaders } from 'node:http';

// RFC 9110 §7.6.1 connection-specific fields. Transfer-Encoding is left to Node, which re-frames the streamed body itself.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'proxy-authenticate', 'proxy-authorization'];

// The client's credentials are for the gateway; the upstream gets the gateway's own assertion instead.
const CREDENTIALS = ['authorization'];

// Headers the gateway owns: a client must not be able to spoof them to the upstream.
const GATEWAY_OWNED = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded', 'x-request-id', 'portico-consumer'];

const REQUEST_DROPS: ReadonlySet<string> = new Set([...HOP_BY_HOP, ...CREDENTIALS, ...GATEWAY_OWNED]);
const RESPONSE_DROPS: ReadonlySet<string> = new Set([...HOP_BY_HOP, 'x-request-id']);

function connectionTokens(value: string | string[] | undefined): string[] {
  if (!value) return [];
  // The usual values name no other header: skip the split.
  if (value === 'keep-alive' || value === 'close' || value === 'Keep-Alive') return [];
  return String(value)
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0 && t !== 'close' && t !== 'keep-alive');
}

// Only the names actually present: this runs on every proxied request, and a message carries a handful of headers
// (node's parsed names are lower-case), fewer than the names to drop.
function present(headers: IncomingHttpHeaders, drops: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const name in headers) if (drops.has(name)) found.push(name);
  if (headers.connection !== undefined) for (const token of connectionTokens(headers.connection)) found.push(token);
  return found;
}

/** Names of request headers to remove before forwarding. */
export function requestHeadersToDrop(headers: IncomingHttpHeaders): string[] {
  return present(headers, REQUEST_DROPS);
}

/** Names of upstream response headers to remove before answering the client. */
export function responseHeadersToDrop(headers: IncomingHttpHeaders): string[] {
  return present(headers, RESPONSE_DROPS);
}

export interface ForwardedInput {
  /** The address of the peer on the socket: each proxy appends the hop it received from. */
  peerAddress: string | undefined;
  /** The X-Forwarded-For that arrived, kept only when the peer is a trusted proxy. */
  priorForwardedFor: string | undefined;
  trustPrior: boolean;
  proto: string;
  host: string | undefined;
}

export function forwardedHeaders(input: ForwardedInput): Record<string, string> {
  const out: Record<string, string> = { 'x-forwarded-proto': input.proto };
  const chain = input.trustPrior && input.priorForwardedFor ? `${input.priorForwardedFor}, ` : '';
  if (input.peerAddress) out['x-forwarded-for'] = chain + unmapIPv4(input.peerAddress);
  if (input.host) out['x-forwarded-host'] = input.host;
  return out;
}

/** '::ffff:192.0.2.1' (an IPv4 client on a dual-stack socket) → '192.0.2.1', the form upstreams and logs expect. */
export function unmapIPv4(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
