/**
 * `npm start`: the only entry point that listens. It reads the configuration, gets a Neo4j (the
 * user's own via NEO4J_URI, else the local one, started if need be), applies the cypher/ schema
 * (idempotent), loads the curated seed when the database has no entities, serves GraphQL, prints
 * where everything is, and shuts down gracefully on SIGINT/SIGTERM.
 */
import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { QueryCatalogueError, loadQueries } from './cypher/queries.js';
import { createDriver } from './db/driver.js';
import { createExecutor } from './db/executor.js';
import { warmUpPlans } from './db/warmUp.js';
import { neo4jReason } from './errors/index.js';
import { createLogger, describeUri } from './log.js';
import { ensureNeo4j, PlatformError } from './platform/index.js';
import { applySchema, countEntities, loadDataset, readDataset, SeedValidationError, toGraphRows } from './seed/index.js';
import { createServer } from './server/createServer.js';
import { browserConnectUrl } from './server/explorer.js';

/** A start-up failure whose message says what to do. */
class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** Problems whose message already tells the user what to do: print it, no stack. */
function isExplained(err: unknown): err is Error {
  return (
    err instanceof ConfigError || err instanceof PlatformError || err instanceof QueryCatalogueError ||
    err instanceof SeedValidationError || err instanceof StartupError
  );
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);

  // The local Neo4j's Browser loads its style and guide from this service on connect.
  const serviceUrl = `http://127.0.0.1:${config.port}`;
  const conn = await ensureNeo4j(
    { NEO4J_URI: config.neo4j.uri, NEO4J_USER: config.neo4j.user, NEO4J_PASSWORD: config.neo4j.password },
    { serviceUrl },
  );
  const driver = createDriver({ uri: conn.uri, user: conn.user, password: conn.password, log });
  const queries = await loadQueries(undefined, (file) => log.warn({ file }, 'unused query file in cypher/queries'));
  const cannotUse = (what: string) => (err: unknown) => {
    throw new StartupError(`cannot ${what} the database at ${describeUri(conn.uri)}: ${neo4jReason(err)}. ` +
      (conn.startedLocally ? 'Check `npm run db:status` and `npm run db:logs`.' : 'Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD (and NEO4J_DATABASE).'), { cause: err });
  };
  // A user's own NEO4J_URI is not probed by ensureNeo4j: say "connected" only once it answers.
  const neo4jInfo = await driver.getServerInfo({ database: config.neo4j.database }).catch(cannotUse('reach'));
  log.info({ neo4j: describeUri(conn.uri), version: neo4jInfo.agent, local: conn.startedLocally }, 'neo4j connected');

  // The schema is idempotent, and re-applying it adds indexes introduced since the last start.
  await applySchema(driver, config.neo4j.database).catch(cannotUse('prepare'));
  if ((await countEntities(driver, config.neo4j.database)) === 0) {
    log.info('database has no entities: loading the curated seed');
    const loaded = await loadDataset(driver, toGraphRows(await readDataset()), { database: config.neo4j.database });
    log.info({ nodes: loaded.labels, relationships: loaded.types }, 'seed loaded');
  }

  const executor = createExecutor(driver, queries, { database: config.neo4j.database, queryTimeoutMs: config.queryTimeoutMs });
  const server = await createServer({ config, executor, log, ...(conn.browserUrl ? { neo4jBrowserUrl: conn.browserUrl } : {}) });
  // Plans that take Neo4j seconds are made in the background once the server listens, so the
  // service answers at once (health, cheap queries) and a user's first slow query usually finds
  // its plan cached. A failure only costs that wait later; it never stops the service.
  void warmUpPlans(executor).then(
    (ms) => log.info({ ms }, 'query plans warmed'),
    (err: unknown) => log.warn({ err }, 'query plan warm-up failed'),
  );
  const shown = (url: string) => url.replace('//127.0.0.1:', '//localhost:');
  const lines = [
    '',
    `  Explorer        ${shown(`${server.url}/`)}`,
    `  GraphQL API     ${shown(server.graphqlUrl)}`,
    `  Health          ${server.url}/health`,
    config.production
      ? `  Mode            ${config.nodeEnv} (errors hide internals; \`npm run dev\` for development)`
      : '  Mode            development (stack traces and suggestions in errors: never expose this)',
    conn.browserUrl
      ? `  Neo4j Browser   ${browserConnectUrl(conn.browserUrl, conn.uri, conn.user)}  (password in ${conn.passwordFile ? path.relative(process.cwd(), conn.passwordFile) : 'NEO4J_PASSWORD'}; styled and guided on connect)`
      : `  Neo4j           ${describeUri(conn.uri)} (your own server; log in with NEO4J_USER / NEO4J_PASSWORD)`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  log.info({ url: server.graphqlUrl }, 'serving');

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining in-flight requests');
    try {
      await server.close();
      await driver.close();
      log.info(conn.startedLocally ? 'stopped (the local Neo4j keeps running; `npm run db:stop` stops it)' : 'stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', (s) => void shutdown(s));
  process.on('SIGTERM', (s) => void shutdown(s));
  // A promise some code forgot to await must not take every user's requests down with it:
  // log it loudly (it is a bug) and keep serving.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection (a bug): kept serving'));
}

main().catch((err: unknown) => {
  if (isExplained(err)) process.stderr.write(`\nclashgraph: ${err.message}\n\n`);
  else process.stderr.write(`\nclashgraph: start-up failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n\n`);
  process.exit(1);
});
