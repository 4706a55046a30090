/**
 * The benchmark's own Neo4j: a local Community server in .data/bench-neo4j-<entities>/ on its own
 * ports (Bolt 37687, HTTP 37474 by default), never the dev (7687) or test (17687) instance.
 * One instance holds one dataset: the curated seed plus a synthetic graph of a given size and
 * seed. `dataset.json` in the instance folder records what was loaded, so a second run of the
 * same size reuses it instead of loading a million entities again.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4j } from '../src/platform/index.js';
import { repoRoot } from '../src/platform/repoPaths.js';
import { applySchema, countGraph, loadDataset, readDataset, SeedValidationError, toGraphRows, type Dataset } from '../src/seed/index.js';
import { ImportCsvWriter } from '../src/import/ImportCsvWriter.js';
import { importCsvFolder } from '../src/import/importGraph.js';
import { loadSyntheticGraph, writeSyntheticCsv, type CsvReport, type LoadReport } from './generate.js';
import { refreshLookupKeys } from './lookup/refreshLookupKeys.js';
import { LOOKUP_KEYS_VERSION } from '../src/resolution/index.js';

export interface BenchNeo4jOptions {
  entities: number;
  seed: number;
  home?: string;
  boltPort?: number;
  httpPort?: number;
  /** Drop the stored dataset and load again even if it matches. */
  reload?: boolean;
  /** `import` (default): CSV + neo4j-admin; `cypher`: batched transactional MERGE. */
  loader?: 'import' | 'cypher';
  log?: (line: string) => void;
}

export interface BenchDataset {
  entities: number;
  seed: number;
  /** The load report of the synthetic part (kept from the run that loaded it). */
  load: (LoadReport & { loader?: 'cypher' }) | ImportLoadReport;
  seedLoadSeconds: number;
  /** The commit whose curated seed was loaded. */
  seedCommit: string;
  counts: { nodes: number; relationships: number };
  loadedAt: string;
  /**
   * src/resolution/lookupKeys.ts's LOOKUP_KEYS_VERSION the stored lookup keys were written by;
   * an older one (or none) is refreshed on open (bench/lookup/refreshLookupKeys.ts).
   */
  lookupKeysVersion?: number;
  /** The commit whose curated seed a refresh loaded (seedCommit is the original load's). */
  refreshedSeedCommit?: string;
}

/** How the bulk import went: CSV generation, neo4j-admin, then the schema on top. */
export interface ImportLoadReport {
  loader: 'import';
  csv: CsvReport;
  /** neo4j-admin alone (seed and synthetic graph together). */
  importSeconds: number;
  schemaSeconds: number;
  /** All relationships imported ÷ importSeconds. */
  relationshipsPerSecond: number;
  /** CPU seconds of neo4j-admin, and the 1-minute load average when it finished. */
  importCpuSeconds?: number;
  loadAverage?: number;
  /** All relationships ÷ (CSV + import + schema seconds). */
  overallRelationshipsPerSecond: number;
  relationships: number;
}

export interface BenchNeo4j {
  instance: LocalNeo4j;
  driver: Driver;
  dataset: BenchDataset;
  /** True when this run loaded the data (false: reused). */
  loadedNow: boolean;
  neo4jVersion: string;
  stop(): Promise<void>;
}

/** Heap and page cache by size: the 1M graph's store is a few GB and should fit the page cache. */
function memoryFor(entities: number) {
  return entities >= 500_000
    ? { heapInitial: '4g', heapMax: '4g', pageCache: '4g' }
    : { heapInitial: '1g', heapMax: '2g', pageCache: '1g' };
}

