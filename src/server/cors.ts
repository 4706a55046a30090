/**
 * CORS, closed by default: with no allowed origins configured the service sends no CORS headers,
 * so browsers refuse cross-origin reads. Configured origins (CORS_ORIGINS) are matched exactly.
 */
import type { NextFunction, Request, Response } from 'express';

/** Express middleware allowing exactly `allowed` origins (none when empty). */
export function corsMiddleware(allowed: readonly string[]) {
  const origins = new Set(allowed);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin !== undefined && origins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept, Apollo-Require-Preflight, X-Request-Id');
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    } else if (req.method === 'OPTIONS' && origin !== undefined) {
      // A preflight from an origin we do not allow: answer without permission headers.
      res.status(204).end();
      return;
    }
    next();
  };
}
