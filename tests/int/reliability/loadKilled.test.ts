/**
 * Loading loses nothing, even when the loader is killed with SIGKILL (kill -9):
 * - The curated seed (loadDataset, one transaction) killed with every write done and only the
 *   commit left: the previous graph is intact, and the next load works. (An injected database
 *   error on a late write is tests/int/seed/loadSeed.test.ts.)
 * - A large batched load: the benchmark's synthetic graph, loaded through `loadRowsBatched` by a
 *   child process that is killed at random points (after a random batch, plus up to 300 ms:
 *   between two transactions or inside one; several times over, each run starting on what the
 *   previous one left), converges when run to the end: the graph then equals an uninterrupted
 *   load, counts and content checksum.
 *
 * Runs on a Neo4j of its own (.data/reliability-batch-neo4j, Bolt 18688 if free), never on the
 * shared seeded one. KILL_ROUNDS (default 3), KILL_SEED (default: random, printed) and
 * SYNTHETIC_ENTITIES (default 4000, about 19k relationships) tune it.
 */
import { spawn } from 'node:child_process';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../src/platform/repoPaths.js';
import {
  applySchema, graphChecksum, loadDataset, readDataset, toGraphRows, type GraphFingerprint,
} from '../../../src/seed/index.js';
import { startDedicatedNeo4j, type DedicatedNeo4j } from '../../support/dedicatedNeo4j.js';

const ROUNDS = Number(process.env.KILL_ROUNDS ?? 3);
const SEED = Number(process.env.KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ENTITIES = Number(process.env.SYNTHETIC_ENTITIES ?? 4_000);
const log = (line: string) => process.stderr.write(`[load-killed] ${line}\n`);

let db: DedicatedNeo4j;
let driver: Driver;

beforeAll(async () => {
  db = await startDedicatedNeo4j('reliability-batch-neo4j', { boltPort: 18688, httpPort: 18475 }, { fastStartup: false });
  driver = db.driver();
  await applySchema(driver); // the id constraints the MERGEs rely on
}, 180_000);

afterAll(async () => {
  await driver?.close();
  await db?.destroy();
}, 120_000);

interface ChildRun {
  /** Exit code, or the signal that ended it. */
  status: number | string;
  /** Batches the child reported committed. */
  batches: number;
  ms: number;
  output: string;
}

/**
 * Runs the loader child. With `killAfterBatch`, SIGKILLs it once that many batches are committed,
 * plus `extraMs`, so the kill lands between two batches or in the middle of one.
 */
function runLoader(killAfterBatch?: number, extraMs = 0): Promise<ChildRun> {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/batchedLoadChild.ts'], {
    cwd: repoRoot(),
    env: { ...process.env, NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password, SYNTHETIC_ENTITIES: String(ENTITIES) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let batches = 0;
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
    const before = batches;
    batches = (output.match(/^batch \d+$/gm) ?? []).length;
    if (killAfterBatch !== undefined && before < killAfterBatch && batches >= killAfterBatch) {
      setTimeout(() => child.kill('SIGKILL'), extraMs);
    }
  });
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const hardStop = setTimeout(() => child.kill('SIGKILL'), 150_000); // bounded even if something hangs
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(hardStop);
      resolve({ status: code ?? signal ?? 'unknown', batches, ms: Date.now() - t0, output });
    });
  });
}

async function wipe(): Promise<void> {
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

/** mulberry32, so a failing run can be replayed with KILL_SEED. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the curated seed killed with kill -9 before its commit', () => {
  it('leaves the previous graph intact, and the next load works', async () => {
    const rows = toGraphRows(await readDataset());
    await loadDataset(driver, rows);
    const before = await graphChecksum(driver);

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/seedLoadChild.ts'], {
      cwd: repoRoot(),
      env: { ...process.env, NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
    const hardStop = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      if (output.includes('pending')) child.kill('SIGKILL'); // every write done, the commit not
    });
    const status = await exited;
    clearTimeout(hardStop);
    expect(status, output).toBe('SIGKILL');
    expect(output).toContain('pending');

    expect(await graphChecksum(driver)).toEqual(before);
    const counts = await loadDataset(driver, rows);
    expect(counts.labels.Entity).toBe(rows.entities.length);
    expect(await graphChecksum(driver)).toEqual(before);
  }, 120_000);
});

describe('a large batched load killed with kill -9 at random points', () => {
  it('converges when run again to exactly what an uninterrupted load gives', async () => {
    await wipe();
    const reference = await runLoader();
    expect(reference.status, reference.output).toBe(0);
    expect(reference.output).toContain('done');
    const expected = await graphChecksum(driver);
    log(`uninterrupted load: ${expected.nodes} nodes, ${expected.relationships} relationships in ${reference.batches} batches, ${reference.ms} ms`);
    expect(expected.relationships).toBeGreaterThan(15_000);

    await wipe();
    expect((await graphChecksum(driver)).nodes).toBe(0);

    const random = rng(SEED);
    log(`KILL_SEED=${SEED}, ${ROUNDS} rounds over ${reference.batches} batches`);
    const partials: GraphFingerprint[] = [];
    let killed = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      // After any batch but the last, and up to 300 ms later: between batches or inside one.
      const afterBatch = 1 + Math.floor(random() * (reference.batches - 1));
      const extraMs = Math.floor(random() * 300);
      const run = await runLoader(afterBatch, extraMs);
      const state = await graphChecksum(driver);
      partials.push(state);
      log(`round ${round}: SIGKILL after batch ${afterBatch} + ${extraMs} ms → ${run.status}; graph then ${state.nodes} nodes, ${state.relationships} relationships`);
      killed += run.status === 'SIGKILL' ? 1 : 0; // a kill after the last batch may come too late
    }
    // At least one kill must have interrupted the load for real, or this test proves nothing.
    expect(killed).toBeGreaterThan(0);
    expect(partials.some((p) => p.sha256 !== expected.sha256)).toBe(true);

    const final = await runLoader();
    expect(final.status, final.output).toBe(0);
    expect(await graphChecksum(driver)).toEqual(expected);
  }, 600_000);
});