/** `git archive <commit> seed` unpacked into a temporary folder; returns the seed folder. */
function seedAt(commit: string): string {
  const dir = path.join(os.tmpdir(), `clashgraph-bench-seed-${commit.slice(0, 12)}`);
  if (!existsSync(path.join(dir, 'seed', 'sources.yaml'))) {
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', '--format=tar', commit, 'seed'], { cwd: repoRoot(), maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  return path.join(dir, 'seed');
}

/**
 * The curated seed to load: the newest committed version that validates (curators edit the
 * working tree and commit file by file, so HEAD can briefly hold a dangling reference).
 */
async function committedSeed(log: (line: string) => void): Promise<{ dataset: Dataset; commit: string }> {
  const commits = execFileSync('git', ['log', '-n', '20', '--format=%H', '--', 'seed'], { cwd: repoRoot(), encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const commit of commits) {
    try {
      return { dataset: await readDataset(seedAt(commit)), commit };
    } catch (err) {
      if (!(err instanceof SeedValidationError)) throw err;
      log(`the seed at ${commit.slice(0, 12)} does not validate (${err.issues.length} problem(s)); trying the one before`);
    }
  }
  throw new Error('no recent commit has a seed that validates');
}

/**
 * The bulk path: the curated seed and the synthetic graph written as one CSV folder, imported by
 * neo4j-admin into a replaced database (src/import), the schema built on top. The CSV is deleted
 * afterwards (about 1 GB at a million entities).
 */
async function importBench(opts: BenchNeo4jOptions, local: Parameters<typeof startLocalNeo4j>[0], home: string, log: (line: string) => void): Promise<BenchDataset> {
  const csvDir = path.join(home, 'import-csv');
  rmSync(csvDir, { recursive: true, force: true });
  try {
    const seed = await committedSeed(log);
    log(`writing the curated seed (commit ${seed.commit.slice(0, 12)}) and ${opts.entities} synthetic entities as CSV to ${csvDir}`);
    const writer = new ImportCsvWriter(csvDir);
    const t0 = performance.now();
    writer.write(toGraphRows(seed.dataset));
    const gen = writeSyntheticCsv(writer, { entities: opts.entities, seed: opts.seed });
    const written = writer.close();
    const csvSeconds = (performance.now() - t0) / 1000;
    const bytes = written.files.reduce((a, f) => a + statSync(f).size, 0);
    log(`CSV: ${written.nodes} nodes, ${written.relationships} relationships, ${(bytes / 2 ** 20).toFixed(0)} MiB in ${csvSeconds.toFixed(1)} s; importing with neo4j-admin`);
    const report = await importCsvFolder({ local: local ?? {}, dir: csvDir, replace: true, log });
    log(`neo4j-admin: ${report.relationships} relationships in ${report.importSeconds.toFixed(1)} s (${Math.round(report.relationshipsPerSecond)} rels/s); schema ${report.schemaSeconds.toFixed(1)} s`);
    const load: ImportLoadReport = {
      loader: 'import',
      csv: { ...gen, seconds: csvSeconds, bytes },
      importSeconds: report.importSeconds,
      schemaSeconds: report.schemaSeconds,
      relationshipsPerSecond: report.relationshipsPerSecond,
      ...(report.importCpuSeconds !== undefined ? { importCpuSeconds: report.importCpuSeconds } : {}),
      loadAverage: os.loadavg()[0],
      overallRelationshipsPerSecond: report.relationships / (csvSeconds + report.importSeconds + report.schemaSeconds),
      relationships: report.relationships,
    };
    return {
      entities: opts.entities, seed: opts.seed, load, seedLoadSeconds: 0, seedCommit: seed.commit,
      counts: { nodes: report.nodes, relationships: report.relationships }, loadedAt: new Date().toISOString(),
      lookupKeysVersion: LOOKUP_KEYS_VERSION,
    };
  } finally {
    rmSync(csvDir, { recursive: true, force: true });
  }
}

export function benchHome(entities: number): string {
  return path.join(repoRoot(), '.data', `bench-neo4j-${entities}`);
}

export async function openBenchNeo4j(opts: BenchNeo4jOptions): Promise<BenchNeo4j> {
  const log = opts.log ?? (() => {});
  const home = opts.home ?? benchHome(opts.entities);
  // A long start timeout: a large store on a busy shared machine can take minutes to come up.
  const local = { home, boltPort: opts.boltPort ?? 37687, httpPort: opts.httpPort ?? 37474, memory: memoryFor(opts.entities), startTimeoutMs: 900_000, log };
  const marker = path.join(home, 'dataset.json');
  let dataset: BenchDataset | undefined = existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as BenchDataset) : undefined;
  if (dataset && (opts.reload || dataset.entities !== opts.entities || dataset.seed !== opts.seed)) {
    log(`dropping the stored dataset in ${home} (${dataset.entities} entities, seed ${dataset.seed})`);
    await stopLocalNeo4j(local);
    for (const dir of ['databases', 'transactions']) rmSync(path.join(home, 'data', dir), { recursive: true, force: true });
    rmSync(marker, { force: true });
    dataset = undefined;
  }

  let loadedNow = false;
  if (!dataset && (opts.loader ?? 'import') === 'import') {
    dataset = await importBench(opts, local, home, log);
    writeFileSync(marker, `${JSON.stringify(dataset, null, 2)}\n`);
    loadedNow = true;
  }
  const instance = await startLocalNeo4j(local);
  const driver = neo4j.driver(instance.uri, neo4j.auth.basic(instance.user, instance.password), { maxConnectionPoolSize: 100 });
  const stop = async () => {
    await driver.close();
    await stopLocalNeo4j(local);
  };
  try {
    if (!dataset) {
      // An interrupted earlier load may have left part of a graph: start from an empty database.
      const wipe = driver.session();
      try {
        await wipe.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      } finally {
        await wipe.close();
      }
      log(`applying cypher/schema and loading the curated seed into ${instance.uri}`);
      await applySchema(driver);
      const t0 = performance.now();
      const seed = await committedSeed(log);
      log(`curated seed from commit ${seed.commit.slice(0, 12)}`);
      await loadDataset(driver, toGraphRows(seed.dataset));
      const seedLoadSeconds = (performance.now() - t0) / 1000;
      log(`loading the synthetic graph: ${opts.entities} entities, seed ${opts.seed}`);
      const load = await loadSyntheticGraph(driver, { entities: opts.entities, seed: opts.seed, progress: true });
      await driver.executeQuery('CALL db.awaitIndexes(600)');
      const counts = await countGraph(driver);
      const sum = (o: Record<string, number>, skip: string[] = []) => Object.entries(o).filter(([k]) => !skip.includes(k)).reduce((a, [, v]) => a + v, 0);
      const nodes = (counts.labels.Entity ?? 0) + (counts.labels.Claim ?? 0) + (counts.labels.Source ?? 0);
      dataset = {
        entities: opts.entities, seed: opts.seed, load: { ...load, loader: 'cypher' }, seedLoadSeconds, seedCommit: seed.commit,
        counts: { nodes, relationships: sum(counts.types) }, loadedAt: new Date().toISOString(),
        lookupKeysVersion: LOOKUP_KEYS_VERSION,
      };
      writeFileSync(marker, `${JSON.stringify(dataset, null, 2)}\n`);
      loadedNow = true;
    }
    if (dataset.lookupKeysVersion !== LOOKUP_KEYS_VERSION) {
      // A store written by older name-lookup code: bring its keys (and curated seed) up to date.
      log(`the stored lookup keys are version ${dataset.lookupKeysVersion ?? 'none'}, the code's ${LOOKUP_KEYS_VERSION}: refreshing them (minutes at 1M)`);
      const seed = await committedSeed(log);
      await refreshLookupKeys(driver, seed.dataset, log);
      dataset = { ...dataset, lookupKeysVersion: LOOKUP_KEYS_VERSION, refreshedSeedCommit: seed.commit };
      writeFileSync(marker, `${JSON.stringify(dataset, null, 2)}\n`);
    }
    const v = await driver.executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition');
    const neo4jVersion = `${v.records[0]?.get('v') as string} ${v.records[0]?.get('edition') as string}`;
    return { instance, driver, dataset: dataset!, loadedNow, neo4jVersion, stop };
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
}
