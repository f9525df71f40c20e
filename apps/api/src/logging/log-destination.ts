import { DestinationStream } from 'pino';
import pinoPretty from 'pino-pretty';

/**
 * Where pino writes: the JSON lines as they are, or through pino-pretty for a developer at a terminal. Either
 * way pino has already applied the redaction (logger.options.ts) before a line reaches this stream, so pretty
 * output carries no more than the JSON one.
 */
export function logDestination(
  format: 'json' | 'pretty',
  stream?: DestinationStream,
): DestinationStream | undefined {
  if (format === 'json') return stream;
  return pinoPretty({
    destination: stream ?? 1,
    // Synchronous like pino's own stdout destination, so no line is lost when the process exits.
    sync: true,
    colorize: stream === undefined && process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
  });
}
