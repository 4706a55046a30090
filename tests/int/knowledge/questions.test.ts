/**
 * The questions users bring, asked of the loaded graph in Cypher: each answer must be the right
 * relationship, with the document and the verbatim quote that states it, and the right hedge.
 * (The same questions through the GraphQL API are in tests/int/api/.)
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDriver } from '../../support/testNeo4j.js';

let driver: Driver;
beforeAll(() => {
  driver = openTestDriver();
});
afterAll(async () => {
  await driver.close();
});

type Row = Record<string, unknown>;
async function rows(cypher: string, params: Row = {}): Promise<Row[]> {
  const res = await driver.executeQuery(cypher, params, { routing: 'READ' });
  return res.records.map((r) => {
    const o = r.toObject() as Row;
    for (const [k, v] of Object.entries(o)) if (typeof v === 'object' && v !== null && 'low' in v && 'high' in v) o[k] = Number(v);
    return o;
  });
}

/** Relationships of one type from or to an entity, with their citations. */
async function links(type: string, id: string, direction: 'out' | 'in'): Promise<Row[]> {
  const pattern = direction === 'out' ? '(n:Entity {id: $id})-[r]->(o)' : '(n:Entity {id: $id})<-[r]-(o)';
  return rows(
    `MATCH ${pattern} WHERE type(r) = $type
     RETURN o.id AS other, r.date AS date, r.certainty AS certainty, r.claimedBy AS claimedBy, r.event AS event,
            r.citationSources AS sources, r.citationQuotes AS quotes ORDER BY other`,
    { id, type },
  );
}

