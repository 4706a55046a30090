/**
 * The analyst view against the real seed: `asOf` (as known on a date: only documents that can
 * have been out by then — a document counts from the earliest day its text allows, `notBefore` or
 * the first day of its `asOf` — a fact stated by several counting from the earliest), `sources`
 * (what some documents say), `source(id:)` and `figureHistory` (SOHR's "more than 344" in the
 * earlier revision of the Wikipedia article, "more than 2005" in the later one). Expectations are
 * worked out here from the seed files themselves (their citations and sources.yaml dates), not
 * from the loader's knownIn/knownFrom.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset, toGraphRows } from '../../../src/seed/index.js';
import type { GraphRows } from '../../../src/seed/toGraphRows.js';
import { codes, startApi, type Api } from './apiHarness.js';

let api: Api;
let rows: GraphRows;
/** Document id → the day it counts from: notBefore, else the first day its asOf covers. */
const day = new Map<string, string>();

const firstDay = (asOf: string) => {
  const [y, m, d] = asOf.split('-');
  return `${y}-${m ?? '01'}-${d ?? '01'}`;
};
const citedBy = (x: { props: Record<string, unknown> }) => (x.props.citationSources as string[]) ?? [];
const knownOn = (sources: string[], date: string) => sources.some((s) => (day.get(s) ?? '9999') <= date);
const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  api = await startApi();
  const ds = await readDataset();
  for (const s of ds.sources) day.set(s.entry.id, s.entry.notBefore ?? firstDay(String(s.entry.asOf)));
  rows = toGraphRows(ds);
});
afterAll(async () => api?.close());

describe('sources carry the day they count from, and how it was inferred', () => {
  it('is notBefore, else the first day of asOf: the two revisions of the article are apart', async () => {
    const data = await api.data('{ sources { id asOf notBefore knownFrom asOfBasis asOfQuotes text revisionOf { id } } }');
    for (const s of data.sources) {
      expect(s.knownFrom, s.id).toBe(day.get(s.id));
      expect(s.asOfBasis, s.id).toBeTruthy();
      expect(s.asOfQuotes.length, s.id).toBeGreaterThan(0);
      for (const q of s.asOfQuotes) expect(s.text.replace(/\s+/g, ' ')).toContain(q);
    }
    const byId = Object.fromEntries(data.sources.map((s: any) => [s.id, s]));
    expect(byId['doc-000'].revisionOf.id).toBe('doc-001');
    // "early March 2025": a month, counted from its latest dated incident, "On 4 March".
    expect(byId['doc-001']).toMatchObject({ asOf: '2025-03', notBefore: '2025-03-04', knownFrom: '2025-03-04' });
    expect(byId['doc-001'].asOfQuotes.some((q: string) => q.startsWith('On 4 March'))).toBe(true);
    // "after March 2025": from the first day of April, no upper bound.
    expect(byId['doc-000']).toMatchObject({ asOf: '2025-04', notBefore: null, knownFrom: '2025-04-01' });
    expect(byId['doc-003'].knownFrom).toBe('2025-03-07');
  });
});

