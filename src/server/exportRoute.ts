/**
 * GET /export/<format>?centre=…&depth=…|pathFrom=…&pathTo=…&maxHops=…&asOf=…&sources=doc-001,doc-003&from=…&to=…
 * streams an export (src/export/) as a download. Bad options answer 400 with the API's error
 * codes before anything is sent; a failure once streaming has begun ends the response early
 * (the client sees a cut-off file, and the log says why). At most two exports run at once
 * (503 SERVICE_UNAVAILABLE beyond): each holds a read transaction for its whole length.
 */
import type { Request, Response, Router } from 'express';
import express from 'express';
import type { Executor } from '../db/executor.js';
import { AppError, ErrorCode } from '../errors/index.js';
import { FORMATS, FORMAT_NAMES, runExport, type ExportFormat, type ExportOptions } from '../export/index.js';
import type { Logger } from '../log.js';

/** Exports running at once, at most. */
export const MAX_CONCURRENT_EXPORTS = 2;

const one = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const int = (v: unknown): number | undefined => (one(v) === undefined ? undefined : Number(v));
const list = (v: unknown): string[] | undefined => {
  const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
  const parts = values.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  return parts.length === 0 ? undefined : parts;
};

/** The export options of a query string. */
export function exportOptionsOf(q: Request['query']): ExportOptions {
  return {
    centre: one(q.centre), depth: int(q.depth), pathFrom: one(q.pathFrom), pathTo: one(q.pathTo), maxHops: int(q.maxHops),
    asOf: one(q.asOf), sources: list(q.sources), from: one(q.from), to: one(q.to),
  };
}

function sendError(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}) {
  res.status(status).json({ errors: [{ message, extensions: { ...extensions, code } }] });
}

/** The /export router. */
export function exportRouter(executor: Executor, log: Logger): Router {
  const router = express.Router();
  let running = 0;
  router.get('/:format', async (req: Request, res: Response) => {
    const format = String(req.params.format) as ExportFormat;
    if (!FORMAT_NAMES.includes(format)) {
      sendError(res, 404, ErrorCode.NOT_FOUND, `No export format "${format}". Formats: ${FORMAT_NAMES.join(', ')}.`, { formats: FORMAT_NAMES });
      return;
    }
    if (running >= MAX_CONCURRENT_EXPORTS) {
      sendError(res, 503, ErrorCode.SERVICE_UNAVAILABLE, `${MAX_CONCURRENT_EXPORTS} exports are running; try again shortly.`);
      return;
    }
    running++;
    const requestId = String(req.headers['x-request-id']);
    // Headers go out with the first bytes, so that option errors (thrown before any) can still be a 400.
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      res.status(200);
      res.setHeader('Content-Type', FORMATS[format].type);
      res.setHeader('Content-Disposition', `attachment; filename="${FORMATS[format].file}"`);
    };
    try {
      const result = await runExport(executor, format, exportOptionsOf(req.query), res, { requestId, beforeFirstByte: start });
      start();
      res.end();
      log.info({ requestId, ...result }, 'export');
    } catch (err) {
      const e = err instanceof AppError ? err : null;
      if (!started && e) {
        const status = e.code === ErrorCode.BAD_USER_INPUT || e.code === ErrorCode.NOT_FOUND || e.code === ErrorCode.AMBIGUOUS_NAME ? 400 : 503;
        sendError(res, status, e.code, e.message, e.extensions as Record<string, unknown>);
      } else if (!started) {
        log.error({ requestId, err }, 'export failed');
        sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'The export failed.');
      } else {
        log.error({ requestId, err }, 'export cut off');
        res.destroy();
      }
    } finally {
      running--;
    }
  });
  return router;
}
