/**
 * Global setup of the `int` vitest project: a throw-away Neo4j for the run, with the cypher/
 * schema and the curated seed loaded, stopped again in teardown (which vitest runs even when
 * tests fail). Never touches the developer's own instance (.data/neo4j, 7687/7474).
 *
 * NEO4J_TEST_URI (+ NEO4J_TEST_USER, NEO4J_TEST_PASSWORD) points the tests at an existing server
 * instead; it gets the schema and the seed too, so give it a database you can spare.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from '../../src/platform/index.js';
import { generatePassword } from '../../src/platform/instancePassword.js';
import { repoRoot } from '../../src/platform/repoPaths.js';
import { applySchema, loadDataset, readDataset, toGraphRows } from '../../src/seed/index.js';
import type { TestNeo4j } from './testNeo4j.js';

const log = (line: string) => process.stderr.write(`[test-neo4j] ${line}\n`);

function envPort(name: string, fallback: number): number {
  const v = process.env[name];
  return v ? Number.parseInt(v, 10) : fallback;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = Date.now();
  let conn!: TestNeo4j;
  let instance: LocalNeo4jOptions | undefined;

  const teardown = async () => {
    if (!instance) return;
    const r = await stopLocalNeo4j(instance);
    if (r.wasRunning) log(`stopped (PID ${r.pid})`);
  };

  try {
    if (process.env.NEO4J_TEST_URI) {
      conn = {
        uri: process.env.NEO4J_TEST_URI,
        user: process.env.NEO4J_TEST_USER || 'neo4j',
        password: process.env.NEO4J_TEST_PASSWORD ?? '',
      };
      log(`using NEO4J_TEST_URI=${conn.uri}; starting nothing`);
    } else {
      const home = path.join(repoRoot(), '.data', 'test-neo4j');
      instance = {
        home,
        boltPort: envPort('NEO4J_TEST_BOLT_PORT', 17687),
        httpPort: envPort('NEO4J_TEST_HTTP_PORT', 17474),
        password: generatePassword(),
        log,
      };
      // A previous run that was killed may have left its instance running: stop it, then wipe.
      await stopLocalNeo4j(instance);
      rmSync(home, { recursive: true, force: true });
      const db = await startLocalNeo4j(instance);
      conn = {
        uri: db.uri,
        user: db.user,
        password: db.password,
        local: { home: db.home, boltPort: db.boltPort, httpPort: db.httpPort, browserUrl: db.browserUrl, pid: db.pid },
      };
      log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s on ${db.uri} (Browser ${db.browserUrl})`);
    }

    const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password));
    try {
      const t1 = Date.now();
      await applySchema(driver);
      await loadDataset(driver, toGraphRows(await readDataset()));
      log(`schema and seed loaded in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    } finally {
      await driver.close();
    }
  } catch (err) {
    await teardown(); // vitest runs no teardown when setup throws; a half-started Neo4j must go too
    throw err;
  }

  project.provide('neo4j', conn);
  // For tests that spawn the service or a CLI as a child process.
  process.env.NEO4J_URI = conn.uri;
  process.env.NEO4J_USER = conn.user;
  process.env.NEO4J_PASSWORD = conn.password;
  return teardown;
}