describe('asOf', () => {
  it('lists only the figures of documents published by then', async () => {
    const all = (await api.data('{ claims { id source { id } } }')).claims as { id: string; source: { id: string } }[];
    // On each document's day and the day before it.
    const dates = [...new Set([...day.values()].flatMap((d) => [dayBefore(d), d]))].sort();
    for (const date of dates) {
      const got = (await api.data('query($d: String) { claims(asOf: $d) { id source { id knownFrom } } }', { d: date })).claims;
      const want = all.filter((c) => day.get(c.source.id)! <= date).map((c) => c.id).sort();
      expect(got.map((c: any) => c.id).sort(), date).toEqual(want);
    }
    // Nothing is out before 4 March (doc-001's latest dated incident).
    expect((await api.data('{ claims(asOf: "2025-03-03") { id } }')).claims).toEqual([]);
    expect((await api.data('{ claims(asOf: "2025-03-04") { id } }')).claims.length).toBeGreaterThan(0);
  });

  it('separates the two revisions: between them 344+ and not 2,005+, after both both', async () => {
    const q = `query($d: String) { claims(about: "Western Syria clashes", asOf: $d) { value victims measure source { id } } }`;
    const civiliansKilled = async (d: string) => ((await api.data(q, { d })).claims as any[])
      .filter((c) => c.measure === 'killed' && c.victims === 'civilians').map((c) => c.value);
    for (const between of ['2025-03-04', '2025-03-10', '2025-03-31', '2025-03']) {
      const values = await civiliansKilled(between);
      expect(values, between).toContain(344);
      expect(values, between).not.toContain(2005);
    }
    for (const after of ['2025-04-01', '2025-04', '2026']) {
      const values = await civiliansKilled(after);
      expect(values, after).toContain(344);
      expect(values, after).toContain(2005);
    }
    // The series itself: only the earlier revision's figure before April.
    const event = String(rows.entities.find((e) => e.id === rows.claims.find((c) => c.id === 'doc001-sohr-civilians-killed-344')!.props.about)!.props.name);
    const h = 'query($e: String!, $d: String) { figureHistory(event: $e, measure: "killed", victims: "civilians", asOf: $d) { figure source { id } } }';
    const march = (await api.data(h, { e: event, d: '2025-03-31' })).figureHistory.map((c: any) => c.figure);
    expect(march).toContain('more than 344');
    expect(march).not.toContain('more than 2,005');
    const april = (await api.data(h, { e: event, d: '2025-04-01' })).figureHistory.map((c: any) => c.figure);
    expect(april.indexOf('more than 344')).toBeLessThan(april.indexOf('more than 2,005'));
  });

  it('counts events and figures per document date as the seed files say', async () => {
    // An entity is known in the documents citing it or stating one of its links or figures.
    const claimDocs = (c: GraphRows['claims'][number]) => [String(c.props.source), ...citedBy(c)];
    const mentionedIn = (id: string) => [
      ...citedBy(rows.entities.find((e) => e.id === id)!),
      // POSSIBLY_SAME_AS quotes one name from each document: it names neither end in the other.
      ...rows.entityRelations.filter((r) => (r.from === id || r.to === id) && r.type !== 'POSSIBLY_SAME_AS').flatMap(citedBy),
      ...rows.claims.filter((c) => c.props.about === id || c.props.claimedBy === id).flatMap(claimDocs),
    ];
    const counts: Record<string, { events: number; claims: number }> = {};
    for (const date of [...new Set(day.values())].sort()) {
      const data = await api.data('query($d: String) { events(asOf: $d, first: 1) { totalCount } claims(asOf: $d) { id } }', { d: date });
      counts[date] = { events: data.events.totalCount, claims: data.claims.length };
      expect(counts[date], date).toEqual({
        events: rows.entities.filter((e) => e.label === 'Event' && knownOn(mentionedIn(e.id), date)).length,
        claims: rows.claims.filter((c) => knownOn(claimDocs(c), date)).length,
      });
    }
    // Every document adds something: the counts grow from one document date to the next.
    const series = Object.values(counts).map((c) => c.claims);
    for (let i = 1; i < series.length; i++) expect(series[i]!).toBeGreaterThan(series[i - 1]!);
  });

  it('counts a fact stated by several documents from the earliest, and cuts its citations to those', async () => {
    // An entity cited by a March news report and by the later revision of the article.
    const entity = rows.entities.find((e) => citedBy(e).includes('doc-003') && citedBy(e).includes('doc-000') && e.label !== 'Event');
    expect(entity, 'the seed has an entity cited by doc-003 and doc-000').toBeDefined();
    const q = 'query($id: ID!, $d: String) { entityById(id: $id, asOf: $d) { id knownFrom citations { source { id } } } }';
    const early = (await api.data(q, { id: entity!.id, d: '2025-03-31' })).entityById;
    expect(early.knownFrom <= '2025-03-07').toBe(true);
    const earlyDocs = new Set(early.citations.map((c: any) => c.source.id));
    expect(earlyDocs).toEqual(new Set(citedBy(entity!).filter((s) => day.get(s)! <= '2025-03-31')));
    expect(earlyDocs.has('doc-000')).toBe(false);
    const late = (await api.data(q, { id: entity!.id, d: '2025-04-01' })).entityById;
    expect(late.citations.map((c: any) => c.source.id)).toContain('doc-000');
    expect((await api.data(q, { id: entity!.id, d: '2025-03-03' })).entityById).toBeNull();
  });

  it('filters an entity’s relations by the documents stating each link', async () => {
    // The entity with the most links stated by documents of different dates.
    const touching = (id: string) => rows.entityRelations.filter((r) => r.from === id || r.to === id);
    const candidates = rows.entities
      .map((e) => ({ id: e.id, links: touching(e.id) }))
      .filter((c) => c.links.some((r) => knownOn(citedBy(r), '2025-03-10')) && c.links.some((r) => !knownOn(citedBy(r), '2025-03-10')))
      .sort((a, b) => b.links.length - a.links.length);
    const { id, links } = candidates[0]!;
    const q = 'query($id: ID!, $d: String) { entityById(id: $id) { relations(asOf: $d, first: 500) { id knownFrom citations { source { id } } } } }';
    for (const date of ['2025-03-05', '2025-03-08', '2025-03-10', '2025-04-01']) {
      const got = (await api.data(q, { id, d: date })).entityById.relations;
      expect(got.map((r: any) => r.id).sort(), `${id} as of ${date}`).toEqual(links.filter((r) => knownOn(citedBy(r), date)).map((r) => r.id).sort());
      for (const r of got) {
        expect(r.knownFrom <= date).toBe(true);
        for (const c of r.citations) expect(day.get(c.source.id)! <= date).toBe(true);
      }
    }
  });

  it('hands the view down: nested relations and citations answer as of the same day', async () => {
    const data = await api.data(`{ events(asOf: "2025-03-08", first: 30) { totalCount edges { node {
      id knownFrom citations { source { id } } relations(first: 30) { citations { source { id } } other { citations { source { id } } } }
    } } } }`);
    expect(data.events.totalCount).toBeGreaterThan(0);
    const full = (await api.data('{ events(first: 1) { totalCount } }')).events.totalCount;
    expect(data.events.totalCount).toBeLessThan(full);
    for (const { node } of data.events.edges) {
      expect(node.knownFrom <= '2025-03-08').toBe(true);
      const cites = [...node.citations, ...node.relations.flatMap((r: any) => [...r.citations, ...r.other.citations])];
      for (const c of cites) expect(['doc-001', 'doc-002', 'doc-003']).toContain(c.source.id);
    }
  });

  it('keeps neighbourhood and paths to links known by then', async () => {
    const sub = (await api.data(`{ neighbourhood(name: "Latakia", asOf: "2025-03-07", depth: 2) {
      nodes { id name distance } edges { id citations { source { id } } } } }`)).neighbourhood;
    expect(sub.edges.length).toBeGreaterThan(0);
    for (const e of sub.edges) {
      const row = rows.entityRelations.find((r) => r.id === e.id)!;
      expect(knownOn(citedBy(row), '2025-03-07'), e.id).toBe(true);
      for (const c of e.citations) expect(day.get(c.source.id)! <= '2025-03-07').toBe(true);
    }
    const fullSub = (await api.data('{ neighbourhood(name: "Latakia", depth: 2) { edges { id } } }')).neighbourhood;
    expect(fullSub.edges.length).toBeGreaterThan(sub.edges.length);

    const far = sub.nodes.find((n: any) => n.distance === 2);
    const paths = (await api.data(`query($to: String!) { paths(from: "Latakia", to: $to, asOf: "2025-03-07", maxHops: 3) {
      steps { linkIds citations { source { id } } } } }`, { to: far.name })).paths;
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      for (const s of p.steps) {
        for (const id of s.linkIds) expect(knownOn(citedBy(rows.entityRelations.find((r) => r.id === id)!), '2025-03-07')).toBe(true);
      }
    }
  });

  it('answers NOT_FOUND for a name no document published by then mentions, BAD_USER_INPUT for a bad date', async () => {
    const before = await api.gql('{ entity(name: "Latakia", asOf: "2025-03-03") { id } }');
    expect(codes(before.body)).toEqual(['NOT_FOUND']);
    expect(before.body.errors![0]!.message).toMatch(/not known as of 2025-03-03/);
    expect(codes((await api.gql('{ claims(asOf: "2025-13") { id } }')).body)).toEqual(['BAD_USER_INPUT']);
    expect(codes((await api.gql('{ claims(sources: ["doc-999"]) { id } }')).body)).toEqual(['NOT_FOUND']);
  });
});

