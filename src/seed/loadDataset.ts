/**
 * Writes graph rows into Neo4j. Two paths share the same Cypher:
 * - `loadDataset`: the curated seed, replaced all-or-nothing in ONE write transaction (prune what
 *   left the files, MERGE the rest on ids), so a failure leaves the previous graph intact and a
 *   second load changes nothing.
 * - `loadRowsBatched`: large generated graphs, MERGEd in batches of independent transactions; a
 *   load interrupted at any point converges when run again, because every write is a MERGE on id.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { seedCypher } from './seedCypher.js';
import type { GraphRows, Props, RelationRow } from './toGraphRows.js';
import { ENTITY_LABELS, RELATION_TYPE_NAMES } from './vocabulary.js';

/** One unit of loader work, for progress reporting. */
export interface LoadStep {
  name: string;
  rows: number;
}

export interface LoadOptions {
  /** Called after each step with how many rows it wrote. */
  onStep?: (step: LoadStep) => void;
  /** Rows sent per UNWIND statement. */
  batchSize?: number;
  /** Test hook: runs inside the transaction after all writes, before commit (e.g. to inject a failure). */
  beforeCommit?: (tx: ManagedTransaction) => Promise<void>;
  /** Neo4j database name; undefined means the server default. */
  database?: string | undefined;
}

export interface Counts {
  labels: Record<string, number>;
  types: Record<string, number>;
}

const STRUCTURAL_TYPES = new Set(['ABOUT', 'CLAIMED_BY', 'REPORTED_IN', 'REVISION_OF']);

/** Labels and relationship types reach Cypher only when they are in the whitelist. */
function assertWhitelisted(rows: GraphRows): void {
  const labels: readonly string[] = ENTITY_LABELS;
  for (const e of rows.entities) {
    if (!labels.includes(e.label)) throw new Error(`entity ${e.id}: label ${e.label} is not whitelisted`);
  }
  const types: readonly string[] = RELATION_TYPE_NAMES;
  for (const r of rows.entityRelations) {
    if (!types.includes(r.type)) throw new Error(`relation ${r.id}: type ${r.type} is not whitelisted`);
  }
  for (const r of [...rows.claimEntityRelations, ...rows.claimSourceRelations, ...rows.sourceRelations]) {
    if (!STRUCTURAL_TYPES.has(r.type)) throw new Error(`relation ${r.id}: type ${r.type} is not whitelisted`);
  }
}

function* chunks<T>(list: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}

/**
 * A row without its empty-list properties: an empty list is not stored, so the bulk importer
 * (which cannot write one) and this loader build the same graph; readers take absent as empty.
 */
function withoutEmptyLists<T extends { props?: Props }>(row: T): T {
  // Relationship rows of some kinds carry no properties at all.
  if (row.props === undefined || row.props === null || !Object.values(row.props).some((v) => Array.isArray(v) && v.length === 0)) return row;
  return { ...row, props: Object.fromEntries(Object.entries(row.props).filter(([, v]) => !(Array.isArray(v) && v.length === 0))) };
}

/** The MERGE steps in dependency order: nodes before the relationships between them. */
function mergeSteps(all: GraphRows): { name: string; query: string; rows: readonly unknown[] }[] {
  // Only the row lists: a caller's chunk may carry more (the generator adds `entityRange`).
  const rows: GraphRows = {
    sources: all.sources.map(withoutEmptyLists), entities: all.entities.map(withoutEmptyLists), claims: all.claims.map(withoutEmptyLists),
    entityRelations: all.entityRelations.map(withoutEmptyLists), claimEntityRelations: all.claimEntityRelations.map(withoutEmptyLists),
    claimSourceRelations: all.claimSourceRelations.map(withoutEmptyLists), sourceRelations: all.sourceRelations.map(withoutEmptyLists),
  };
  return [
    { name: 'sources', query: seedCypher.mergeSources, rows: rows.sources },
    { name: 'entities', query: seedCypher.mergeEntities, rows: rows.entities },
    { name: 'claims', query: seedCypher.mergeClaims, rows: rows.claims },
    { name: 'source relations', query: seedCypher.mergeSourceRelations, rows: rows.sourceRelations },
    { name: 'entity relations', query: seedCypher.mergeEntityRelations, rows: rows.entityRelations },
    { name: 'claim relations', query: seedCypher.mergeClaimEntityRelations, rows: rows.claimEntityRelations },
    { name: 'claim sources', query: seedCypher.mergeClaimSourceRelations, rows: rows.claimSourceRelations },
  ];
}

