/**
 * The one error normaliser, used as Apollo Server's `formatError`. It never throws. Every error
 * leaves with a code from ErrorCode; anything unexpected becomes INTERNAL_SERVER_ERROR, is
 * logged with its stack, and in production reaches the client only as "Internal server error".
 * (Stack traces in `extensions` are Apollo's `includeStacktraceInErrorResponses`, off in production.)
 * "production" here means anything but NODE_ENV=development (src/config.ts).
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../log.js';
import { AppError } from './AppError.js';
import { ErrorCode, isErrorCode } from './ErrorCode.js';

/** How to format: production hides internals; unexpected errors are logged here. */
export interface FormatErrorOptions {
  production: boolean;
  log: Logger;
}

/** Expected errors (bad input, unknown names, limits) say all there is in their message. */
function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _stack, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/**
 * graphql-js's "Did you mean …?" hints (field, argument, type and enum value names) help a
 * developer and map the schema for anyone else; outside development they are dropped from every
 * message. graphql-armor's mask only knows the field form ('Did you mean "x"?'), not e.g.
 * 'Did you mean the enum value "Event"?', so this catches them all in one place.
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(SUGGESTION, '').replace(/\s*\[Suggestion hidden\]/g, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}

/** Apollo's `formatError` for this service (see the module comment). */
export function createFormatError(opts: FormatErrorOptions) {
  const format = formatErrorWith(opts);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = format(formatted, error);
    return opts.production ? withoutSuggestions(out) : out;
  };
}

function formatErrorWith(opts: FormatErrorOptions) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    try {
      const original = unwrapResolverError(error);
      const code = formatted.extensions?.code;
      if (original instanceof AppError) {
        if (original.code === ErrorCode.INTERNAL_SERVER_ERROR) {
          opts.log.error({ err: original.originalError ?? original }, 'internal error');
          return formatted;
        }
        if (original.code === ErrorCode.SERVICE_UNAVAILABLE || original.code === ErrorCode.TIMEOUT) {
          opts.log.warn({ code: original.code, path: formatted.path }, original.message);
        }
        return withoutStacktrace(formatted);
      }
      if (isErrorCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return withoutStacktrace(formatted);
      opts.log.error({ err: original, path: formatted.path }, 'unexpected error');
      if (!opts.production) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
      const masked: GraphQLFormattedError = {
        message: 'Internal server error',
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
      return {
        ...masked,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
      };
    } catch {
      return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
  };
}
