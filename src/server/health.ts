/**
 * GET /health: 200 {status: 'ok', neo4j: 'up'} when the service can query Neo4j, else
 * 503 {status: 'degraded', neo4j: 'down', reason}. The reason is a fixed, credential-free phrase.
 */
import type { Request, Response } from 'express';
import type { Executor } from '../db/executor.js';
import { neo4jReason } from '../errors/index.js';

/** The GET /health handler; `timeoutMs` bounds the wait for Neo4j. */
export function healthHandler(executor: Executor, timeoutMs = 2_000) {
  return async (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      await executor.ping(timeoutMs);
      res.status(200).json({ status: 'ok', neo4j: 'up' });
    } catch (err) {
      const cause = err instanceof Error && 'originalError' in err && err.originalError ? err.originalError : err;
      res.status(503).json({ status: 'degraded', neo4j: 'down', reason: neo4jReason(cause) });
    }
  };
}
