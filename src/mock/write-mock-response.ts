// Writes a MockResponse to an express response; headers the gateway already set (its real rate-limit counters,
// the request id) win over the generated ones of the same name.
import type { Response } from 'express';
import type { MockResponse } from './mock-exchange.js';

export function writeMockResponse(res: Response, response: MockResponse): void {
  res.status(response.status);
  for (const [name, value] of Object.entries(response.headers)) {
    if (name.toLowerCase() !== 'content-type' && res.hasHeader(name)) continue;
    res.setHeader(name, value);
  }
  res.end(response.body);
}
