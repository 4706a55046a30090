/**
 * Creates the neo4j-driver Driver with settings that make failures fast and visible: a request
 * while Neo4j is down should fail within seconds with SERVICE_UNAVAILABLE, not hang for the
 * driver's default 30–60 s retry and acquisition windows.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Logger } from '../log.js';

/** Where Neo4j is and how to log in (from the platform's ensureNeo4j). */
export interface DriverSettings {
  uri: string;
  user: string;
  password: string;
  /** Bounds how long a request waits for a pooled connection. */
  acquisitionTimeoutMs?: number;
  log?: Logger;
}

/** A driver tuned to fail fast (see the module comment); close it on shutdown. */
export function createDriver(s: DriverSettings): Driver {
  return neo4j.driver(s.uri, neo4j.auth.basic(s.user, s.password), {
    // Integers in our graph (claim figures, counts) are far below 2^53.
    disableLosslessIntegers: true,
    // Loopback or LAN: a connect that takes longer than this will not succeed.
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: s.acquisitionTimeoutMs ?? 5_000,
    // executeRead retries transient failures for this long before giving up; keep it short so
    // that "Neo4j is down" reaches the client quickly, but long enough for a leader switch.
    maxTransactionRetryTime: 1_000,
    maxConnectionPoolSize: 100,
    userAgent: 'clashgraph-api',
    logging: s.log
      ? { level: 'error', logger: (level, message) => s.log?.[level === 'error' ? 'error' : 'warn']({ component: 'neo4j-driver' }, message) }
      : undefined,
  });
}
