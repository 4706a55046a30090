/**
 * The HTTP service: Express 5 with Apollo Server 5 at /graphql (GraphQL over HTTP, GET and POST),
 * GET /health, the explorer at / (src/server/explorer.ts), and the safe defaults — loopback unless HOST says otherwise, a request body limit,
 * CORS closed unless configured, graphql-armor limits, no batched operations, no persisted-query
 * hashes, no stack traces and (unless enabled) no introspection in production.
 * `createServer` listens and returns the URL and a `close()` that drains in-flight requests.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Config } from '../config.js';
import type { Executor } from '../db/executor.js';
import { createFormatError } from '../errors/index.js';
import type { Logger } from '../log.js';
import { createRequestContext, resolvers, type RequestContext } from '../resolvers/index.js';
import { Admission } from './admission.js';
import { ARMOR_LIMITS, createArmor, type ArmorLimits } from './armor.js';
import { corsMiddleware } from './cors.js';
import { exportRouter } from './exportRoute.js';
import { createDrainer } from './drain.js';
import { browserOriginsOf, explorerRouter, neo4jBrowserAssetsRouter } from './explorer.js';
import { healthHandler } from './health.js';
import { hostAllowlist } from './hostAllowlist.js';
import { httpErrorHandler } from './httpErrors.js';
import { KnownOperationTypesRule } from './knownOperationTypes.js';
import { graphVersionReader, responseCachePlugin } from './responseCache.js';
import { boundedStringify, responseBudgetPlugin, responseSizeCap } from './responseBudget.js';
import { slowReaderTimeout } from './socketTimeout.js';
import { loadTypeDefs } from './schema.js';

/** The hardening parts of Config; they default to SERVER_DEFAULTS. */
type HardeningConfig = Pick<Config, 'allowedHosts' | 'responseMaxBytes' | 'concurrency' | 'socketTimeoutMs'>;

/** The parts of Config the HTTP server uses; the optional ones have defaults. */
export type ServerConfig = Pick<Config, 'host' | 'port' | 'production' | 'introspection' | 'corsOrigins' | 'bodyLimit'> &
  Partial<Pick<Config, 'responseCache'>> & Partial<HardeningConfig>;

/**
 * The defaults of loadConfig() for the hardening parts of ServerConfig, for a server built without
 * them (tests, benchmarks). One exception: loadConfig() sizes the heavy slots to the machine
 * (MAX_HEAVY_REQUESTS, half the cores); a server built here without a config gets 4.
 */
export const SERVER_DEFAULTS = {
  allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
  responseMaxBytes: 4 * 1024 * 1024,
  concurrency: { global: 32, perClient: 16, heavy: 4, heavyPerClient: 8, queueWaitMs: 20_000 },
  socketTimeoutMs: 30_000,
} satisfies HardeningConfig;

/** What createServer needs: configuration, the executor, a logger. */
export interface ServerOptions {
  config: ServerConfig;
  executor: Executor;
  log: Logger;
  /** How long close() waits for in-flight requests before cutting connections. */
  drainMs?: number;
  /** Query limits; ARMOR_LIMITS unless a test needs others. */
  limits?: Partial<ArmorLimits>;
  /** Neo4j Browser's URL (e.g. http://127.0.0.1:7474/browser/): its origin may read the style and guide. */
  neo4jBrowserUrl?: string;
}

/** A listening server. */
export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql */
  graphqlUrl: string;
  port: number;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/** A client-chosen request id is echoed when it is short and plain; otherwise we make one. */
function requestIdOf(req: Request): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

/** Logs one line per GraphQL request: operation, duration, queries run, error codes. */
function requestLogPlugin(log: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ response, errors }) {
          const codes = (errors ?? []).map((e) => e.extensions?.code).filter((c) => c !== undefined);
          log.info(
            {
              requestId: contextValue.requestId,
              operationName: request.operationName ?? null,
              ms: Math.round(performance.now() - started),
              queries: contextValue.stats.queries,
              ...(contextValue.stats.cached ? { cached: true } : {}),
              status: response.http.status ?? 200,
              ...(codes.length > 0 ? { errors: codes } : {}),
            },
            'graphql request',
          );
        },
      };
    },
  };
}

