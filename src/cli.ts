// The `portico` command line: `portico start` (and, later, `portico mock`).
import { Command } from 'commander';
import { startGateway } from './main.js';
import { ConfigError } from './config/config-error.js';
import { startDemoUpstreams } from './demo/start-demo-upstreams.js';

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

await program.parseAsync(process.argv);
