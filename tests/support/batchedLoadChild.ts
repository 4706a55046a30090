/**
 * Child process for tests/int/reliability/batchedLoadKill.test.ts: loads the benchmark's
 * synthetic graph through the project's batched path (`loadSyntheticGraph` → `loadRowsBatched`)
 * into NEO4J_URI, then prints one JSON line with the load report. The test kills it with
 * SIGKILL at random points, so it holds no state worth a clean shutdown.
 *
 *   NEO4J_URI=… NEO4J_PASSWORD=… SYNTHETIC_ENTITIES=6000 node --import tsx tests/support/batchedLoadChild.ts
 */
import neo4j from 'neo4j-driver';
import { loadSyntheticGraph } from '../../bench/generate.js';

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is required');
const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER || 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
try {
  const report = await loadSyntheticGraph(driver, {
    entities: Number(process.env.SYNTHETIC_ENTITIES ?? 6_000),
    seed: Number(process.env.SYNTHETIC_SEED ?? 7),
    // Small chunks and batches: many independent transactions, so a kill can land between any two.
    chunkSize: 1_000,
    batchSize: 1_000,
  });
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  await driver.close();
}
