/**
 * The service's configuration, read once from the environment and validated, so a typo in a
 * variable stops start-up with a message instead of surfacing later as odd behaviour.
 * Defaults are the safe ones: loopback only, CORS closed, introspection off in production.
 */
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
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
  /** Unset: on in development and test, off in production. */
  INTROSPECTION: booleanFlag.optional(),
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
  const production = e.NODE_ENV === 'production';
  return {
    nodeEnv: e.NODE_ENV,
    production,
    host: e.HOST,
    port: e.PORT,
    neo4j: { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter((o) => o !== ''),
    introspection: e.INTROSPECTION ?? !production,
    bodyLimit: e.BODY_LIMIT,
    responseCache: { maxBytes: Math.round(e.RESPONSE_CACHE_MB * 2 ** 20), versionTtlMs: e.RESPONSE_CACHE_VERSION_TTL_MS },
    logLevel: e.LOG_LEVEL,
  };
}
