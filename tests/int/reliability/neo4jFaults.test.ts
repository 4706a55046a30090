/**
 * Faults underneath the service, on a Neo4j of its own (.data/reliability-faults-neo4j, Bolt 18687
 * / HTTP 18474 if free, seeded); the shared test instance is never stopped or written.
 *
 * Neo4j faults are survived without a restart of the service:
 * - Neo4j stopped under load: requests fail fast (far below the 10 s transaction timeout) with
 *   SERVICE_UNAVAILABLE, /health turns 503, the service process stays up; Neo4j started again:
 *   the service answers correctly within 5 s of Neo4j being ready (the recovery time is logged).
 *   Neither the answers nor the service's logs carry the password or the database's address.
 * - A query that runs past the transaction timeout ends as a clean TIMEOUT, and afterwards the
 *   connection pool is whole: a burst of queries answers, and no transaction lingers.
 *
 * Loading loses nothing, even when the loader is killed with SIGKILL (kill -9):
 * - The curated seed (loadDataset, one transaction) killed with every write done and only the
 *   commit left: the previous graph is intact, and the next load works. (An injected database
 *   error on a late write is tests/int/seed/loadSeed.test.ts.)
 * - A large batched load: the benchmark's synthetic graph, loaded through `loadRowsBatched` by a
 *   child process that is killed at random points (after a random batch, plus up to 300 ms:
 *   between two transactions or inside one; several times over, each run starting on what the
 *   previous one left), converges when run to the end: the graph then equals an uninterrupted
 *   load, counts and content checksum. KILL_ROUNDS (default 3), KILL_SEED (default: random,
 *   printed) and SYNTHETIC_ENTITIES (default 4000, about 19k relationships) tune it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { loadQueries } from '../../../src/cypher/queries.js';
import { createDriver } from '../../../src/db/driver.js';
import { createExecutor } from '../../../src/db/executor.js';
import { createLogger } from '../../../src/log.js';
import { repoRoot } from '../../../src/platform/repoPaths.js';
import {
  graphChecksum, loadDataset, readDataset, toGraphRows, type GraphFingerprint,
} from '../../../src/seed/index.js';
import { createServer } from '../../../src/server/createServer.js';
import { startDedicatedNeo4j, seedDedicated, type DedicatedNeo4j } from '../../support/dedicatedNeo4j.js';
import type { GraphQLRequest } from '../../support/graphqlLoad.js';
import { buildLoadMix } from '../../support/loadMix.js';
import { percentile, sendProbe, startProbeLoad, type Probe } from '../../support/probeLoad.js';
import { freePort, startService, type ServiceProcess } from '../../support/serviceProcess.js';

/** The service's default transaction timeout (QUERY_TIMEOUT_MS). */
const TRANSACTION_TIMEOUT_MS = 10_000;
/** "Fail fast": a request while Neo4j is down must be answered within this. */
const FAIL_FAST_MS = 5_000;
const RECOVERY_MAX_MS = 5_000;
const ROUNDS = Number(process.env.KILL_ROUNDS ?? 3);
const SEED = Number(process.env.KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ENTITIES = Number(process.env.SYNTHETIC_ENTITIES ?? 4_000);
const log = (line: string) => process.stderr.write(`[neo4j-faults] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let db: DedicatedNeo4j;
let driver: Driver;
let service: ServiceProcess;
let mix: GraphQLRequest[];
/** Loader child processes, killed in afterAll if a failed test left one running. */
const loaders = new Set<ChildProcess>();

beforeAll(async () => {
  db = await startDedicatedNeo4j('reliability-faults-neo4j', { boltPort: 18687, httpPort: 18474 });
  await seedDedicated(db);
  driver = db.driver();
  const env = { NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password, QUERY_TIMEOUT_MS: String(TRANSACTION_TIMEOUT_MS) };
  service = await startService({ env });
  mix = await buildLoadMix(driver, service.graphqlUrl);
}, 240_000);

afterAll(async () => {
  for (const child of loaders) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await service?.stop();
  await driver?.close();
  await db?.destroy();
}, 120_000);

const ms = (n: number) => `${Math.round(n)} ms`;
const latency = (p: Probe) => p.doneAt - p.sentAt;

describe('Neo4j stopped and started under load', () => {
  it('fails fast with SERVICE_UNAVAILABLE and /health 503 while down, and recovers within 5 s without a restart', async () => {
    // The recovery probe: one query's worth of work (the load keeps running the whole mix), so
    // the time measured is the service's, not that of a restarted Neo4j planning a dozen cold queries.
    const byId = mix.find((r) => r.name === 'entityById')!;
    const reference: GraphQLRequest = { name: 'recovery', query: 'query($id: ID!) { entityById(id: $id) { id name kind } }', variables: byId.variables };
    const expected = (await sendProbe(service.graphqlUrl, reference)).body;
    expect(expected?.errors).toBeUndefined();

    const load = startProbeLoad(service.graphqlUrl, mix, 8);
    await sleep(2_000);

    const stopAt = performance.now();
    await db.stop();
    const downAt = performance.now();
    log(`Neo4j stopped in ${ms(downAt - stopAt)}`);

    const healthWhileDown: number[] = [];
    while (performance.now() - downAt < 6_000) {
      healthWhileDown.push((await fetch(`${service.baseUrl}/health`)).status);
      await sleep(500);
    }
    expect(service.alive()).toBe(true);

    const startAt = performance.now();
    await db.start();
    const readyAt = performance.now();
    log(`Neo4j started again in ${ms(readyAt - startAt)}`);

    // A probe every 100 ms, each on its own (a slow failing one must not hold up the next), until
    // one comes back with the same answer as before the fault.
    let recoveredAt = Number.NaN;
    const recoveryProbes: Promise<unknown>[] = [];
    while (Number.isNaN(recoveredAt) && performance.now() - readyAt < 30_000) {
      recoveryProbes.push(
        sendProbe(service.graphqlUrl, reference).then((p) => {
          if (JSON.stringify(p.body) === JSON.stringify(expected) && !(p.doneAt >= recoveredAt)) recoveredAt = p.doneAt;
        }),
      );
      await sleep(100);
    }
    await Promise.all(recoveryProbes);
    await sleep(3_000);
    const probes = await load.stop();

    const recovery = recoveredAt - readyAt;
    const whileDown = probes.filter((p) => p.sentAt >= downAt && p.doneAt <= startAt);
    const downLatencies = whileDown.map(latency);
    const afterRecovery = probes.filter((p) => p.sentAt >= recoveredAt);
    log(
      `${probes.length} requests; ${whileDown.length} while Neo4j was down: latency p50 ${ms(percentile(downLatencies, 50))}, ` +
        `max ${ms(Math.max(...downLatencies))}, codes ${[...new Set(whileDown.flatMap((p) => p.codes))].join(',')}; ` +
        `/health while down: ${healthWhileDown.join(',')}; recovered ${ms(recovery)} after Neo4j was ready; ` +
        `${afterRecovery.length} requests after recovery`,
    );

    // The service always answered, and never with anything but data or a clean SERVICE_UNAVAILABLE
    // (or TIMEOUT, when a starved machine makes a query outlive the transaction timeout).
    const unanswered = probes.filter((p) => p.status === -1);
    expect(unanswered.map((p) => p.failure)).toEqual([]);
    const unexpected = probes.filter((p) => (p.status !== 200 && p.status !== 503) || p.codes.some((c) => c !== 'SERVICE_UNAVAILABLE' && c !== 'TIMEOUT'));
    expect(unexpected.map((p) => `${p.name} ${p.status} ${JSON.stringify(p.body).slice(0, 300)}`)).toEqual([]);

    // While down: every request is SERVICE_UNAVAILABLE, answered well under the transaction timeout.
    expect(whileDown.length).toBeGreaterThanOrEqual(5);
    for (const p of whileDown) expect(p.codes.length > 0 && p.codes.every((c) => c === 'SERVICE_UNAVAILABLE'), JSON.stringify(p.body)).toBe(true);
    expect(Math.max(...downLatencies)).toBeLessThan(FAIL_FAST_MS);
    expect(FAIL_FAST_MS).toBeLessThan(TRANSACTION_TIMEOUT_MS);
    expect(healthWhileDown.length).toBeGreaterThan(0);
    expect(healthWhileDown.every((s) => s === 503)).toBe(true);

    // Back up: correct answers within 5 s, then nothing but correct answers.
    expect(recovery).toBeLessThanOrEqual(RECOVERY_MAX_MS);
    expect(afterRecovery.length).toBeGreaterThan(0);
    expect(afterRecovery.filter((p) => p.codes.length > 0).map((p) => `${p.name}: ${p.codes.join(',')}`)).toEqual([]);
    expect((await fetch(`${service.baseUrl}/health`)).status).toBe(200);
    expect(service.alive()).toBe(true);

    // Through all of it, no credential and no address of the database reached a client or a log.
    const answers = JSON.stringify(probes.map((p) => p.body));
    expect(answers).not.toContain(db.password);
    expect(answers).not.toContain(`:${db.opts.boltPort}`);
    expect(service.logs()).toMatch(/SERVICE_UNAVAILABLE|unavailable|not reachable/i);
    expect(service.logs()).not.toContain(db.password);
  }, 180_000);
});

describe('a query slower than the transaction timeout', () => {
  it('ends as TIMEOUT, stopped by Neo4j, and the pool is whole afterwards', async () => {
    // The real server, executor, driver and Neo4j, in this process, with a 1 s transaction timeout
    // and ONE catalogue entry made slow: search first burns ~40 s of CPU inside the transaction.
    // (No query of the real catalogue is reliably slow on a graph this size; this is test-only.)
    const queries = await loadQueries();
    const slowSearch = `CALL () { UNWIND range(1, 1000000000) AS x RETURN count(x) AS burn }\nWITH burn\n${queries['search.fulltext']}`;
    // A long acquisition timeout: a leaked connection never comes back however long one waits,
    // while a busy machine may be slow to hand over a free one.
    const slowDriver = createDriver({ uri: db.uri, user: db.user, password: db.password, acquisitionTimeoutMs: 60_000 });
    const executor = createExecutor(slowDriver, { ...queries, 'search.fulltext': slowSearch }, { queryTimeoutMs: 1_000 });
    // Admission control off in effect: this test is about the pool, and all its requests come
    // from one address.
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', QUERY_TIMEOUT_MS: '1000', MAX_CONCURRENT_PER_CLIENT: '1000', MAX_CONCURRENT_REQUESTS: '1000', MAX_HEAVY_PER_CLIENT: '1000' });
    const server = await createServer({ config, executor, log: createLogger('silent') });
    // The service's answers afterwards are checked through a second server on the SAME driver (so
    // the same pool), whose executor has a generous timeout: whether a lookup fits a budget on a
    // busy machine says nothing about leaked connections (a CI run under load 13 saw 20 lookups on
    // the just-restarted Neo4j, planning cold, take 11 s: past the ordinary 10 s).
    const poolServer = await createServer({ config, executor: createExecutor(slowDriver, queries, { queryTimeoutMs: 120_000 }), log: createLogger('silent') });
    try {
      const slow: GraphQLRequest = { name: 'search', query: 'query($t: String!) { search(text: $t) { score } }', variables: { t: 'Tartus' } };
      // 120 timeouts, more than the driver's pool holds (100), so leaked connections would show;
      // in waves, so that waiting for a free connection is never the reason for an error.
      const slowProbes: Probe[] = [];
      for (let wave = 0; wave < 6; wave++) {
        slowProbes.push(...(await Promise.all(Array.from({ length: 20 }, () => sendProbe(server.graphqlUrl, slow)))));
      }
      const slowLatencies = slowProbes.map(latency);
      log(`${slowProbes.length} slow requests: codes ${[...new Set(slowProbes.flatMap((p) => p.codes))].join(',')}; latency p50 ${ms(percentile(slowLatencies, 50))}, max ${ms(Math.max(...slowLatencies))}`);
      for (const p of slowProbes) expect(p.codes, JSON.stringify(p.body).slice(0, 300)).toEqual(['TIMEOUT']);
      expect(slowProbes.every((p) => p.status === 200)).toBe(true);

      // Neo4j stopped them: nothing of ours is still running there.
      const lingering = await driver.executeQuery("SHOW TRANSACTIONS YIELD metaData WHERE metaData.app = 'clashgraph' RETURN count(*) AS n");
      expect(Number(lingering.records[0]!.get('n'))).toBe(0);

      // The pool is whole: all of its 100 connections can be held at once. Each session opens a
      // transaction (taking a connection) and keeps it open until every other one has its own, so
      // a single connection leaked by the timeouts leaves the last one waiting until the driver's
      // acquisition timeout, and the test fails. (This used to be 60 lookups under the test's 1 s
      // transaction timeout: on a busy machine the lookups themselves timed out, which says
      // nothing about the pool; holding connections needs no query budget.)
      const sessions = Array.from({ length: 100 }, () => slowDriver.session({ defaultAccessMode: 'READ' }));
      try {
        const txs = await Promise.all(sessions.map((s) => s.beginTransaction({ timeout: 120_000 })));
        const ones = await Promise.all(txs.map((tx) => tx.run('RETURN 1 AS one')));
        expect(ones.map((r) => Number(r.records[0]!.get('one')))).toEqual(Array(100).fill(1));
        await Promise.all(txs.map((tx) => tx.rollback()));
      } finally {
        await Promise.all(sessions.map((s) => s.close()));
      }
      // …and the service answers on it again: a burst of real lookups.
      const fast = mix.filter((r) => r.name === 'entityById' || r.name === 'entity');
      const fastProbes = await Promise.all(Array.from({ length: 20 }, (_, i) => sendProbe(poolServer.graphqlUrl, fast[i % fast.length]!)));
      const fastLatencies = fastProbes.map(latency);
      log(`then 100 connections held at once, and ${fastProbes.length} concurrent lookups: latency p50 ${ms(percentile(fastLatencies, 50))}, max ${ms(Math.max(...fastLatencies))}`);
      expect(fastProbes.filter((p) => p.status !== 200 || p.codes.length > 0).map((p) => `${p.status} ${p.codes.join(',')}`)).toEqual([]);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      await poolServer.close();
      await server.close();
      await slowDriver.close();
    }
  }, 180_000);
});

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
  loaders.add(child);
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
    loaders.add(child);
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
      // After a batch in the first 60 %, and up to 300 ms later: between batches or inside one.
      // Never later: the last batches are small, and a CI run killed "after batch 26 of 29 + 273 ms"
      // found the load already finished, so every later round started from a complete graph.
      const afterBatch = 1 + Math.floor(random() * Math.floor(reference.batches * 0.6));
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

describe('a service started while its Neo4j is unreachable', () => {
  it('exits 1 at once, naming the server and what to check, never the password', async () => {
    const closedPort = await freePort(); // nothing listens there
    const password = 'pw-that-must-not-be-printed';
    const service = await startService({
      env: { NEO4J_URI: `bolt://127.0.0.1:${closedPort}`, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: password },
      waitForHttp: false,
    });
    const status = await Promise.race([service.exited, new Promise((r) => setTimeout(() => r('still running'), 30_000))]);
    if (status === 'still running') await service.stop('SIGKILL');
    expect(status, service.logs()).toBe(1);
    expect(service.logs()).toContain(`cannot reach the database at bolt://127.0.0.1:${closedPort}`);
    expect(service.logs()).toContain('Check NEO4J_URI');
    expect(service.logs()).not.toContain('neo4j connected');
    expect(service.logs()).not.toContain(password);
  }, 60_000);
});