describe('what one source says', () => {
  it('source(id:) lists the entities, links, events and figures the document states, in its own view', async () => {
    const data = await api.data(`{ source(id: "doc-003") { id
      entities(first: 500) { id citations { source { id } } }
      events { id startDate }
      relationships(first: 500) { id citations { source { id } } }
      claims { id source { id } citations { source { id } } } } }`);
    const s = data.source;
    const wantRels = rows.entityRelations.filter((r) => citedBy(r).includes('doc-003')).map((r) => r.id).sort();
    expect(s.relationships.map((r: any) => r.id).sort()).toEqual(wantRels.slice(0, 500));
    expect(s.claims.length).toBeGreaterThan(0);
    for (const c of s.claims) expect(c.source.id).toBe('doc-003');
    for (const x of [...s.entities, ...s.relationships, ...s.claims]) for (const c of x.citations) expect(c.source.id).toBe('doc-003');
    expect(s.events.length).toBeGreaterThan(0);
    const dates = s.events.map((e: any) => e.startDate);
    expect(dates).toEqual([...dates].sort());
    expect((await api.data('{ source(id: "doc-999") { id } }')).source).toBeNull();
  });

  it('the sources filter keeps one revision’s figures apart from the other’s', async () => {
    const q = 'query($s: [ID!]) { claims(about: "Western Syria clashes", sources: $s) { id value source { id } } }';
    const earlier = (await api.data(q, { s: ['doc-001'] })).claims;
    const later = (await api.data(q, { s: ['doc-000'] })).claims;
    expect(earlier.every((c: any) => c.source.id === 'doc-001')).toBe(true);
    expect(later.every((c: any) => c.source.id === 'doc-000')).toBe(true);
    expect(earlier.map((c: any) => c.value)).toContain(344);
    expect(earlier.map((c: any) => c.value)).not.toContain(2005);
    expect(later.map((c: any) => c.value)).toContain(2005);
  });
});

