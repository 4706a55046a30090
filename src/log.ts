/**
 * Structured logging (pino, JSON lines on stdout). Credentials never reach a log line: the usual
 * places they hide are redacted, and callers log connection details through `describeUri`, which
 * drops any user:password part of a URI.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths pino censors wherever they appear in a logged object. */
const REDACT = [
  'password', '*.password', '*.*.password',
  'NEO4J_PASSWORD', '*.NEO4J_PASSWORD',
  'authorization', '*.authorization', 'req.headers.authorization', 'req.headers.cookie',
  'credentials', '*.credentials', 'auth', '*.auth',
];

/** A JSON logger at `level`, to stdout unless a destination is given (tests read it). */
export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'clashgraph' }, redact: { paths: REDACT, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/** A URI fit for logs and messages: without user info, query or fragment. */
export function describeUri(uri: string): string {
  try {
    const u = new URL(uri);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '(unparseable URI)';
  }
}
