/**
 * Brings a stored benchmark graph's name-lookup data up to the current code without
 * regenerating it (a 1M-entity import takes half an hour of both cores): the curated seed is
 * replaced by the given one (batched MERGE, the synthetic part untouched), every entity's
 * `lookupKeys` is recomputed from its own name fields (and the number of documents it is known
 * in) by src/resolution/lookupKeys.ts and written where it differs, the retired `nameKeys`
 * property goes, and cypher/schema is applied again. When many entities change, the index is
 * dropped first and built once after the writes (one population instead of a million updates);
 * when few do (a change that touches only documented entities), it is updated in place.
 * Bench tooling: Cypher inline.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { lookupKeys } from '../../src/resolution/index.js';
import { applySchema, loadRowsBatched, toGraphRows, type Dataset } from '../../src/seed/index.js';

const BATCH = 10_000;
/** Above this share of entities to rewrite, dropping and rebuilding the index is cheaper. */
const REBUILD_SHARE = 0.05;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export async function refreshLookupKeys(driver: Driver, seed: Dataset, log: (line: string) => void = () => {}): Promise<void> {
  const t0 = performance.now();
  const rows = toGraphRows(seed);
  const seedIds = new Set(rows.entities.map((e) => e.id));
  // Curated entities that left the seed since the store was built (synthetic ids start with syn-).
  const gone = await driver.executeQuery(
    "MATCH (n:Entity) WHERE NOT n.id STARTS WITH 'syn-' AND NOT n.id IN $ids DETACH DELETE n RETURN count(*) AS n",
    { ids: [...seedIds] },
  );
  log(`refresh: ${Number(gone.records[0]?.get('n') ?? 0)} curated entities no longer in the seed removed; computing every entity's lookup keys`);

  // The curated seed is loaded whole below (with current keys); every other entity keeps its
  // keys unless the current code computes others.
  const updates: { id: string; keys: string[] }[] = [];
  let after = '';
  let seen = 0;
  for (;;) {
    const batch = await driver.executeQuery(
      `MATCH (n:Entity) WHERE n.id > $after
       RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.commonNames AS commonNames, n.roles AS roles,
              n.description AS description, n.unnamed AS unnamed, size(coalesce(n.knownIn, [])) AS documents,
              n.lookupKeys AS stored, n.nameKeys IS NOT NULL AS legacy
       ORDER BY n.id LIMIT $limit`,
      { after, limit: neo4j.int(BATCH) },
      { routing: neo4j.routing.READ },
    );
    if (batch.records.length === 0) break;
    for (const r of batch.records) {
      const id = r.get('id') as string;
      if (seedIds.has(id)) continue;
      const keys = lookupKeys({
        name: r.get('name') as string, aliases: strings(r.get('aliases')), commonNames: strings(r.get('commonNames')),
        roles: strings(r.get('roles')), description: (r.get('description') as string | null) ?? null, unnamed: r.get('unnamed') === true,
        documents: Number(r.get('documents')),
      });
      const stored = new Set(strings(r.get('stored')));
      if (r.get('legacy') === true || stored.size !== keys.length || keys.some((k) => !stored.has(k))) updates.push({ id, keys });
    }
    seen += batch.records.length;
    after = batch.records.at(-1)!.get('id') as string;
    if (seen % 100_000 < BATCH) log(`refresh: ${seen.toLocaleString('en')} entities read, ${updates.length.toLocaleString('en')} with other keys`);
  }
  const rebuild = updates.length > REBUILD_SHARE * seen;
  log(`refresh: ${updates.length.toLocaleString('en')} of ${seen.toLocaleString('en')} entities get new keys, plus the seed's ${seedIds.size}; ${rebuild ? 'dropping the index to build it once after the writes' : 'updating the index in place'}`);
  if (rebuild) await driver.executeQuery('DROP INDEX entity_lookup_keys IF EXISTS');
  await driver.executeQuery('DROP INDEX entity_name_keys_exact IF EXISTS');
  await loadRowsBatched(driver, rows);
  for (let at = 0; at < updates.length; at += BATCH) {
    await driver.executeQuery(
      'UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n.lookupKeys = row.keys, n.commonNames = coalesce(n.commonNames, []) REMOVE n.nameKeys',
      { rows: updates.slice(at, at + BATCH) },
    );
    if ((at / BATCH) % 10 === 9) log(`refresh: lookup keys of ${(at + BATCH).toLocaleString('en')} entities written`);
  }
  log('refresh: applying cypher/schema (builds entity_lookup_keys if it was dropped)');
  await applySchema(driver, undefined, 3600);
  log(`refresh: done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