describe('questions the graph answers, with the sentence that says so', () => {
  it('where and when Mohammad Kanjo Hassan was captured — reported, not stated', async () => {
    const captured = await links('CAPTURED_IN', 'mohammad-kanjo-hassan', 'out');
    expect(captured).toEqual([expect.objectContaining({ other: 'khirbet-al-mazah', date: '2024-12-26', certainty: 'reported', sources: ['doc-001'] })]);
    expect((captured[0]!.quotes as string[])[0]).toContain('was reportedly captured in Khirbet al-Ma');
    // The government's own announcement of the arrest is a separate, claimed link.
    const arrested = await links('ARRESTED', 'mohammad-kanjo-hassan', 'in');
    expect(arrested).toEqual([expect.objectContaining({ other: 'syrian-transitional-government', date: '2024-12-26' })]);
  });

  it('who ambushed the General Security Service at Khirbet al-Ma’zah, and whose loyalists they were', async () => {
    const ambushers = await rows(
      `MATCH (a:Entity)-[r:AMBUSHED]->(:Group {id: 'general-security-service'})
       WHERE r.event = 'khirbet-al-mazah-ambush-2024-12-25'
       OPTIONAL MATCH (a)-[:LOYAL_TO]->(boss:Person)
       OPTIONAL MATCH (a)-[:LED_BY]->(leader:Person)
       RETURN a.id AS ambusher, r.certainty AS certainty, r.claimedBy AS claimedBy, boss.id AS loyalTo,
              leader.id AS ledBy, r.citationQuotes AS quotes ORDER BY ambusher`,
    );
    expect(ambushers).toEqual(expect.arrayContaining([
      expect.objectContaining({ ambusher: 'kanjo-hassan-loyalists', certainty: 'reported', claimedBy: 'sohr', loyalTo: 'mohammad-kanjo-hassan' }),
      expect.objectContaining({ ambusher: 'suhayl-al-hasan-loyalists', certainty: 'reported', claimedBy: 'sohr', loyalTo: 'suhayl-al-hasan' }),
      expect.objectContaining({ ambusher: 'khirbet-al-mazah-militants', certainty: 'stated', ledBy: 'kanjo-hassan-brother' }),
    ]));
    const sohr = ambushers.find((a) => a.ambusher === 'kanjo-hassan-loyalists')!;
    expect((sohr.quotes as string[]).join(' ')).toMatch(/According to SOHR/);
    // The unnamed brother is an entity, described as the text identifies him.
    const brother = await rows(`MATCH (b:Person {id: 'kanjo-hassan-brother'})-[:RELATIVE_OF]-(:Person {id: 'mohammad-kanjo-hassan'}) RETURN b.name AS name, b.unnamed AS unnamed`);
    expect(brother).toEqual([{ name: expect.stringMatching(/brother/i), unnamed: true }]);
  });

  it('which group claimed the killings in Arzah — by its own statement', async () => {
    const claims = await rows(
      `MATCH (g:Group)-[r:CLAIMED_RESPONSIBILITY_FOR]->(e:Event)-[:OCCURRED_IN]->(:Place {id: 'arzah'})
       RETURN g.id AS group, e.id AS event, r.certainty AS certainty, r.claimedBy AS claimedBy, r.citationQuotes AS quotes`,
    );
    expect(claims).toEqual([expect.objectContaining({ group: 'saraya-ansar-al-sunnah', certainty: 'claimed', claimedBy: 'saraya-ansar-al-sunnah' })]);
    expect((claims[0]!.quotes as string[]).join(' ')).toContain('attacked the town of Arzah');
  });

  it('whom Bassam Nasir al-Din kidnapped, and what became of him', async () => {
    expect((await links('KIDNAPPED', 'bassam-nasir-al-din', 'out')).map((r) => r.other)).toEqual(['military-operations-command']);
    const fate = await rows(
      `MATCH (:Person {id: 'bassam-nasir-al-din'})-[p:PARTICIPATED_IN]->(e:Event)
       RETURN e.id AS event, e.subEventType AS subType, p.role AS role, e.start AS date ORDER BY event`,
    );
    expect(fate).toEqual(expect.arrayContaining([
      expect.objectContaining({ event: 'bassam-nasir-al-din-hostage-taking-2025-01-14', role: 'perpetrator', date: '2025-01-14' }),
      expect.objectContaining({ event: 'bassam-nasir-al-din-suicide-bombing-2025-01-14', subType: 'Suicide bomb', role: 'perpetrator' }),
    ]));
    // The hostages were rescued by HTS.
    const rescued = await rows(`MATCH (:Group {id: 'hts'})-[r:RESCUED]->(o) RETURN o.id AS other, r.date AS date`);
    expect(rescued.map((r) => r.other)).toContain('military-operations-command');
  });

  // doc-002: "Latakia's province director said that an armed pro-Assad group, affiliated with Suhayl
  // al-Hasan …": "X said" is `reported` with claimedBy X under the attribution rule (seed/README.md).
  it('whom the armed pro-Assad group behind the March 2025 attack was affiliated with — as the province director said', async () => {
    const affiliated = await rows(
      `MATCH (g:Group)-[:PARTICIPATED_IN {role: 'perpetrator'}]->(:Event {id: 'jableh-attack-2025-03-06'})
       MATCH (g)-[r:AFFILIATED_WITH]->(p)
       RETURN g.id AS group, p.id AS affiliatedWith, r.certainty AS certainty, r.claimedBy AS claimedBy`,
    );
    expect(affiliated).toEqual([expect.objectContaining({ affiliatedWith: 'suhayl-al-hasan', certainty: 'reported', claimedBy: 'latakia-province-director' })]);
    const council = await rows(
      `MATCH (:Group {id: 'military-council-for-the-liberation-of-syria'})-[r:PART_OF]->(g {id: $g}) RETURN r.certainty AS certainty`,
      { g: affiliated[0]!.group },
    );
    expect(council).toEqual([{ certainty: 'reported' }]);
  });

  it('where Alawite civilians fled', async () => {
    const fled = await links('FLED_TO', 'alawites', 'out');
    expect(fled).toEqual([expect.objectContaining({ other: 'khmeimim-air-base', sources: ['doc-002'] })]);
    const base = await rows(`MATCH (:Place {id: 'khmeimim-air-base'})-[:LOCATED_IN*1..3]->(p:Place) RETURN collect(p.id) AS parents`);
    expect(base[0]!.parents).toContain('latakia-governorate');
  });

  it('which casualty figures SOHR reported in each document, side by side and never merged', async () => {
    const figures = await rows(
      `MATCH (c:Claim {measure: 'killed', victims: 'civilians'})-[:CLAIMED_BY]->(:Group {id: 'sohr'})
       MATCH (c)-[:REPORTED_IN]->(s:Source)
       RETURN s.id AS source, c.value AS value, c.qualifier AS qualifier, c.asOf AS asOf ORDER BY source, value`,
    );
    const bySource = (id: string) => figures.filter((f) => f.source === id).map((f) => f.value);
    expect(bySource('doc-000')).toEqual(expect.arrayContaining([2005, 1897]));
    expect(bySource('doc-001')).toEqual(expect.arrayContaining([344, 147]));
    expect(bySource('doc-002')).toContain(500);
    // The later revision's figure is attributed to the later revision only.
    expect(bySource('doc-001')).not.toContain(2005);
    expect(figures.find((f) => f.value === 2005)).toMatchObject({ qualifier: 'more_than' });
  });

  it('keeps both words for the government: transitional in one revision, caretaker in the other', async () => {
    const gov = await rows(`MATCH (g:Group {id: 'syrian-transitional-government'}) RETURN g.aliases AS aliases, g.citationSources AS sources, g.citationQuotes AS quotes`);
    const { aliases, sources, quotes } = gov[0]! as { aliases: string[]; sources: string[]; quotes: string[] };
    expect(aliases.join(' | ')).toMatch(/caretaker/i);
    const quoteFrom = (doc: string) => quotes.filter((_, i) => sources[i] === doc).join(' ');
    expect(quoteFrom('doc-000')).toMatch(/caretaker/);
    expect(quoteFrom('doc-001')).toMatch(/transitional/);
  });

  it('marks an uncertain identity as POSSIBLY_SAME_AS with the reason, instead of merging', async () => {
    const same = await rows(
      `MATCH (:Person {id: 'bassam-hussam-al-din'})-[r:POSSIBLY_SAME_AS]-(:Person {id: 'bassam-nasir-al-din'}) RETURN r.note AS note`,
    );
    expect(same).toHaveLength(1);
    expect(String(same[0]!.note).length).toBeGreaterThan(20);
  });

  it('places every event inside its governorate through the place hierarchy', async () => {
    const inLatakia = await rows(
      `MATCH (e:Event)-[:OCCURRED_IN]->(:Place)-[:LOCATED_IN*0..4]->(:Place {id: 'latakia-governorate'}) RETURN collect(DISTINCT e.id) AS ids`,
    );
    expect(inLatakia[0]!.ids).toEqual(expect.arrayContaining(['jableh-attack-2025-03-06', 'bassam-nasir-al-din-hostage-taking-2025-01-14']));
  });
});
