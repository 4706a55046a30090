/**
 * The service's configuration, read once from the environment and validated, so a typo in a
 * variable stops start-up with a message instead of surfacing later as odd behaviour.
 * Defaults are the safe ones: loopback only, CORS closed, only loopback names in the Host header,
 * and internals (stack traces, Neo4j's own error text, "did you mean" suggestions) hidden unless
 * NODE_ENV=development (`npm run dev`). docs/security.md explains each limit.
 */
import os from 'node:os';
import { z } from 'zod';

/** The default number of heavy slots: half the cores, at least one (see MAX_HEAVY_REQUESTS). */
export function defaultHeavySlots(): number {
  return Math.max(1, Math.floor(os.availableParallelism() / 2));
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const envSchema = z.object({
  /** Unset means production: `npm start` must be safe without anyone remembering a flag. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  NEO4J_URI: z.string().min(1).optional(),
  NEO4J_USER: z.string().min(1).optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  /** Each Cypher transaction is cut off after this long (Neo4j enforces it server-side). */
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Comma-separated allowed origins; unset or empty means no cross-origin access at all. */
  CORS_ORIGINS: z.string().default(''),
  /** On unless set to false: the schema is public (schema.graphql), and clients need it (docs/security.md). */
  INTROSPECTION: booleanFlag.default(true),
  /** Extra host names (comma-separated) the Host header may carry, besides loopback and PUBLIC_HOSTNAME. */
  ALLOWED_HOSTS: z.string().default(''),
  /** The name users reach the service by (e.g. clashgraph.example.org), when not loopback. */
  PUBLIC_HOSTNAME: z.string().optional(),
  /** An answer larger than this many bytes ends with RESPONSE_TOO_LARGE instead of being sent. */
  RESPONSE_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 ** 3).default(4 * 1024 * 1024),
  /** GraphQL requests executing at once, all clients together; more wait briefly, then 503. */
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(10_000).default(32),
  /** GraphQL requests executing at once from one client address. */
  MAX_CONCURRENT_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(16),
  /**
   * Heavy requests (cost above the heavy threshold) executing at once, all clients together.
   * Default: half this machine's cores (at least 1). Heavy work is CPU-bound in Neo4j, so more
   * at once adds no throughput and starves the light requests: on 2 cores shared with the local
   * Neo4j, 4 slots left a plain lookup at p50 1.06 s under 20 heavy clients, 1 slot at 66 ms
   * (bench/abuse.ts; docs/security.md). With a remote Neo4j, size it to that server's cores.
   */
  MAX_HEAVY_REQUESTS: z.coerce.number().int().min(1).max(1_000).default(() => defaultHeavySlots()),
  /** Heavy requests one client address may have queued or executing. */
  MAX_HEAVY_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(8),
  /** How long an operation may wait in line for a slot before 503 SERVICE_UNAVAILABLE. */
  QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  /** A connection that neither sends nor reads for this long is closed (slow readers included). */
  SOCKET_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  /** Largest accepted request body, in the `bytes` package's syntax (e.g. 100kb). */
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)?$/i, 'like 100kb').default('100kb'),
  /** Memory for cached answers, in MiB (0 turns the response cache off). */
  RESPONSE_CACHE_MB: z.coerce.number().min(0).max(65_536).default(64),
  /** How long a read graph version is trusted before it is read again (0: every request). */
  RESPONSE_CACHE_VERSION_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(250),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The validated configuration the service runs with. */
export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  production: boolean;
  host: string;
  port: number;
  neo4j: {
    /** Undefined: the platform starts (or reuses) the local Neo4j. */
    uri: string | undefined;
    user: string | undefined;
    password: string | undefined;
    database: string | undefined;
  };
  queryTimeoutMs: number;
  corsOrigins: string[];
  introspection: boolean;
  bodyLimit: string;
  /** The response cache (src/server/responseCache.ts); maxBytes 0 is off. */
  responseCache: { maxBytes: number; versionTtlMs: number };
  /** Host names the Host header may carry (lower case, no port). */
  allowedHosts: string[];
  responseMaxBytes: number;
  concurrency: { global: number; perClient: number; heavy: number; heavyPerClient: number; queueWaitMs: number };
  socketTimeoutMs: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

/** Raised when the environment is invalid; the message lists every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the configuration from `env` (process.env by default); throws ConfigError when invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as in shell `FOO= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // Only development shows internals; "test" is as guarded as production.
  const production = e.NODE_ENV !== 'development';
  const list = (v: string | undefined) => (v ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== '');
  const wildcard = ['0.0.0.0', '::', '[::]'];
  return {
    nodeEnv: e.NODE_ENV,
    production,
    host: e.HOST,
    port: e.PORT,
    neo4j: { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter((o) => o !== ''),
    introspection: e.INTROSPECTION,
    bodyLimit: e.BODY_LIMIT,
    responseCache: { maxBytes: Math.round(e.RESPONSE_CACHE_MB * 2 ** 20), versionTtlMs: e.RESPONSE_CACHE_VERSION_TTL_MS },
    allowedHosts: [
      ...new Set([
        'localhost', '127.0.0.1', '[::1]',
        ...(wildcard.includes(e.HOST) ? [] : list(e.HOST.includes(':') && !e.HOST.startsWith('[') ? `[${e.HOST}]` : e.HOST)),
        ...list(e.PUBLIC_HOSTNAME),
        ...list(e.ALLOWED_HOSTS),
      ]),
    ],
    responseMaxBytes: e.RESPONSE_MAX_BYTES,
    concurrency: { global: e.MAX_CONCURRENT_REQUESTS, perClient: e.MAX_CONCURRENT_PER_CLIENT, heavy: e.MAX_HEAVY_REQUESTS, heavyPerClient: e.MAX_HEAVY_PER_CLIENT, queueWaitMs: e.QUEUE_WAIT_MS },
    socketTimeoutMs: e.SOCKET_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
  };
}
