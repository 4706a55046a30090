/**
 * Global setup of the `int` vitest project: a throw-away Neo4j for the run, with the cypher/
 * schema and the curated seed loaded, stopped again in teardown (which vitest runs even when
 * tests fail). Never touches the developer's own instance (.data/neo4j, 7687/7474).
 *
 * Each run gets its own folder, .data/test-neo4j/run-<pid>/ (the instance in main/, room for
 * test files' extra instances beside it), and Bolt/HTTP on 17687/17474 or, when another run
 * holds those, the next free pair: engineers share one working tree and may test at once.
 * Folders of runs that died without teardown are stopped and deleted at the next start.
 *
 * NEO4J_TEST_URI (+ NEO4J_TEST_USER, NEO4J_TEST_PASSWORD) points the tests at an existing server
 * instead; it gets the schema and the seed too, so give it a database you can spare.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from '../../src/platform/index.js';
import { generatePassword } from '../../src/platform/instancePassword.js';
import { isPortFree } from '../../src/platform/ports.js';
import { isProcessAlive } from '../../src/platform/processes.js';
import { repoRoot } from '../../src/platform/repoPaths.js';
import { applySchema, loadDataset, readDataset, toGraphRows } from '../../src/seed/index.js';
import { freePort } from './freePort.js';
import type { TestNeo4j } from './testNeo4j.js';

const log = (line: string) => process.stderr.write(`[test-neo4j] ${line}\n`);

/** NEO4J_TEST_BOLT_PORT/NEO4J_TEST_HTTP_PORT when set, else the first free pair from 17687/17474. */
async function testPorts(): Promise<{ boltPort: number; httpPort: number }> {
  const bolt = process.env.NEO4J_TEST_BOLT_PORT;
  const http = process.env.NEO4J_TEST_HTTP_PORT;
  if (bolt && http) return { boltPort: Number.parseInt(bolt, 10), httpPort: Number.parseInt(http, 10) };
  for (let i = 0; i < 50; i += 10) {
    const pair = { boltPort: 17687 + i, httpPort: 17474 + i };
    if ((await isPortFree(pair.boltPort)) && (await isPortFree(pair.httpPort))) return pair;
  }
  throw new Error('No free port pair for the test Neo4j near 17687/17474; set NEO4J_TEST_BOLT_PORT and NEO4J_TEST_HTTP_PORT.');
}

/** Stops the instances of test runs whose vitest process is gone, and deletes their folders. */
async function sweepDeadRuns(parent: string): Promise<void> {
  if (!existsSync(parent)) return;
  await stopLocalNeo4j({ home: parent }); // the older layout: one instance right in test-neo4j/
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    const owner = /^run-(\d+)$/.exec(entry.name);
    if (owner && isProcessAlive(Number(owner[1]))) continue;
    const dir = path.join(parent, entry.name);
    if (entry.isDirectory() && owner) {
      for (const home of readdirSync(dir)) await stopLocalNeo4j({ home: path.join(dir, home) });
      log(`removed the leftovers of an earlier run: ${dir}`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = Date.now();
  let conn!: TestNeo4j;
  let instance: LocalNeo4jOptions | undefined;
  let runDir: string | undefined;

  const teardown = async () => {
    if (!instance || !runDir) return;
    // Quietly: the reporter's summary line should stay the last thing the run prints.
    await stopLocalNeo4j({ ...instance, log: () => {} });
    // Test files stop their own extra instances; this catches any that failed to.
    for (const home of readdirSync(runDir)) await stopLocalNeo4j({ home: path.join(runDir, home) });
    rmSync(runDir, { recursive: true, force: true });
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
      const parent = path.join(repoRoot(), '.data', 'test-neo4j');
      await sweepDeadRuns(parent);
      runDir = path.join(parent, `run-${process.pid}`);
      rmSync(runDir, { recursive: true, force: true });
      mkdirSync(runDir, { recursive: true });
      // Neo4j Browser loads its style and guide from the service on connect (post_connect_cmd):
      // a port chosen now, for the test that starts the service there (tests/int/browser.test.ts).
      const servicePort = await freePort();
      instance = {
        home: path.join(runDir, 'main'),
        ...(await testPorts()),
        serviceUrl: `http://127.0.0.1:${servicePort}`,
        password: generatePassword(),
        fastStartup: true, // tests run short queries: half the start-up CPU is worth more than C2
        log,
      };
      const db = await startLocalNeo4j(instance);
      conn = {
        uri: db.uri,
        user: db.user,
        password: db.password,
        local: {
          runDir,
          home: db.home,
          boltPort: db.boltPort,
          httpPort: db.httpPort,
          browserUrl: db.browserUrl,
          pid: db.pid,
          servicePort,
        },
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
