/**
 * `npm run ingest -- <file> --id doc-005 --title "…" --publisher "…" --as-of 2025-03-12 [--url …] [--update]`
 * Registers the document and writes seed/drafts/<id>.yaml for review; loads nothing.
 */
import { Command } from 'commander';
import { DEFAULT_SEED_DIR, SeedValidationError, formatSeedIssue } from '../seed/index.js';
import { partialDate } from '../seed/entrySchemas.js';
import { ingestDocument } from './ingestDocument.js';
import { IngestRefusal } from './registerSource.js';

const program = new Command('ingest')
  .description('Draft a new report as reviewable, cited facts linked to the entities the graph knows')
  .argument('<file>', 'the report: plain text (.txt) or HTML (.html)')
  .requiredOption('--id <id>', 'source id, e.g. doc-005')
  .requiredOption('--title <title>', "the report's title")
  .requiredOption('--publisher <publisher>', 'who published it')
  .requiredOption('--as-of <date>', "the report's date (YYYY-MM-DD, YYYY-MM or YYYY): relative dates resolve against it")
  .option('--url <url>', 'where it was published (kept in the source note)')
  .option('--author <author>', 'byline')
  .option('--kind <kind>', 'news_report or encyclopedia_revision', 'news_report')
  .option('--update', 're-ingest a registered document, keeping review decisions of unchanged entries', false)
  .option('--seed-dir <dir>', 'seed folder', process.env.SEED_DIR ?? DEFAULT_SEED_DIR)
  .action(async (file: string, o: { id: string; title: string; publisher: string; asOf: string; url?: string; author?: string; kind: string; update: boolean; seedDir: string }) => {
    if (!partialDate.safeParse(o.asOf).success) fail(`--as-of must be YYYY-MM-DD, YYYY-MM or YYYY (got "${o.asOf}")`);
    if (o.kind !== 'news_report' && o.kind !== 'encyclopedia_revision') fail(`--kind must be news_report or encyclopedia_revision`);
    try {
      const r = await ingestDocument(file, {
        id: o.id, title: o.title, publisher: o.publisher, asOf: o.asOf, kind: o.kind,
        ...(o.url ? { url: o.url } : {}), ...(o.author ? { author: o.author } : {}),
      }, { seedDir: o.seedDir, update: o.update });
      const c = r.counts;
      console.log(`ingest: ${o.id} registered; draft ${r.draftFile}`);
      console.log(`  ${c.sentences} sentences, ${c.mentions} known entities linked, ${c.newEntities} new-entity candidates, ${c.dates} dates, ${c.figures} figures, ${c.relations} relationship proposals, ${c.ambiguous} ambiguous names`);
      console.log(`  nothing is loaded until reviewed: npm run review -- ${o.id} list`);
    } catch (err) {
      if (err instanceof IngestRefusal) fail(err.message);
      if (err instanceof SeedValidationError) fail(`the seed does not validate:\n${err.issues.map((i) => `  ${formatSeedIssue(i)}`).join('\n')}`);
      throw err;
    }
  });

function fail(message: string): never {
  console.error(`ingest: ${message}`);
  process.exit(1);
}

await program.parseAsync();
