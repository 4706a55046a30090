/**
 * Child process for tests/int/reliability/batchedLoadKill.test.ts: generates the benchmark's
 * synthetic graph (bench/generate.ts) chunk by chunk and writes it through the project's batched
 * path, `loadRowsBatched` (nodes first, then relationships, as `loadSyntheticGraph` does), printing
 * `batch <n>` after each committed batch and `done` at the end. The test kills it with SIGKILL at
 * random points, so it holds no state worth a clean shutdown.
 *
 *   NEO4J_URI=… NEO4J_PASSWORD=… SYNTHETIC_ENTITIES=4000 node --import tsx tests/support/batchedLoadChild.ts
 */
import neo4j from 'neo4j-driver';
import { SyntheticGraph } from '../../bench/generate.js';
import { loadRowsBatched } from '../../src/seed/index.js';

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is required');
const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER || 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
const graph = new SyntheticGraph({ entities: Number(process.env.SYNTHETIC_ENTITIES ?? 4_000), seed: Number(process.env.SYNTHETIC_SEED ?? 7) });
// Small chunks and batches: many independent transactions, so a kill can land between any two.
const size = 1_000;
let batches = 0;
const onStep = () => process.stdout.write(`batch ${++batches}\n`);
try {
  for (const chunk of graph.nodeChunks(size)) await loadRowsBatched(driver, chunk, { batchSize: size, onStep });
  for (const chunk of graph.relationChunks(size)) await loadRowsBatched(driver, chunk, { batchSize: size, onStep });
  process.stdout.write('done\n');
} finally {
  await driver.close();
}
