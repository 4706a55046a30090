/**
 * `npm run seed:coverage` — for each document, the share of its sentences the dataset cites, the
 * ones the ledger (seed/uncited.yaml) explains, and every sentence that is neither.
 * Exit 1 when the ledger is invalid; with --strict also when a sentence is unaccounted for.
 */
import path from 'node:path';
import { Command } from 'commander';
import { DEFAULT_SEED_DIR, formatSeedIssue, readDataset } from '../seed/index.js';
import { coverageReport, percent, readLedger } from './index.js';

const program = new Command('seed:coverage')
  .description('how much of each source document the seed cites, and what it leaves out')
  .option('--dir <dir>', 'seed folder', DEFAULT_SEED_DIR)
  .option('--source <ids...>', 'only these documents (e.g. doc-002)')
  .option('--min-share <n>', 'share of a sentence\'s words quotes must cover for it to count as cited', '0.5')
  .option('--strict', 'exit 1 if any sentence is neither cited nor ledgered')
  .option('--quiet', 'summary only, no sentence list')
  .action(async (opts: { dir: string; source?: string[]; minShare: string; strict?: boolean; quiet?: boolean }) => {
    const minShare = Number(opts.minShare);
    if (!(minShare > 0 && minShare <= 1)) program.error('--min-share must be a number in (0, 1]');
    const ds = await readDataset(opts.dir);
    const ledgerFile = path.join(opts.dir, 'uncited.yaml');
    const report = coverageReport(ds, await readLedger(path.relative(process.cwd(), ledgerFile) || ledgerFile), { minShare });
    const docs = report.documents.filter((d) => !opts.source || opts.source.includes(d.source));
    const rel = (f: string) => path.relative(process.cwd(), path.join(opts.dir, 'documents', f));
    console.log('document   sentences   cited            ledgered   unaccounted');
    for (const d of docs) {
      console.log(`${d.source.padEnd(10)} ${String(d.sentences).padStart(9)}   ${String(d.cited).padStart(4)} ${percent(d.cited, d.sentences).padStart(7)}     ${String(d.ledgered).padStart(8)}   ${String(d.unaccounted.length).padStart(11)}`);
    }
    const all = docs.reduce((a, d) => ({ s: a.s + d.sentences, c: a.c + d.cited, l: a.l + d.ledgered, u: a.u + d.unaccounted.length }), { s: 0, c: 0, l: 0, u: 0 });
    console.log(`${'all'.padEnd(10)} ${String(all.s).padStart(9)}   ${String(all.c).padStart(4)} ${percent(all.c, all.s).padStart(7)}     ${String(all.l).padStart(8)}   ${String(all.u).padStart(11)}`);
    if (!opts.quiet) {
      for (const d of docs) {
        if (d.unaccounted.length === 0) continue;
        console.log(`\n${d.source}: ${d.unaccounted.length} sentence(s) neither cited nor ledgered`);
        for (const u of d.unaccounted) {
          const partly = u.citedBy.length > 0 ? `  [${Math.round(u.share * 100)}% quoted by ${u.citedBy.slice(0, 4).join(', ')}${u.citedBy.length > 4 ? ', …' : ''}]` : '';
          console.log(`  ${rel(d.file)}:${u.sentence.line}  ${u.sentence.text}${partly}`);
        }
      }
    }
    if (report.ledgerIssues.length > 0) {
      console.error(`\nseed:coverage: ${report.ledgerIssues.length} problem(s) in the ledger:`);
      for (const i of report.ledgerIssues) console.error(`  ${formatSeedIssue(i)}`);
      process.exitCode = 1;
    }
    if (opts.strict && all.u > 0) process.exitCode = 1;
  });

await program.parseAsync();
