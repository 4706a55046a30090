/**
 * `npm run import` (neo4j-admin bulk import) on a small set: the curated seed, written as CSV and
 * imported into a Neo4j of this file's own, must be the same graph the transactional loader builds —
 * loading the seed transactionally over it changes nothing (same content checksum). A bad folder
 * is refused before the running database is touched.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactTermQuery } from '../../../src/cypher/lucene.js';
import { ImportCsvWriter } from '../../../src/import/ImportCsvWriter.js';
import { importCsvFolder } from '../../../src/import/importGraph.js';
import { graphChecksum, loadDataset, readDataset, toGraphRows } from '../../../src/seed/index.js';
import { startDedicatedNeo4j, type DedicatedNeo4j } from '../../support/dedicatedNeo4j.js';

const run = promisify(execFile);
let db: DedicatedNeo4j;
let tmp: string;

const cli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/import/cli.ts', ...args, '--home', db.opts.home, '--bolt-port', String(db.opts.boltPort), '--http-port', String(db.opts.httpPort)], {
    env: { ...process.env, NEO4J_URI: '', NEO4J_PASSWORD: db.password },
    maxBuffer: 1 << 26,
  });

beforeAll(async () => {
  db = await startDedicatedNeo4j('import-csv-neo4j', { boltPort: 18787, httpPort: 18574 });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'clashgraph-import-test-'));
});

afterAll(async () => {
  await db?.destroy();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm run import', () => {
  it('imports the curated seed as the same graph the transactional loader builds', async () => {
    // What `npm run import -- seed` does, in-process (the CLI adds only argument parsing).
    const rows = toGraphRows(await readDataset());
    const writer = new ImportCsvWriter(path.join(tmp, 'seed-csv'));
    writer.write(rows);
    writer.close();
    const report = await importCsvFolder({ local: db.opts, dir: path.join(tmp, 'seed-csv'), replace: true });
    expect(report.relationships).toBe(rows.entityRelations.length + rows.claimEntityRelations.length + rows.claimSourceRelations.length + rows.sourceRelations.length);
    const driver = db.driver();
    try {
      const imported = await graphChecksum(driver);
      expect(imported.nodes).toBe(rows.sources.length + rows.entities.length + rows.claims.length);
      await loadDataset(driver, rows); // prunes what it would not have written, SETs every property again
      expect(await graphChecksum(driver)).toEqual(imported);
      // The schema is on top of the imported store: the name-lookup index answers.
      const hit = await driver.executeQuery("CALL db.index.fulltext.queryNodes('entity_lookup_keys', $q) YIELD node RETURN count(node) AS n", { q: exactTermQuery((rows.entities[0]!.props.lookupKeys as string[])[0]!) });
      expect(Number(hit.records[0]!.get('n'))).toBeGreaterThan(0);
    } finally {
      await driver.close();
    }
  }, 600_000); // two JVMs in a row (neo4j-admin, then Neo4j again) and an index build: minutes on a busy 2-core machine

  it('refuses a folder with a label outside the vocabulary, naming the file, and leaves the database running', async () => {
    const bad = path.join(tmp, 'bad');
    mkdirSync(path.join(bad, 'nodes'), { recursive: true });
    mkdirSync(path.join(bad, 'relationships'), { recursive: true });
    writeFileSync(path.join(bad, 'nodes', 'Weapon.1.csv'), 'id:ID,name:string\n"w1","rifle"\n');
    const err = await cli([bad, '--replace']).then(() => undefined, (e: { code: number; stderr: string }) => e);
    expect(err?.code).toBe(1);
    expect(err?.stderr).toContain('nodes/Weapon.1.csv: Weapon is not a node label of the vocabulary');
    const driver = db.driver();
    try {
      expect((await graphChecksum(driver)).nodes).toBeGreaterThan(0);
    } finally {
      await driver.close();
    }
  });
});
