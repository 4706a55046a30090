/**
 * `npm run import -- <dir>` — bulk-load a large dataset into the local Neo4j with neo4j-admin
 * (docs/import.md). <dir> is either a CSV folder (nodes/, relationships/) or a dataset folder in
 * the seed's format (sources.yaml, data/*.yaml, documents/), which is validated like the seed and
 * converted to CSV first. The database is replaced, not merged into.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { PlatformError, type LocalNeo4jOptions } from '../platform/index.js';
import { SeedValidationError, formatSeedIssue, readDataset, toGraphRows } from '../seed/index.js';
import { ImportLayoutError } from './csvLayout.js';
import { ImportCsvWriter } from './ImportCsvWriter.js';
import { importCsvFolder } from './importGraph.js';

const program = new Command('import')
  .description('Bulk-load a CSV folder or a seed-format dataset folder into the local Neo4j (replaces its database)')
  .argument('<dir>', 'CSV folder (nodes/, relationships/) or dataset folder (sources.yaml, data/, documents/)')
  .option('--replace', 'replace the database the instance already holds', false)
  .option('--home <dir>', 'local instance folder (default .data/neo4j)')
  .option('--bolt-port <n>', 'Bolt port of the instance', (v) => Number.parseInt(v, 10))
  .option('--http-port <n>', 'HTTP port of the instance', (v) => Number.parseInt(v, 10))
  .action(async (dir: string, opts: { replace: boolean; home?: string; boltPort?: number; httpPort?: number }) => {
    if (process.env.NEO4J_URI) {
      console.error('import: NEO4J_URI is set, but neo4j-admin writes the store files of a local instance; unset it to import into the local Neo4j (or run neo4j-admin on your server).');
      process.exit(2);
    }
    const local: LocalNeo4jOptions = {
      ...(opts.home ? { home: path.resolve(opts.home) } : {}),
      ...(opts.boltPort ? { boltPort: opts.boltPort } : {}),
      ...(opts.httpPort ? { httpPort: opts.httpPort } : {}),
      log: (line) => console.error(`[neo4j] ${line}`),
    };
    let csvDir = path.resolve(dir);
    let temp: string | undefined;
    try {
      if (existsSync(path.join(csvDir, 'sources.yaml'))) {
        const ds = await readDataset(csvDir);
        temp = mkdtempSync(path.join(os.tmpdir(), 'clashgraph-import-'));
        const writer = new ImportCsvWriter(temp);
        writer.write(toGraphRows(ds));
        const written = writer.close();
        console.error(`import: dataset valid; ${written.nodes} nodes and ${written.relationships} relationships written as CSV to ${temp}`);
        csvDir = temp;
      }
      const report = await importCsvFolder({ local, dir: csvDir, replace: opts.replace, log: (line) => console.error(line) });
      console.log(
        `import: ${report.nodes} nodes, ${report.relationships} relationships from ${report.files} files in ` +
          `${report.importSeconds.toFixed(1)} s (${Math.round(report.relationshipsPerSecond)} relationships/s` +
          `${report.importCpuSeconds ? `; neo4j-admin used ${report.importCpuSeconds.toFixed(1)} CPU s` : ''}); ` +
          `schema and indexes ${report.schemaSeconds.toFixed(1)} s. Neo4j is running at ${report.instance.uri}.`,
      );
    } catch (err) {
      if (err instanceof SeedValidationError) {
        console.error(`import: ${err.issues.length} problem(s) in ${dir}; nothing was imported.`);
        for (const issue of err.issues) console.error(`  ${formatSeedIssue(issue)}`);
        process.exit(1);
      }
      if (err instanceof ImportLayoutError || err instanceof PlatformError) {
        console.error(`import: ${err.message}`);
        process.exit(1);
      }
      throw err;
    } finally {
      if (temp) rmSync(temp, { recursive: true, force: true });
    }
  });

await program.parseAsync();
