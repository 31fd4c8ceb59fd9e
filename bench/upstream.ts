// The bench upstream: a minimal node:http server answering every request with the same ~1 KB JSON body, keep-alive.
// Runs as its own child process so its CPU is attributable and it is never the bottleneck.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ASSERTION_SEEN_HEADER } from './assertion-seen.js';
import { announceReady } from './ready-message.js';

export function createBenchBody(): Buffer {
  const item = {
    id: 'IT-0000000042',
    name: 'Ufficio anagrafe centrale',
    agency: { name: 'Comune di Esempio', code: 'c_a000', pec: 'protocollo@pec.comune.esempio.it' },
    address: { street: 'Piazza del Municipio 1', postcode: '00100', city: 'Esempio', province: 'EX', country: 'IT' },
    coordinates: { lat: 41.902782, lon: 12.496366 },
    openingHours: ['Mo-Fr 08:30-12:30', 'Tu,Th 14:30-17:00'],
    services: ['certificati', 'carta-identita-elettronica', 'cambio-residenza', 'stato-civile', 'liste-elettorali'],
    tags: ['anagrafe', 'servizi-demografici', 'sportello'],
    updatedAt: '2025-01-15T10:20:30.000Z',
  };
  const base = JSON.stringify(item);
  // Pad with a note field up to exactly 1024 bytes so every target moves the same payload.
  const padding = 1024 - Buffer.byteLength(base) - ',"note":""'.length;
  return Buffer.from(JSON.stringify({ ...item, note: 'x'.repeat(Math.max(0, padding)) }));
}

const body = createBenchBody();
const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
const assertionHeaders = { ...headers, [ASSERTION_SEEN_HEADER]: 'portico-consumer' };

const server = http.createServer((req, res) => {
  // Drain any request body so the keep-alive socket can be reused.
  req.resume();
  res.writeHead(200, req.headers['portico-consumer'] === undefined ? headers : assertionHeaders);
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  announceReady(`http://127.0.0.1:${port}`);
});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
