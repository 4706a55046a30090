/**
 * `npm run seed:check` — validate the curated files; exit 1 naming file, entry and field.
 * `npm run seed`       — validate, apply the cypher/ schema, load all-or-nothing, print counts.
 * Connects to NEO4J_URI when set, else to (and if need be starts) the local Neo4j.
 */
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import neo4j from 'neo4j-driver';
import { ensureNeo4j } from '../platform/index.js';
import {
  DEFAULT_ATTRIBUTION_MODE, DEFAULT_SEED_DIR, SeedValidationError, applySchema, attributionVerdict, checkAttribution,
  formatSeedIssue, loadDataset, readDataset, toGraphRows, type AttributionMode, type Counts, type Dataset,
} from './index.js';

function summarize(ds: Dataset): string {
  const aliases = [...ds.people, ...ds.groups, ...ds.places, ...ds.events].reduce((n, l) => n + l.entry.aliases.length, 0);
  return [
    `${ds.sources.length} sources`, `${ds.people.length} people`, `${ds.groups.length} groups`,
    `${ds.places.length} places`, `${ds.events.length} events`, `${ds.claims.length} claims`,
    `${ds.relations.length} relations`, `${aliases} aliases`,
  ].join(', ');
}

const ATTRIBUTION_MODES: AttributionMode[] = ['enforce', 'report', 'off'];

async function validated(dir: string, attribution: string): Promise<Dataset> {
  if (!(ATTRIBUTION_MODES as string[]).includes(attribution)) {
    console.error(`seed: --attribution must be one of ${ATTRIBUTION_MODES.join(', ')} (got "${attribution}")`);
    process.exit(2);
  }
  try {
    const ds = await readDataset(dir);
    // The attribution rule (seed/README.md#attribution): errors when enforced, else warnings.
    const { errors, warnings } = attributionVerdict(checkAttribution(ds), attribution as AttributionMode);
    if (warnings.length > 0) {
      console.error(`seed: ${warnings.length} attribution problem(s) reported, not enforced (--attribution=${attribution}):`);
      for (const issue of warnings) console.error(`  ${formatSeedIssue(issue)}`);
    }
    if (errors.length > 0) throw new SeedValidationError(errors);
    return ds;
  } catch (err) {
    if (err instanceof SeedValidationError) {
      console.error(`seed: ${err.issues.length} problem(s) in ${dir}; nothing was loaded.`);
      for (const issue of err.issues) console.error(`  ${formatSeedIssue(issue)}`);
      process.exit(1);
    }
    throw err;
  }
}

function printCounts(counts: Counts): void {
  console.log('Nodes by label:');
  for (const [name, n] of Object.entries(counts.labels)) console.log(`  ${name.padEnd(28)} ${String(n).padStart(6)}`);
  console.log('Relationships by type:');
  for (const [name, n] of Object.entries(counts.types)) console.log(`  ${name.padEnd(28)} ${String(n).padStart(6)}`);
}

const program = new Command('seed').description('Validate and load the curated clashgraph dataset');

program
  .command('check')
  .description('validate every seed file: schema, unique ids, references, verbatim quotes')
  .option('--dir <dir>', 'seed folder', DEFAULT_SEED_DIR)
  .option('--attribution <mode>', 'the attribution rule: enforce (errors), report (warnings, exit 0) or off', DEFAULT_ATTRIBUTION_MODE)
  .action(async (opts: { dir: string; attribution: string }) => {
    const ds = await validated(opts.dir, opts.attribution);
    console.log(`seed: OK — ${summarize(ds)}; every quote found verbatim in its document.`);
  });

program
  .command('load')
  .description('validate, apply the schema and load the dataset in one transaction (all or nothing)')
  .option('--dir <dir>', 'seed folder', DEFAULT_SEED_DIR)
  .option('--attribution <mode>', 'the attribution rule: enforce (errors), report (warnings) or off', DEFAULT_ATTRIBUTION_MODE)
  .action(async (opts: { dir: string; attribution: string }) => {
    const ds = await validated(opts.dir, opts.attribution);
    console.log(`seed: valid — ${summarize(ds)}`);
    const conn = await ensureNeo4j(process.env, { log: (line) => console.error(line) });
    const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password));
    try {
      const schemaStatements = await applySchema(driver, process.env.NEO4J_DATABASE);
      console.log(`seed: schema applied (${schemaStatements} statements)`);
      const rows = toGraphRows(ds);
      const total = rows.sources.length + rows.entities.length + rows.claims.length + rows.entityRelations.length
        + rows.claimEntityRelations.length + rows.claimSourceRelations.length + rows.sourceRelations.length;
      const bar = new cliProgress.SingleBar(
        { format: 'seed: {bar} {value}/{total} rows | {step}', noTTYOutput: true, notTTYSchedule: 2000 },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { step: 'prune' });
      const counts = await loadDataset(driver, rows, {
        database: process.env.NEO4J_DATABASE,
        onStep: (step) => bar.increment(step.rows, { step: step.name }),
      });
      bar.stop();
      console.log('seed: loaded in one transaction.');
      printCounts(counts);
    } finally {
      await driver.close();
    }
  });

await program.parseAsync();
