// Writes a MockResponse to a node (or express) response; headers the gateway already set (its real rate-limit
// counters, the request id) win over the generated ones of the same name.
import type { ServerResponse } from 'node:http';
import type { MockResponse } from './mock-exchange.js';

export function writeMockResponse(res: ServerResponse, response: MockResponse): void {
  res.statusCode = response.status;
  for (const name in response.headers) {
    if (res.hasHeader(name) && name.toLowerCase() !== 'content-type') continue;
    res.setHeader(name, response.headers[name] as string);
  }
  res.end(response.body);
}
