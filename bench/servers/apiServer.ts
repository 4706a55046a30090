/**
 * Child process: this API (src/server/createServer.ts) on a free loopback port, wired exactly as
 * src/main.ts wires it (createDriver → loadQueries → createExecutor → createServer), minus the
 * start-up steps that would write to the database. Production settings: armor limits on, stack
 * traces and introspection off. Logs at `warn` (the per-request info line would go to a pipe
 * nobody reads). Prints one JSON line `{"url": …}` when it listens.
 * Env: BENCH_NEO4J_URI, BENCH_NEO4J_USER, BENCH_NEO4J_PASSWORD; BENCH_RESPONSE_CACHE=1 turns the
 * response cache on (64 MiB, the default of `npm start`), for the "cached" rows.
 */
import { loadQueries } from '../../src/cypher/queries.js';
import { createDriver } from '../../src/db/driver.js';
import { createExecutor } from '../../src/db/executor.js';
import { createLogger } from '../../src/log.js';
import { createServer } from '../../src/server/createServer.js';

const log = createLogger(process.env.BENCH_LOG_LEVEL ?? 'warn');
const driver = createDriver({
  uri: process.env.BENCH_NEO4J_URI!, user: process.env.BENCH_NEO4J_USER ?? 'neo4j', password: process.env.BENCH_NEO4J_PASSWORD!, log,
});
const executor = createExecutor(driver, await loadQueries(), { queryTimeoutMs: 30_000 });
const server = await createServer({
  config: {
    host: '127.0.0.1', port: 0, production: true, introspection: false, corsOrigins: [], bodyLimit: '100kb',
    ...(process.env.BENCH_RESPONSE_CACHE === '1' ? { responseCache: { maxBytes: 64 * 2 ** 20, versionTtlMs: 250 } } : {}),
  },
  executor,
  log,
});
process.stdout.write(`${JSON.stringify({ url: server.graphqlUrl })}\n`);
process.on('SIGTERM', () => {
  // Exit promptly (so --cpu-prof writes its profile) even if a keep-alive socket lingers.
  setTimeout(() => process.exit(0), 2_000).unref();
  void server.close().then(() => driver.close()).finally(() => process.exit(0));
});