/** Replaces the seed-managed graph with `rows` in one transaction: all or nothing. */
export async function loadDataset(driver: Driver, rows: GraphRows, opts: LoadOptions = {}): Promise<Counts> {
  assertWhitelisted(rows);
  const batchSize = opts.batchSize ?? 500;
  const session = driver.session({ database: opts.database, defaultAccessMode: 'WRITE' });
  try {
    await session.executeWrite(
      async (tx) => {
        const allRelations: RelationRow[] = [
          ...rows.entityRelations, ...rows.claimEntityRelations, ...rows.claimSourceRelations, ...rows.sourceRelations,
        ];
        await tx.run(seedCypher.pruneNodes, {
          entityIds: rows.entities.map((e) => e.id),
          sourceIds: rows.sources.map((s) => s.id),
          claimIds: rows.claims.map((c) => c.id),
        });
        await tx.run(seedCypher.pruneRelationships, {
          wanted: Object.fromEntries(allRelations.map((r) => [r.id, { type: r.type, from: r.from, to: r.to }])),
        });
        opts.onStep?.({ name: 'prune', rows: 0 });
        for (const step of mergeSteps(rows)) {
          for (const batch of chunks(step.rows, batchSize)) await tx.run(step.query, { rows: batch });
          opts.onStep?.({ name: step.name, rows: step.rows.length });
        }
        await tx.run(seedCypher.bumpGraphVersion); // commits, or rolls back, with the data
        if (opts.beforeCommit) await opts.beforeCommit(tx);
      },
      { metadata: { app: 'clashgraph', operation: 'seed.load' } },
    );
  } finally {
    await session.close();
  }
  return countGraph(driver, opts.database);
}

/**
 * MERGEs rows in batches, each its own transaction (for generated graphs too large for one).
 * Nothing is pruned. Interrupted at any point, running it again converges to the same graph.
 */
export async function loadRowsBatched(driver: Driver, rows: GraphRows, opts: LoadOptions = {}): Promise<void> {
  assertWhitelisted(rows);
  const batchSize = opts.batchSize ?? 5_000;
  const session = driver.session({ database: opts.database, defaultAccessMode: 'WRITE' });
  try {
    for (const step of mergeSteps(rows)) {
      for (const batch of chunks(step.rows, batchSize)) {
        await session.executeWrite(async (tx) => {
          await tx.run(step.query, { rows: batch });
          await tx.run(seedCypher.bumpGraphVersion); // each batch is a commit a cached answer must not outlive
        }, {
          metadata: { app: 'clashgraph', operation: `seed.batch.${step.name}` },
        });
        opts.onStep?.({ name: step.name, rows: batch.length });
      }
    }
  } finally {
    await session.close();
  }
}

/** Bumps the graph's version in a transaction of its own (after a load that wrote without one, e.g. neo4j-admin). */
export async function bumpGraphVersion(driver: Driver, database?: string): Promise<number> {
  const result = await driver.executeQuery(seedCypher.bumpGraphVersion, {}, { database, routing: 'WRITE' });
  return Number(result.records[0]?.get('version'));
}

/** How many :Entity nodes there are (count store: constant time at any size). */
export async function countEntities(driver: Driver, database?: string): Promise<number> {
  const result = await driver.executeQuery(seedCypher.entityCount, {}, { database, routing: 'READ' });
  return Number(result.records[0]?.get('count') ?? 0);
}

/** Node counts by label and relationship counts by type (reads every node and relationship). */
export async function countGraph(driver: Driver, database?: string): Promise<Counts> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const result = await session.executeRead((tx) => tx.run(seedCypher.counts), {
      metadata: { app: 'clashgraph', operation: 'seed.counts' },
    });
    const counts: Counts = { labels: {}, types: {} };
    for (const rec of result.records) {
      const bucket = rec.get('what') === 'label' ? counts.labels : counts.types;
      bucket[rec.get('name') as string] = Number(rec.get('count'));
    }
    return counts;
  } finally {
    await session.close();
  }
}
