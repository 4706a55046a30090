/**
 * The service's one error class. It is a GraphQLError so that Apollo Server passes its code and
 * extensions to the client unchanged; outside GraphQL (health checks, start-up) it is an Error
 * with a `code` like any other.
 */
import { GraphQLError } from 'graphql';
import type { ErrorCode } from './ErrorCode.js';

export class AppError extends GraphQLError {
  override readonly name = 'AppError';
  readonly code: ErrorCode;

  /**
   * @param code public code, sent as `extensions.code`
   * @param message for people; never include credentials or internals
   * @param extensions further public details (candidates, suggestions, limits)
   * @param cause the underlying error, kept for logs only
   */
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, cause?: unknown) {
    super(message, { extensions: { ...extensions, code }, originalError: cause instanceof Error ? cause : undefined });
    this.code = code;
  }
}

/** Narrowing helper for catch blocks. */
export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
