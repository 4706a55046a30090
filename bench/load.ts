/**
 * Loads (or reuses) the benchmark dataset without measuring queries:
 *   tsx bench/load.ts --entities 1000000 [--seed 1] [--reload] [--keep]
 * Prints the load report (relationships per second). `--keep` leaves the bench Neo4j running.
 */
import { Command } from 'commander';
import { openBenchNeo4j } from './benchNeo4j.js';

const cli = new Command()
  .option('--entities <n>', 'synthetic entities', (v) => Number.parseInt(v, 10), 20_000)
  .option('--seed <n>', 'PRNG seed', (v) => Number.parseInt(v, 10), 1)
  .option('--reload', 'drop the stored dataset and load again', false)
  .option('--keep', 'leave the bench Neo4j running', false)
  .option('--bolt-port <n>', 'Bolt port', (v) => Number.parseInt(v, 10), 37687)
  .option('--http-port <n>', 'HTTP port', (v) => Number.parseInt(v, 10), 37474)
  .parse();
const o = cli.opts<{ entities: number; seed: number; reload: boolean; keep: boolean; boltPort: number; httpPort: number }>();

const db = await openBenchNeo4j({ ...o, log: (l) => process.stderr.write(`[bench-neo4j] ${l}\n`) });
console.log(JSON.stringify({ loadedNow: db.loadedNow, neo4j: db.neo4jVersion, ...db.dataset }, null, 2));
if (o.keep) await db.driver.close();
else await db.stop();