/** Builds the app, starts Apollo, listens on config.host:config.port (0: any free port). */
export async function createServer(opts: ServerOptions): Promise<RunningServer> {
  const { config, executor, log } = opts;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const httpServer = http.createServer(app);
  const hardening = { ...SERVER_DEFAULTS, ...Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) } as typeof SERVER_DEFAULTS;
  // Slow-loris protection: a client must send its headers and body promptly…
  httpServer.headersTimeout = 15_000;
  httpServer.requestTimeout = 60_000;
  // …and read its answer: a connection whose answer stops moving for this long (a reader that
  // stopped reading, so the answer sits in our buffers) is closed, freeing its memory.
  slowReaderTimeout(httpServer, hardening.socketTimeoutMs);

  const limits: ArmorLimits = { ...ARMOR_LIMITS, ...opts.limits };
  const admission = new Admission({
    global: hardening.concurrency.global,
    perClient: hardening.concurrency.perClient,
    heavy: hardening.concurrency.heavy,
    perClientHeavy: hardening.concurrency.heavyPerClient,
    waitMs: hardening.concurrency.queueWaitMs,
  });
  const armor = createArmor(config.production, limits, { admission, clientOf: (ctx) => (ctx as Partial<RequestContext>).client ?? '' });
  // Off unless configured (main.ts passes Config.responseCache): tests that count round trips
  // build servers without it.
  const cache = config.responseCache && config.responseCache.maxBytes > 0
    ? responseCachePlugin({ maxBytes: config.responseCache.maxBytes, versionSource: graphVersionReader(executor, config.responseCache.versionTtlMs), log })
    : undefined;
  const apollo = new ApolloServer<RequestContext>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    // Oversized answers end as one RESPONSE_TOO_LARGE error (./responseBudget.ts).
    stringifyResult: boundedStringify(hardening.responseMaxBytes),
    formatError: createFormatError({ production: config.production, log }),
    // main.ts owns the signals (drain, close the driver, exit 0); Apollo's own handlers would
    // stop the server behind its back and re-raise the signal.
    stopOnTerminationSignals: false,
    persistedQueries: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    validationRules: [KnownOperationTypesRule, ...armor.validationRules],
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [
      ...armor.plugins,
      ...(cache ? [cache] : []),
      responseBudgetPlugin(hardening.responseMaxBytes),
      requestLogPlugin(log),
    ],
  });
  await apollo.start();
  const drainer = createDrainer(httpServer);

  // First of all: a request for a Host we do not serve gets nothing else (DNS rebinding).
  app.use(hostAllowlist(hardening.allowedHosts));
  app.use(responseSizeCap(hardening.responseMaxBytes));
  app.use(drainer.refuseWhileDraining);
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Request-Id', (req.headers['x-request-id'] = requestIdOf(req)));
    next();
  });
  // Before the API's CORS, which answers (and ends) preflights from origins it does not know.
  app.use('/neo4j-browser', neo4jBrowserAssetsRouter(browserOriginsOf(opts.neo4jBrowserUrl)));
  app.use(corsMiddleware(config.corsOrigins));
  app.get('/health', healthHandler(executor));
  app.use('/export', exportRouter(executor, log));
  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimit }),
    (req: Request, _res: Response, next: NextFunction) => {
      // Express 5 leaves req.body unset when the content type is not JSON; Apollo then needs the
      // property to exist to answer 400 (bad content type) rather than 500.
      if (!('body' in req)) (req as { body?: unknown }).body = undefined;
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        return createRequestContext(executor, String(req.headers['x-request-id']), req.socket.remoteAddress ?? '');
      },
    }),
  );
  app.use(explorerRouter());
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ errors: [{ message: 'Not found. The API is at /graphql.', extensions: { code: 'NOT_FOUND' } }] });
  });
  app.use(httpErrorHandler(log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    port,
    close() {
      // HTTP first (in-flight requests still need Apollo), then Apollo.
      closing ??= drainer.drain(opts.drainMs ?? 10_000).then(() => apollo.stop());
      return closing;
    },
  };
}
