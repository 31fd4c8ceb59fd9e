// The Portico gateway as a bench child: startGateway (src/main.ts) with bench/config (or BENCH_CONFIG_DIR), so the real
// production route is measured. Its stdout (the access log, one JSON line per request) goes wherever the runner points
// it; the write cost is in its CPU time.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGateway } from '../src/main.js';
import { announceReady } from './ready-message.js';

const configDir = process.env.BENCH_CONFIG_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'config');
const running = await startGateway({ configDir });
announceReady(running.url);
process.once('SIGTERM', () => {
  running.shutdown().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
