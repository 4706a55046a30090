/**
 * Brings a stored benchmark graph's name-lookup data up to the current code without
 * regenerating it (a 1M-entity import takes half an hour of both cores): the curated seed is
 * replaced by the given one (batched MERGE, the synthetic part untouched), every entity's
 * `lookupKeys` is recomputed from its own name fields by src/resolution/lookupKeys.ts, the
 * retired `nameKeys` property goes, and cypher/schema is applied again (it drops the retired
 * index and builds `entity_lookup_keys` once, after the writes). Bench tooling: Cypher inline.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { lookupKeys } from '../../src/resolution/index.js';
import { applySchema, loadRowsBatched, toGraphRows, type Dataset } from '../../src/seed/index.js';

const BATCH = 10_000;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export async function refreshLookupKeys(driver: Driver, seed: Dataset, log: (line: string) => void = () => {}): Promise<void> {
  const t0 = performance.now();
  const rows = toGraphRows(seed);
  const seedIds = rows.entities.map((e) => e.id);
  // Curated entities that left the seed since the store was built (synthetic ids start with syn-).
  const gone = await driver.executeQuery(
    "MATCH (n:Entity) WHERE NOT n.id STARTS WITH 'syn-' AND NOT n.id IN $ids DETACH DELETE n RETURN count(*) AS n",
    { ids: seedIds },
  );
  log(`refresh: ${Number(gone.records[0]?.get('n') ?? 0)} curated entities no longer in the seed removed; loading the seed (${seedIds.length} entities)`);
  // The index is rebuilt after the writes (one population instead of a million updates).
  await driver.executeQuery('DROP INDEX entity_lookup_keys IF EXISTS');
  await driver.executeQuery('DROP INDEX entity_name_keys_exact IF EXISTS');
  await loadRowsBatched(driver, rows);

  let after = '';
  let done = 0;
  for (;;) {
    const batch = await driver.executeQuery(
      `MATCH (n:Entity) WHERE n.id > $after
       RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.commonNames AS commonNames, n.roles AS roles,
              n.description AS description, n.unnamed AS unnamed
       ORDER BY n.id LIMIT $limit`,
      { after, limit: neo4j.int(BATCH) },
      { routing: neo4j.routing.READ },
    );
    if (batch.records.length === 0) break;
    const updates = batch.records.map((r) => ({
      id: r.get('id') as string,
      keys: lookupKeys({
        name: r.get('name') as string, aliases: strings(r.get('aliases')), commonNames: strings(r.get('commonNames')),
        roles: strings(r.get('roles')), description: (r.get('description') as string | null) ?? null, unnamed: r.get('unnamed') === true,
      }),
    }));
    await driver.executeQuery(
      'UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n.lookupKeys = row.keys, n.commonNames = coalesce(n.commonNames, []) REMOVE n.nameKeys',
      { rows: updates },
    );
    done += updates.length;
    after = updates.at(-1)!.id;
    if (done % 100_000 < BATCH) log(`refresh: lookup keys of ${done.toLocaleString('en')} entities written`);
  }
  log(`refresh: ${done.toLocaleString('en')} entities' lookup keys written; applying cypher/schema (builds entity_lookup_keys)`);
  await applySchema(driver, undefined, 3600);
  log(`refresh: done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
