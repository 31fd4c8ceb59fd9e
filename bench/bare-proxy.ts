// The reference point: bare express 5 + http-proxy-middleware 3 over a keep-alive agent, no policies, no logging.
// Mirrors the gateway's mount (`/bench/v1/...` → upstream `/...`) so both do the same path work.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { announceReady } from './ready-message.js';

const target = process.env.BENCH_UPSTREAM_URL;
if (!target) throw new Error('BENCH_UPSTREAM_URL is required');

// Same agent settings as the gateway's (src/proxy/create-proxy.ts), so only the middleware differs.
const agent = new http.Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 64, scheduling: 'lifo' });
const app = express();
app.disable('x-powered-by');
app.disable('etag');
app.use('/bench/v1', createProxyMiddleware({ target, changeOrigin: true, agent }));

const server = http.createServer(app);
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  announceReady(`http://127.0.0.1:${port}`);
});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  agent.destroy();
});
