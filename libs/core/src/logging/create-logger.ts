import { pino, type DestinationStream, type Level } from 'pino';
import { PinoLoggerService } from './pino-logger.service.js';
import { currentRequestId } from './request-context.js';

export interface LogOptions {
  level: Level;
  /** Coloured, human-readable lines instead of JSON: for a developer's terminal. */
  pretty?: boolean;
  /** Where the lines go; standard output when not given. */
  destination?: DestinationStream;
}

/**
 * Field names that hold secrets, censored wherever a logged object carries them. Nothing logs
 * them on purpose: this is the net under a future mistake, not the rule itself.
 */
const SECRET_FIELDS = ['authorization', 'integrationKey', 'integration_key', 'adminToken', 'token'];

/** pino-pretty is a development dependency: a production install logs JSON without it. */
async function prettyStream(): Promise<DestinationStream | undefined> {
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({
      colorize: true,
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      messageFormat: '{if context}[{context}] {end}{msg}',
      ignore: 'pid,hostname,context',
    });
  } catch {
    return undefined;
  }
}

/** The app's logger: one JSON line per message, with the request id of the request it serves. */
export async function createLogger(options: LogOptions): Promise<PinoLoggerService> {
  const destination =
    options.destination ??
    (options.pretty ? await prettyStream() : undefined) ??
    pino.destination(1);
  const logger = pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
      redact: {
        paths: SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
        censor: '[redacted]',
      },
    },
    destination,
  );
  return new PinoLoggerService(logger);
}
