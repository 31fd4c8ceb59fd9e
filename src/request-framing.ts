// Whether a request carries a body (pure), for the mock server and the proxy alike.
import type { IncomingMessage } from 'node:http';

/**
 * HTTP/1.1 frames a request body with Content-Length or Transfer-Encoding (RFC 9112 §6.3); without either, or with
 * `Content-Length: 0`, there is none, and node's parser agrees. Most API calls are such GETs: the mock answers them
 * without waiting on the stream, and the proxy times them with its coarse sweep.
 */
export function hasNoBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined && req.httpVersionMajor === 1;
}
