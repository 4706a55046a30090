/**
 * Errors raised before GraphQL runs (body too large, malformed JSON, bad charset) answered in the
 * GraphQL response shape with a code, never as an HTML page or a stack trace.
 */
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../errors/index.js';
import type { Logger } from '../log.js';

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/** Express error handler (mount last). */
export function httpErrorHandler(log: Logger) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const e = (err ?? {}) as HttpError;
    const status = e.status ?? e.statusCode ?? 500;
    let code: string = ErrorCode.INTERNAL_SERVER_ERROR;
    let message = 'Internal server error';
    if (status === 413) {
      code = ErrorCode.PAYLOAD_TOO_LARGE;
      message = 'The request body is too large.';
    } else if (status >= 400 && status < 500) {
      code = ErrorCode.BAD_REQUEST;
      message = e.type === 'entity.parse.failed' ? 'The request body is not valid JSON.' : 'The request is malformed.';
    } else {
      log.error({ err }, 'unhandled HTTP error');
    }
    res.status(status >= 400 && status < 600 ? status : 500).json({ errors: [{ message, extensions: { code } }] });
  };
}
