/**
 * The public error codes: each value is exactly what clients see in `errors[].extensions.code`.
 * Apollo Server's own codes (parse, validation, bad request) are listed too, so this enum is the
 * whole vocabulary a client has to handle. See schema.graphql for what each one means to a user.
 */
export const ErrorCode = {
  /** An argument is out of range or malformed (also Apollo's code for bad variable values). */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A name resolves to no entity. */
  NOT_FOUND: 'NOT_FOUND',
  /** A name resolves to several entities; `extensions.candidates` lists them. */
  AMBIGUOUS_NAME: 'AMBIGUOUS_NAME',
  /** Neo4j cannot be reached (down, restarting, refusing logins, out of connections), or the service is too busy right now. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A query ran past the transaction timeout and was stopped by Neo4j. */
  TIMEOUT: 'TIMEOUT',
  /** The request body is larger than BODY_LIMIT. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The answer would be larger than RESPONSE_MAX_BYTES; ask for fewer or smaller fields. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  /** This client already has as many requests executing as it may (HTTP 429); retry after one ends. */
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  /** The Host header names a host this service does not answer for (HTTP 421; DNS-rebinding guard). */
  MISDIRECTED_REQUEST: 'MISDIRECTED_REQUEST',
  /** The HTTP request itself is malformed (bad JSON, wrong method or content type). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** Apollo: the document does not parse (also: the token limit). */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** Apollo: the document does not validate (also: the depth, cost and alias limits). */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** Apollo: a persisted-query hash was sent; this server takes full documents only. */
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** Apollo: no operation by that name in the document. */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** Anything unexpected; details are logged, never sent. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const KNOWN = new Set<string>(Object.values(ErrorCode));

/** True for a code in the public vocabulary. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && KNOWN.has(code);
}
