/**
 * The response-size cap (RESPONSE_MAX_BYTES), enforced where answers are made, so that it holds
 * for every field and route without each one knowing about it:
 * - GraphQL, while executing: every resolved field adds the bytes its value takes in the JSON
 *   (Apollo's willResolveField hook sees every field, new ones included). Once the budget is
 *   spent, every further field fails at once, so no more database work is done and nothing big
 *   is built; the answer sent is one RESPONSE_TOO_LARGE error instead of the partial data.
 * - GraphQL, when serialising: the exact byte length of the JSON is checked again
 *   (`stringifyResult`), so the cap holds even where the running estimate is short.
 * - Every other route (web page, assets, exports): an Express middleware counts the bytes
 *   written; a single-shot body over the cap is replaced by a RESPONSE_TOO_LARGE error, and a
 *   streamed one that outgrows it is cut off (the connection is closed mid-body, so the client
 *   sees an incomplete response, never a silently truncated "complete" one).
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { FormattedExecutionResult, GraphQLResolveInfo } from 'graphql';
import { AppError, ErrorCode } from '../errors/index.js';

const message = (maxBytes: number) =>
  `The answer would be larger than ${maxBytes} bytes (RESPONSE_MAX_BYTES). Ask for fewer fields (quotes and document texts are large), smaller pages (first) or a smaller depth.`;

/** The one error an oversized GraphQL answer is replaced by. */
export function tooLargeResult(maxBytes: number): FormattedExecutionResult {
  return { errors: [{ message: message(maxBytes), extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, maxBytes } }], data: null };
}

/** Bytes a value takes in JSON, roughly (exact for ASCII strings); objects count only their braces. */
function leafBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value) + 2;
  if (value === null || value === undefined) return 4;
  if (typeof value === 'object') return 2;
  return String(value).length;
}

/** Bytes a resolved field adds to the answer: its key and its value (a list: each item). */
function fieldBytes(info: GraphQLResolveInfo, result: unknown): number {
  const key = info.path.key.toString().length + 4;
  if (Array.isArray(result)) return key + 2 + result.reduce<number>((n, item) => n + leafBytes(item) + 1, 0);
  return key + leafBytes(result);
}

/** Apollo plugin: the running byte budget of each GraphQL answer (see the module comment). */
export function responseBudgetPlugin(maxBytes: number): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<object>> {
      let bytes = 0;
      let exceeded = false;
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              if (exceeded) throw new AppError(ErrorCode.RESPONSE_TOO_LARGE, message(maxBytes), { maxBytes });
              return (error, result) => {
                if (error) return;
                bytes += fieldBytes(info, result);
                if (bytes > maxBytes) exceeded = true;
              };
            },
          };
        },
        async willSendResponse({ response }) {
          if (exceeded && response.body.kind === 'single') response.body.singleResult = tooLargeResult(maxBytes);
        },
      };
    },
  };
}

/** Apollo's `stringifyResult`: JSON, or the RESPONSE_TOO_LARGE error when the JSON is over the cap. */
export function boundedStringify(maxBytes: number) {
  return (value: FormattedExecutionResult): string => {
    const json = JSON.stringify(value);
    return Buffer.byteLength(json) <= maxBytes ? json : JSON.stringify(tooLargeResult(maxBytes));
  };
}

/** Express middleware capping the bytes of every response body on this app (see the module comment). */
export function responseSizeCap(maxBytes: number) {
  return (_req: Request, res: Response, next: NextFunction) => {
    let written = 0;
    let cut = false;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const size = (chunk: unknown, encoding: unknown) =>
      typeof chunk === 'string' ? Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : chunk instanceof Uint8Array ? chunk.byteLength : 0;
    /** Over the cap: answer the coded error if nothing is sent yet, else close the connection. */
    const refuse = () => {
      cut = true;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      for (const h of ['Content-Length', 'ETag', 'Content-Encoding', 'Content-Disposition']) res.removeHeader(h);
      res.status(500).setHeader('Content-Type', 'application/json; charset=utf-8');
      end(JSON.stringify(tooLargeResult(maxBytes)));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (cut) return false; // the route may keep writing; its bytes go nowhere
      written += size(chunk, rest[0]);
      if (written <= maxBytes) return write(chunk, ...rest);
      refuse();
      return false;
    }) as never;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (cut) return res;
      if (typeof chunk !== 'function') written += size(chunk, rest[0]);
      if (written <= maxBytes) return end(chunk, ...rest);
      refuse();
      return res;
    }) as never;
    next();
  };
}
