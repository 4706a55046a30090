/**
 * `npm run export -- <format> [options]`: the HTTP exports from the command line, to a file or
 * stdout, against the configured Neo4j (NEO4J_URI…, or the local one as `npm start` uses).
 * `npm run export -- neo4j --out-dir DIR` writes nodes.csv and relationships.csv for
 * `neo4j-admin database import full` (the command is printed).
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config.js';
import { loadQueries } from '../cypher/queries.js';
import { createDriver } from '../db/driver.js';
import { createExecutor } from '../db/executor.js';
import { ensureNeo4j } from '../platform/index.js';
import { FORMATS, FORMAT_NAMES, runExport, type ExportFormat, type ExportOptions } from './index.js';

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('not an integer');
  return n;
};

const program = new Command('export')
  .description(`Export the graph or a subgraph. Formats: ${[...FORMAT_NAMES, 'neo4j'].join(', ')}.`)
  .argument('<format>', 'graphml | gexf | neo4j-nodes | neo4j-relationships | neo4j (both, with --out-dir) | events | ftm')
  .option('-o, --out <file>', 'write to this file (default: stdout)')
  .option('--out-dir <dir>', 'for neo4j: the folder for nodes.csv and relationships.csv')
  .option('--centre <name>', 'a subgraph around this entity')
  .option('--depth <n>', 'hops around the centre (1–3)', int)
  .option('--path-from <name>', 'a subgraph of the paths from this entity…')
  .option('--path-to <name>', '…to this one')
  .option('--max-hops <n>', 'longest path (1–6)', int)
  .option('--as-of <date>', 'as known on this date')
  .option('--sources <ids>', 'only what these documents state (comma-separated)')
  .option('--from <date>', 'events ending on or after this date')
  .option('--to <date>', 'events starting on or before this date')
  .action(async (format: string, o: Record<string, any>) => {
    const formats = format === 'neo4j' ? (['neo4j-nodes', 'neo4j-relationships'] as ExportFormat[]) : [format as ExportFormat];
    if (!formats.every((f) => FORMAT_NAMES.includes(f))) program.error(`unknown format ${format}`);
    if (format === 'neo4j' && !o.outDir) program.error('neo4j writes two files: give --out-dir');
    const options: ExportOptions = {
      centre: o.centre, depth: o.depth, pathFrom: o.pathFrom, pathTo: o.pathTo, maxHops: o.maxHops,
      asOf: o.asOf, sources: o.sources ? String(o.sources).split(',').map((s: string) => s.trim()).filter(Boolean) : undefined,
      from: o.from, to: o.to,
    };
    const config = loadConfig();
    const conn = await ensureNeo4j({ NEO4J_URI: config.neo4j.uri, NEO4J_USER: config.neo4j.user, NEO4J_PASSWORD: config.neo4j.password });
    const driver = createDriver({ uri: conn.uri, user: conn.user, password: conn.password });
    const executor = createExecutor(driver, await loadQueries(), { database: config.neo4j.database, queryTimeoutMs: config.queryTimeoutMs });
    try {
      for (const f of formats) {
        const file = o.outDir ? path.join(o.outDir, FORMATS[f].file) : o.out;
        if (o.outDir) mkdirSync(o.outDir, { recursive: true });
        const out: Writable = file ? createWriteStream(file) : process.stdout;
        const result = await runExport(executor, f, options, out);
        if (file) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
        process.stderr.write(`${JSON.stringify({ ...result, file: file ?? 'stdout' })}\n`);
      }
      if (format === 'neo4j') {
        process.stderr.write(`import with: neo4j-admin database import full <database> --nodes=${path.join(o.outDir, 'nodes.csv')} ` +
          `--relationships=${path.join(o.outDir, 'relationships.csv')} --array-delimiter=U+001F --multiline-fields=true\n`);
      }
    } finally {
      await driver.close();
    }
  });

program.parseAsync().catch((err: Error) => {
  process.stderr.write(`export: ${err.message}\n`);
  process.exitCode = 1;
});
