// `portico mock <openapi-file>`: loads one document (and optional scenarios), then serves it with the mock engine.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../create-logger.js';
import { loadOpenApi } from '../registry/load-openapi.js';
import { createMockEngine } from './create-mock-engine.js';
import { createMockServer } from './mock-server.js';
import { loadScenarios } from './load-scenarios.js';
import type { Locale } from './types.js';

export interface MockCommandOptions {
  readonly file: string;
  readonly port?: number;
  readonly host?: string;
  readonly seed?: string;
  readonly locale?: Locale;
  /** false: serve the document's valid examples first (static mode). */
  readonly dynamic?: boolean;
  /** A folder of scenario files (`*.yaml`, the format of mocks/<apiId>/). */
  readonly scenarios?: string;
  readonly validateResponses?: boolean;
  readonly logLevel?: string;
}

export interface RunningMock {
  readonly url: string;
  close(): Promise<void>;
}

/** Throws OpenApiLoadError for an unusable document and ConfigError for bad scenarios; the CLI prints either and exits 1. */
export async function runMockCommand(options: MockCommandOptions): Promise<RunningMock> {
  const logger = createLogger(options.logLevel ?? 'info');
  const document = await loadOpenApi(options.file);
  for (const warning of document.warnings) logger.warn({ warning }, 'OpenAPI document quirk tolerated');
  const engine = createMockEngine({
    document,
    locale: options.locale ?? 'en',
    seed: options.seed,
    dynamic: options.dynamic ?? true,
    validateResponses: options.validateResponses ?? false,
    scenarios: options.scenarios === undefined ? [] : loadScenarios(options.scenarios),
  });
  const server = http.createServer(createMockServer(engine, { logger }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, document: document.source, operations: document.operations.length }, 'portico mock listening');
  logger.flush();
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => logger.flush(() => resolve()));
        server.closeAllConnections();
      }),
  };
}
