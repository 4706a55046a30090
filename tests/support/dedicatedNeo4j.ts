/**
 * A Neo4j of a test file's own, for tests that stop, restart or fill a database: its own home
 * under .data/ and its own ports, so the harness's shared, seeded instance is never disturbed.
 * Small memory, because on a 2-core CI machine it runs beside the shared one.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from '../../src/platform/index.js';
import { isPortFree } from '../../src/platform/ports.js';
import { repoRoot } from '../../src/platform/repoPaths.js';
import { applySchema, loadDataset, readDataset, toGraphRows } from '../../src/seed/index.js';
import { freePort } from './serviceProcess.js';

export interface DedicatedNeo4j {
  /** Options for startLocalNeo4j/stopLocalNeo4j: the same instance every time. */
  opts: LocalNeo4jOptions & { home: string; boltPort: number; httpPort: number; password: string };
  uri: string;
  user: string;
  password: string;
  /** Starts it (again); resolves when Bolt answers. */
  start(): Promise<LocalNeo4j>;
  /** Stops it cleanly (SIGTERM, wait); a no-op when it is not running. */
  stop(): Promise<void>;
  /** Stops it and deletes its home: for afterAll. */
  destroy(): Promise<void>;
  driver(): Driver;
}

/** The preferred port when it is free, else one the kernel picks (another checkout's test run may hold it). */
async function portFor(preferred: number): Promise<number> {
  return (await isPortFree(preferred)) ? preferred : freePort();
}

/**
 * Wipes `.data/<name>` and starts a fresh instance there, on the preferred ports when they are
 * free. Call `destroy()` in afterAll; a run that was killed before its afterAll is cleaned up by
 * the next run (stop + wipe first).
 */
export async function startDedicatedNeo4j(
  name: string,
  ports: { boltPort: number; httpPort: number },
  options: { fastStartup?: boolean } = {},
  log: (line: string) => void = (line) => process.stderr.write(`[${name}] ${line}\n`),
): Promise<DedicatedNeo4j> {
  const home = path.join(repoRoot(), '.data', name);
  await stopLocalNeo4j({ home }); // a killed earlier run's instance still holds its ports
  const opts = {
    home,
    boltPort: await portFor(ports.boltPort),
    httpPort: await portFor(ports.httpPort),
    password: `${name}-password-not-secret`,
    memory: { heapInitial: '128m', heapMax: '512m', pageCache: '64m' },
    // C1 JIT only: half the start-up CPU; off for a test that writes a lot (C2 pays off there).
    fastStartup: options.fastStartup ?? true,
    log,
  };
  rmSync(opts.home, { recursive: true, force: true });
  const first = await startLocalNeo4j(opts);
  const db: DedicatedNeo4j = {
    opts,
    uri: first.uri,
    user: first.user,
    password: first.password,
    start: () => startLocalNeo4j(opts),
    stop: async () => {
      await stopLocalNeo4j(opts);
    },
    destroy: async () => {
      await stopLocalNeo4j(opts);
      rmSync(opts.home, { recursive: true, force: true });
    },
    driver: () => neo4j.driver(first.uri, neo4j.auth.basic(first.user, first.password)),
  };
  return db;
}

/** Applies the cypher/ schema and loads the curated seed, as the harness does for its own instance. */
export async function seedDedicated(db: DedicatedNeo4j): Promise<void> {
  const driver = db.driver();
  try {
    await applySchema(driver);
    await loadDataset(driver, toGraphRows(await readDataset()));
  } finally {
    await driver.close();
  }
}
