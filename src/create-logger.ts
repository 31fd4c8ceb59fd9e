// The pino loggers: JSON lines, UTC ISO timestamps; credentials redacted wherever they might appear.
import pino, { type Logger, type DestinationStream, type LoggerOptions } from 'pino';

const COMMON: LoggerOptions = {
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
};

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      ...COMMON,
      level,
      redact: {
        paths: ['authorization', 'headers.authorization', 'req.headers.authorization', 'client_secret', 'client_assertion', 'access_token', '*.password'],
        censor: '[redacted]',
      },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/**
 * The access log's own logger on the same stream, without redaction: its entries are built field by field from
 * values that cannot hold credentials (see access-log.ts), and redaction would double the cost of every line.
 */
export function createAccessLogger(logger: Logger): Logger {
  const stream = (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym];
  return pino({ ...COMMON, level: logger.level }, stream);
}
