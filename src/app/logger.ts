import pino, { type Logger } from 'pino';

/** One JSON line per log record on stderr; secrets are never passed to it. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'orgtrack' } }, pino.destination(2));
}
