/**
 * Neo4j driver error → AppError. The driver's error codes are the contract here (not messages):
 * https://neo4j.com/docs/status-codes/current/errors/all-errors/ and the driver's own
 * `ServiceUnavailable` / `SessionExpired`. Messages to clients are fixed strings, because
 * driver messages can include addresses and, in some versions, user names.
 */
import { AppError } from './AppError.js';
import { ErrorCode } from './ErrorCode.js';

/** Codes meaning "the database is not reachable right now"; clients may retry later. */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Cluster.NotALeader',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** Codes Neo4j uses when it stops a transaction that ran past its timeout. */
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** Connection-level failures that reach us as plain Node errors or coded driver errors. */
const NETWORK_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE']);

function codeOf(err: unknown): string | undefined {
  if (err !== null && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

/** A short, credential-free reason for logs and /health. */
export function neo4jReason(err: unknown): string {
  const code = codeOf(err);
  if (code === 'Neo.ClientError.Security.Unauthorized') return 'authentication to Neo4j failed';
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return 'the configured Neo4j database does not exist';
  if (code !== undefined && TIMEOUT_CODES.has(code)) return 'the query exceeded the transaction timeout';
  if (err instanceof Error && /acquisition timed out/i.test(err.message)) return 'no free Neo4j connection in time';
  return 'Neo4j is not reachable';
}

/** Maps any error thrown by the driver to an AppError; AppErrors pass through. */
export function fromNeo4jError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = codeOf(err);
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new AppError(ErrorCode.TIMEOUT, 'The query took too long and was stopped. Narrow it (smaller depth, maxHops or first) and try again.', {}, err);
  }
  const message = err instanceof Error ? err.message : '';
  const unavailable =
    (code !== undefined && (UNAVAILABLE_CODES.has(code) || NETWORK_ERRNOS.has(code) || code.startsWith('Neo.TransientError.'))) ||
    /acquisition timed out|connection (was )?(refused|closed|reset)|failed to connect/i.test(message);
  if (unavailable) {
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, `The graph database is unavailable (${neo4jReason(err)}). Try again shortly.`, {}, err);
  }
  return new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error', {}, err);
}
