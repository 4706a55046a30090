/**
 * The loader against the real test Neo4j: idempotent, prunes removed entries, all-or-nothing.
 * Every test leaves the full curated seed loaded again, because later files query it.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  graphChecksum, loadDataset, readDataset, toGraphRows, type Dataset, type GraphRows,
} from '../../../src/seed/index.js';
import { openTestDriver } from '../../support/testNeo4j.js';

let driver: Driver;
let dataset: Dataset;
let rows: GraphRows;

beforeAll(async () => {
  driver = openTestDriver();
  dataset = await readDataset();
  rows = toGraphRows(dataset);
  await loadDataset(driver, rows);
});

afterAll(async () => {
  await loadDataset(driver, rows); // whatever happened above, leave the real seed in place
  await driver.close();
});

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const res = await driver.executeQuery(cypher, params, { routing: 'READ' });
  return Number(res.records[0]?.get(0));
}

describe('loading the curated seed', () => {
  it('is idempotent: a second load gives identical counts and content', async () => {
    const before = await graphChecksum(driver);
    const counts = await loadDataset(driver, rows);
    const after = await graphChecksum(driver);
    expect(after).toEqual(before);
    expect(counts.labels.Entity).toBe(rows.entities.length);
    expect(counts.labels.Claim ?? 0).toBe(rows.claims.length);
    expect(counts.labels.Source).toBe(5);
    const relTotal = Object.values(counts.types).reduce((a, b) => a + b, 0);
    expect(relTotal).toBe(
      rows.entityRelations.length + rows.claimEntityRelations.length + rows.claimSourceRelations.length + rows.sourceRelations.length,
    );
  });

  it('puts a source and a verbatim quote on every node and relationship it manages', async () => {
    expect(await count('MATCH (n) WHERE (n:Entity OR n:Claim) AND size(coalesce(n.citationQuotes, [])) = 0 RETURN count(n)')).toBe(0);
    expect(await count(`MATCH (a)-[r]->() WHERE type(r) <> 'REVISION_OF'
      AND (size(coalesce(r.citationQuotes, [])) = 0 OR size(r.citationQuotes) <> size(r.citationSources)) RETURN count(r)`)).toBe(0);
    const quote = await driver.executeQuery(
      'MATCH (n:Entity) WHERE size(n.citationQuotes) > 0 WITH n LIMIT 1 MATCH (s:Source {id: n.citationSources[0]}) RETURN n.citationQuotes[0] AS q, s.text AS text',
      {}, { routing: 'READ' },
    );
    const q = quote.records[0]!.get('q') as string;
    const text = (quote.records[0]!.get('text') as string).replace(/\s+/g, ' ');
    expect(text).toContain(q.replace(/\s+/g, ' ').trim());
  });

  it('removes an entry deleted from the files on the next load, and its relationships with it', async () => {
    const victim = rows.entities.find((e) => rows.entityRelations.some((r) => r.from === e.id || r.to === e.id))!;
    const attached = rows.entityRelations.filter((r) => r.from === victim.id || r.to === victim.id);
    const relation = rows.entityRelations.find((r) => r.from !== victim.id && r.to !== victim.id)!;
    const smaller: GraphRows = {
      ...rows,
      entities: rows.entities.filter((e) => e.id !== victim.id),
      entityRelations: rows.entityRelations.filter((r) => !attached.includes(r) && r !== relation),
      claimEntityRelations: rows.claimEntityRelations.filter((r) => r.to !== victim.id),
    };
    await loadDataset(driver, smaller);
    expect(await count('MATCH (n:Entity {id: $id}) RETURN count(n)', { id: victim.id })).toBe(0);
    expect(await count('MATCH ()-[r]->() WHERE r.id = $id RETURN count(r)', { id: relation.id })).toBe(0);
    expect(await count('MATCH (n:Entity) RETURN count(n)')).toBe(rows.entities.length - 1);

    await loadDataset(driver, rows);
    expect(await count('MATCH (n:Entity {id: $id}) RETURN count(n)', { id: victim.id })).toBe(1);
    expect(await count('MATCH ()-[r]->() WHERE r.id = $id RETURN count(r)', { id: relation.id })).toBe(1);
  });

  it('moves a relationship whose endpoint changed instead of keeping both', async () => {
    const rel = rows.entityRelations.find((r) => r.type === 'LOCATED_IN')!;
    const otherPlace = rows.entities.find((e) => e.label === 'Place' && e.id !== rel.from && e.id !== rel.to)!;
    const moved: GraphRows = { ...rows, entityRelations: rows.entityRelations.map((r) => (r === rel ? { ...r, to: otherPlace.id } : r)) };
    await loadDataset(driver, moved);
    const ends = await driver.executeQuery('MATCH (a)-[r {id: $id}]->(b) RETURN a.id AS a, b.id AS b', { id: rel.id }, { routing: 'READ' });
    expect(ends.records.map((r) => [r.get('a'), r.get('b')])).toEqual([[rel.from, otherPlace.id]]);
    await loadDataset(driver, rows);
  });

  it('is all-or-nothing: a database error late in the load leaves the previous graph intact', async () => {
    const before = await graphChecksum(driver);
    const changed: GraphRows = {
      ...rows,
      entities: rows.entities.slice(1).map((e) => ({ ...e, props: { ...e.props, name: `${String(e.props.name)} (changed)` } })),
    };
    // A real Neo4j error (division by zero) raised after every write of the load has run.
    await expect(
      loadDataset(driver, changed, { beforeCommit: async (tx) => { await tx.run('RETURN 1 / 0'); } }),
    ).rejects.toThrow(/by zero/i);
    expect(await graphChecksum(driver)).toEqual(before);
  });

  it('rejects a relationship type outside the whitelist before touching the database', async () => {
    const before = await graphChecksum(driver);
    const evil: GraphRows = {
      ...rows,
      entityRelations: [...rows.entityRelations, { ...rows.entityRelations[0]!, id: 'evil', type: 'X]->() DETACH DELETE (n) //' }],
    };
    await expect(loadDataset(driver, evil)).rejects.toThrow(/not whitelisted/);
    expect(await graphChecksum(driver)).toEqual(before);
  });

  it('keeps both sides of a disagreement between documents', async () => {
    // Sources disagree on the civilian death toll; both figures must be in the graph, each with its document.
    const res = await driver.executeQuery(
      `MATCH (c:Claim {measure: 'killed', victims: 'civilians'})-[:REPORTED_IN]->(s:Source)
       WHERE s.id IN ['doc-000', 'doc-001'] AND c.value IN [344, 2005]
       RETURN DISTINCT s.id AS source, c.value AS value ORDER BY source`,
      {}, { routing: 'READ' },
    );
    expect(res.records.map((r) => [r.get('source'), Number(r.get('value'))])).toEqual([['doc-000', 2005], ['doc-001', 344]]);
  });
});
