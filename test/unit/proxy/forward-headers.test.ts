// Which headers cross the gateway (pure): hop-by-hop, credentials and gateway-owned names stop; the rest pass.
import { describe, expect, it } from 'vitest';
import { forwardedHeaders, requestHeadersToDrop, responseHeadersToDrop } from '../../../src/proxy/forward-headers.js';

describe('forward headers', () => {
  it('drops hop-by-hop, credential and gateway-owned request headers, and those named by Connection', () => {
    const drops = requestHeadersToDrop({
      host: 'gw',
      accept: 'application/json',
      authorization: 'Bearer x',
      connection: 'keep-alive, X-Secret-Hop',
      'x-secret-hop': '1',
      'keep-alive': 'timeout=5',
      te: 'trailers',
      'x-forwarded-for': '203.0.113.9',
      'x-request-id': 'spoofed',
      'portico-consumer': 'forged',
    });
    expect(drops.sort()).toEqual(['authorization', 'connection', 'keep-alive', 'portico-consumer', 'te', 'x-forwarded-for', 'x-request-id', 'x-secret-hop'].sort());
  });

  it('drops nothing from an ordinary request', () => {
    expect(requestHeadersToDrop({ host: 'gw', accept: '*/*', 'user-agent': 'curl' })).toEqual([]);
    expect(requestHeadersToDrop({ host: 'gw', connection: 'keep-alive' })).toEqual(['connection']);
    expect(requestHeadersToDrop({ host: 'gw', connection: 'close' })).toEqual(['connection']);
  });

  it('drops hop-by-hop and the upstream\'s own request id from responses, keeps the rest', () => {
    expect(responseHeadersToDrop({ 'content-type': 'application/json', connection: 'close', 'x-request-id': 'theirs', 'proxy-authenticate': 'Basic' }).sort()).toEqual(
      ['connection', 'proxy-authenticate', 'x-request-id'].sort(),
    );
  });

  it('sets X-Forwarded-* from the socket, keeping a prior chain only from a trusted peer', () => {
    expect(forwardedHeaders({ peerAddress: '::ffff:192.0.2.1', priorForwardedFor: '203.0.113.9', trustPrior: false, proto: 'http', host: 'gw:8080' })).toEqual({
      'x-forwarded-proto': 'http',
      'x-forwarded-for': '192.0.2.1',
      'x-forwarded-host': 'gw:8080',
    });
    expect(forwardedHeaders({ peerAddress: '10.0.0.2', priorForwardedFor: '203.0.113.9', trustPrior: true, proto: 'https', host: undefined })).toEqual({
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.9, 10.0.0.2',
    });
  });
});