describe('figureHistory', () => {
  it('gives the series behind "344+ → 2,005+" in document order, the earlier revision first', async () => {
    const eventId = rows.claims.find((c) => c.id === "doc001-sohr-civilians-killed-344")!.props.about as string;
    const event = String(rows.entities.find((e) => e.id === eventId)!.props.name);
    const data = await api.data(`query($e: String!) { figureHistory(event: $e, measure: "killed", victims: "civilians") {
      id value qualifier figure asOf claimedBy { id } source { id knownFrom } } }`, { e: event });
    const series = data.figureHistory;
    const docs = series.map((c: any) => c.source.id);
    expect(docs.indexOf('doc-001')).toBeLessThan(docs.indexOf('doc-000'));
    expect(docs.lastIndexOf('doc-001')).toBeLessThan(docs.indexOf('doc-000'));
    const figures = series.map((c: any) => c.figure);
    expect(figures).toContain('more than 344');
    expect(figures.indexOf('more than 344')).toBeLessThan(figures.indexOf('more than 2,005'));
    expect(series.every((c: any) => c.claimedBy?.id === 'sohr')).toBe(true);
    const knownFroms = series.map((c: any) => c.source.knownFrom);
    expect(knownFroms).toEqual([...knownFroms].sort());

    const onlyEarlier = (await api.data(`query($e: String!) { figureHistory(event: $e, measure: "killed", sources: ["doc-001"]) { source { id } } }`, { e: event })).figureHistory;
    expect(onlyEarlier.length).toBeGreaterThan(0);
    expect(onlyEarlier.every((c: any) => c.source.id === 'doc-001')).toBe(true);
  });
});
