// The `portico` command line: `portico start` (and, later, `portico mock`).
import { Command } from 'commander';
import { startGateway } from './main.js';
import { ConfigError } from './config/config-error.js';
import { startDemoUpstreams } from './demo/start-demo-upstreams.js';
import { runMockCommand } from './mock/mock-command.js';
import type { Locale } from './mock/types.js';
import { generateClientSecret, hashSecret } from './tokens/client-secret.js';
import { createKeySet, generateSigningJwk } from './tokens/key-set.js';
import { createClientAssertion } from './tokens/client-assertion.js';
import { readFileSync } from 'node:fs';

const program = new Command('portico').description('API gateway for public administrations');

program
  .command('start')
  .description('run the gateway')
  .option('-c, --config <dir>', 'configuration folder (default: $CONFIG_DIR or ./config)')
  .option('--demo', 'also start the demo upstreams (ports 9101-9103, or from $DEMO_BASE_PORT)')
  .action(async (opts: { config?: string; demo?: boolean }) => {
    try {
      const running = await startGateway({ configDir: opts.config, demo: opts.demo === true });
      let signalled = false;
      const onSignal = (signal: NodeJS.Signals): void => {
        if (signalled) return;
        signalled = true;
        running.shutdown().then(
          () => process.exit(0),
          (err: unknown) => {
            console.error(`portico: error while stopping after ${signal}:`, err);
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
    } catch (err) {
      if (err instanceof ConfigError) console.error(`portico: ${err.message}`);
      else console.error('portico: cannot start:', err instanceof Error ? err.message : err);
      process.exit(1);
    }
  });

program
  .command('mock <openapi-file>')
  .description('serve one OpenAPI document with the mock engine, at its paths from the root (like `prism mock`)')
  .option('-p, --port <port>', 'port', '4010')
  .option('-h, --host <host>', 'interface to bind', '127.0.0.1')
  .option('--seed <seed>', 'seed of the generated data (same seed, same request → same bytes)', 'portico')
  .option('--locale <locale>', 'it, fr or en', 'en')
  .option('--static', 'serve the document\'s own valid examples first instead of generating')
  .option('--scenarios <dir>', 'a folder of scenario files (the format of mocks/<apiId>/*.yaml)')
  .option('--validate-responses', 'check every answer against its schema before sending')
  .action(async (file: string, opts: { port: string; host: string; seed: string; locale: string; static?: boolean; scenarios?: string; validateResponses?: boolean }) => {
    if (!['it', 'fr', 'en'].includes(opts.locale)) {
      console.error('portico: --locale must be it, fr or en');
      process.exit(1);
    }
    try {
      const mock = await runMockCommand({
        file,
        port: Number(opts.port),
        host: opts.host,
        seed: opts.seed,
        locale: opts.locale as Locale,
        dynamic: opts.static !== true,
        scenarios: opts.scenarios,
        validateResponses: opts.validateResponses === true,
      });
      const stop = (): void => {
        mock.close().then(() => process.exit(0), () => process.exit(1));
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    } catch (err) {
      if (err instanceof ConfigError) console.error(`portico: ${err.message}`);
      else console.error('portico: cannot serve the document:', err instanceof Error ? err.message : err);
      process.exit(1);
    }
  });

program
  .command('demo-upstreams')
  .description('run only the demo upstreams (what `start --demo` runs in-process); for docker-compose')
  .option('--host <host>', 'interface to bind', '127.0.0.1')
  .option('--base-port <port>', 'first port (imprese; anagrafe and indirizzi follow)', '9101')
  .action(async (opts: { host: string; basePort: string }) => {
    const demo = await startDemoUpstreams({ host: opts.host, basePort: Number(opts.basePort) });
    console.log(JSON.stringify({ level: 'info', msg: 'demo upstreams listening', upstreams: demo.servers }));
    const stop = (): void => {
      demo.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });

program
  .command('hash-secret')
  .description('make a client secret and the secretHash to put in consumers.yaml (or hash the secret given on stdin)')
  .option('--stdin', 'read the secret from standard input instead of generating one')
  .action(async (opts: { stdin?: boolean }) => {
    let secret: string;
    if (opts.stdin) {
      let text = '';
      for await (const chunk of process.stdin) text += String(chunk);
      secret = text.replace(/\r?\n$/, '');
      if (secret.length < 16) {
        console.error('portico: a client secret needs at least 16 characters');
        process.exit(1);
      }
    } else {
      secret = generateClientSecret();
    }
    const hash = await hashSecret(secret);
    console.log(opts.stdin ? hash : JSON.stringify({ clientSecret: secret, secretHash: hash }, null, 2));
  });

program
  .command('generate-keys')
  .description('print a new JWK Set with one private signing key (for tokens.keysFile / SIGNING_KEYS_FILE)')
  .option('--alg <alg>', 'ES256 or RS256', 'ES256')
  .action((opts: { alg: string }) => {
    if (opts.alg !== 'ES256' && opts.alg !== 'RS256') {
      console.error('portico: --alg must be ES256 or RS256');
      process.exit(1);
    }
    console.log(JSON.stringify({ keys: [generateSigningJwk(opts.alg)] }, null, 2));
  });

program
  .command('client-key')
  .description("make a consumer's key pair for private_key_jwt: keep `private` secret, put `public` in consumers.yaml as jwk")
  .option('--alg <alg>', 'ES256 or RS256', 'ES256')
  .action((opts: { alg: string }) => {
    const alg = opts.alg === 'RS256' ? 'RS256' : 'ES256';
    const privateJwk = generateSigningJwk(alg);
    const publicJwk = createKeySet({ keys: [privateJwk] }).jwks.keys[0];
    console.log(JSON.stringify({ private: { keys: [privateJwk] }, public: publicJwk }, null, 2));
  });

program
  .command('client-assertion')
  .description('sign a client assertion (RFC 7523) to exchange at POST /oauth/token with grant_type=client_credentials')
  .requiredOption('--client-id <id>', 'the consumer id (iss and sub)')
  .requiredOption('--key <file>', 'the consumer private key: a JWK Set file, e.g. the `private` part printed by client-key')
  .option('--audience <url>', 'the token endpoint', 'http://localhost:8080/oauth/token')
  .option('--purpose-id <id>', 'a PDND-style purposeId claim')
  .action((opts: { clientId: string; key: string; audience: string; purposeId?: string }) => {
    const keys = createKeySet(JSON.parse(readFileSync(opts.key, 'utf8')));
    console.log(createClientAssertion({ clientId: opts.clientId, keys, audience: opts.audience, now: Date.now(), purposeId: opts.purposeId }));
  });

await program.parseAsync(process.argv);
