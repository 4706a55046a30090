/**
 * `npm run review -- <doc-id> list [--pending]`
 * `npm run review -- <doc-id> accept|reject|reset <entry-id…>|--all`
 */
import { Command } from 'commander';
import { DEFAULT_SEED_DIR } from '../seed/index.js';
import type { ReviewState } from '../seed/readDrafts.js';
import { listDraft, setReview } from './review.js';

const seedDirOption = ['--seed-dir <dir>', 'seed folder', process.env.SEED_DIR ?? DEFAULT_SEED_DIR] as const;
const program = new Command('review').description('Review an ingestion draft (seed/drafts/<doc-id>.yaml)');

program
  .command('list')
  .argument('<doc-id>')
  .option('--pending', 'only entries still pending', false)
  .option(...seedDirOption)
  .action(async (docId: string, o: { pending: boolean; seedDir: string }) => {
    for (const i of await listDraft(o.seedDir, docId)) {
      if (o.pending && i.review !== 'pending') continue;
      console.log(`${i.review.padEnd(9)} ${i.confidence.toFixed(2)}  ${i.section.padEnd(9)} ${i.id}  ${i.summary}`);
    }
  });

for (const [name, state] of [['accept', 'accepted'], ['reject', 'rejected'], ['reset', 'pending']] as const) {
  program
    .command(name)
    .argument('<doc-id>')
    .argument('[ids...]', 'entry ids from `review list`')
    .option('--all', 'every entry of the draft', false)
    .option(...seedDirOption)
    .action(async (docId: string, ids: string[], o: { all: boolean; seedDir: string }) => {
      if (!o.all && ids.length === 0) fail(`${name}: give entry ids or --all`);
      const r = await setReview(o.seedDir, docId, state as ReviewState, o.all ? 'all' : ids);
      console.log(`review: ${r.changed.length} entr${r.changed.length === 1 ? 'y' : 'ies'} ${state}`);
      if (r.unknown.length > 0) fail(`no such entries in the draft: ${r.unknown.join(', ')}`);
    });
}

function fail(message: string): never {
  console.error(`review: ${message}`);
  process.exit(1);
}

// `review doc-005 accept a b` reads better than `review accept doc-005 a b`: accept both orders.
const argv = process.argv.slice(2);
if (argv.length >= 2 && !['list', 'accept', 'reject', 'reset', 'help'].includes(argv[0]!) && ['list', 'accept', 'reject', 'reset'].includes(argv[1]!)) {
  [argv[0], argv[1]] = [argv[1]!, argv[0]!];
}
await program.parseAsync(argv, { from: 'user' });
