/**
 * Bulk import: a folder of CSV (docs/import.md) into a local Neo4j with `neo4j-admin database
 * import full`, the offline importer that writes store files directly (no transactions), then the
 * cypher/ schema on top. For large generated or converted datasets; the curated seed keeps its
 * transactional, all-or-nothing loader (src/seed/loadDataset.ts).
 *
 * The instance is stopped for the import and started again afterwards; the database is replaced
 * as a whole, never merged into.
 */
import neo4j from 'neo4j-driver';
import { adminImportLocalNeo4j, startLocalNeo4j, stopLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from '../platform/index.js';
import { applySchema, bumpGraphVersion, countGraph, type Counts } from '../seed/index.js';
import { readImportLayout } from './csvLayout.js';

export interface ImportReport {
  files: number;
  counts: Counts;
  nodes: number;
  relationships: number;
  /** Wall time of neo4j-admin alone (stopping and starting the server not included). */
  importSeconds: number;
  /** Constraints and indexes created and populated after the import. */
  schemaSeconds: number;
  /** Relationships per second of the import itself. */
  relationshipsPerSecond: number;
  /** CPU seconds neo4j-admin used (Linux), to tell its own cost from a busy machine's. */
  importCpuSeconds: number | undefined;
  instance: LocalNeo4j;
}

export interface ImportOptions {
  local: LocalNeo4jOptions;
  /** The CSV folder. */
  dir: string;
  /** Replace an existing database (otherwise an instance that already has one is refused). */
  replace: boolean;
  /** Seconds to wait for the indexes to come online after the import. */
  indexWaitSeconds?: number;
  log?: (line: string) => void;
}

export async function importCsvFolder(opts: ImportOptions): Promise<ImportReport> {
  const log = opts.log ?? (() => {});
  // Checked before anything is stopped: a bad folder leaves the running database as it was.
  const layout = readImportLayout(opts.dir);
  const stopped = await stopLocalNeo4j(opts.local);
  if (stopped.wasRunning) log(`stopped the Neo4j in ${opts.local.home ?? '.data/neo4j'} for the import`);
  const t0 = performance.now();
  const { cpuSeconds } = await adminImportLocalNeo4j(opts.local, {
    args: layout.args, multiline: layout.multiline, replace: opts.replace,
    // The progress dots are noise in a log; the phase and summary lines are kept.
    onLine: (line) => { if (!/^[-.\s]+\d+%/.test(line)) log(`neo4j-admin: ${line.trimEnd()}`); },
  });
  const importSeconds = (performance.now() - t0) / 1000;
  // The first start on a freshly imported store takes longer than usual (ids, counts, a busy machine).
  const instance = await startLocalNeo4j({ startTimeoutMs: 900_000, ...opts.local });
  const driver = neo4j.driver(instance.uri, neo4j.auth.basic(instance.user, instance.password));
  try {
    const t1 = performance.now();
    await applySchema(driver, undefined, opts.indexWaitSeconds ?? 3_600);
    const schemaSeconds = (performance.now() - t1) / 1000;
    await bumpGraphVersion(driver); // a replaced database is a new graph for every cached answer
    const counts = await countGraph(driver);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    const relationships = sum(counts.types);
    const nodes = (counts.labels.Entity ?? 0) + (counts.labels.Source ?? 0) + (counts.labels.Claim ?? 0);
    return { files: layout.files, counts, nodes, relationships, importSeconds, schemaSeconds, relationshipsPerSecond: relationships / importSeconds, importCpuSeconds: cpuSeconds, instance };
  } finally {
    await driver.close();
  }
}
