/**
 * The analyst view against the real seed: `asOf` (as known on a date: only documents certainly
 * published by then, a fact stated by several counting from the earliest), `sources` (what some
 * documents say), `source(id:)` and `figureHistory` (SOHR's "more than 344" in the earlier
 * revision of the Wikipedia article, "more than 2005" in the later one). Expectations are worked
 * out here from the seed files themselves (their citations and sources.yaml dates), not from the
 * loader's knownIn/knownFrom.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset, toGraphRows } from '../../../src/seed/index.js';
import type { GraphRows } from '../../../src/seed/toGraphRows.js';
import { codes, startApi, type Api } from './apiHarness.js';

let api: Api;
let rows: GraphRows;
/** Document id → the last day its asOf covers. */
const day = new Map<string, string>();

const lastDay = (asOf: string) => {
  const [y, m, d] = asOf.split('-').map(Number);
  if (d) return asOf;
  const last = new Date(Date.UTC(y!, m ?? 12, 0)).getUTCDate();
  return `${y}-${String(m ?? 12).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
};
const citedBy = (x: { props: Record<string, unknown> }) => (x.props.citationSources as string[]) ?? [];
const knownOn = (sources: string[], date: string) => sources.some((s) => (day.get(s) ?? '9999') <= date);

beforeAll(async () => {
  api = await startApi();
  const ds = await readDataset();
  for (const s of ds.sources) day.set(s.entry.id, lastDay(String(s.entry.asOf)));
  rows = toGraphRows(ds);
});
afterAll(async () => api?.close());

describe('sources carry the day they are certainly published', () => {
  it('is the last day of asOf: both revisions of the article are dated 2025-03, so 2025-03-31', async () => {
    const data = await api.data('{ sources { id asOf knownFrom revisionOf { id } } }');
    for (const s of data.sources) expect(s.knownFrom).toBe(day.get(s.id));
    const byId = Object.fromEntries(data.sources.map((s: any) => [s.id, s]));
    expect(byId['doc-000'].revisionOf.id).toBe('doc-001');
    expect(byId['doc-001'].knownFrom).toBe('2025-03-31');
    expect(byId['doc-003'].knownFrom).toBe('2025-03-07');
  });
});

describe('asOf', () => {
  it('lists only the figures of documents published by then', async () => {
    const all = (await api.data('{ claims { id source { id } } }')).claims as { id: string; source: { id: string } }[];
    for (const date of ['2025-03-06', '2025-03-07', '2025-03-08', '2025-03-10', '2025-03-31']) {
      const got = (await api.data('query($d: String) { claims(asOf: $d) { id source { id knownFrom } } }', { d: date })).claims;
      const want = all.filter((c) => day.get(c.source.id)! <= date).map((c) => c.id).sort();
      expect(got.map((c: any) => c.id).sort(), date).toEqual(want);
    }
    // Nothing is published by 6 March; the 344+ of the earlier revision only from 31 March.
    expect((await api.data('{ claims(asOf: "2025-03-06") { id } }')).claims).toEqual([]);
    const march8 = (await api.data('{ claims(asOf: "2025-03-08") { id } }')).claims.map((c: any) => c.id);
    expect(march8).not.toContain('doc001-sohr-civilians-killed-344');
    expect(march8.length).toBeGreaterThan(0);
  });

  it('counts a fact stated by several documents from the earliest, and cuts its citations to those', async () => {
    // An entity cited by a day-dated news report and by the month-dated article.
    const entity = rows.entities.find((e) => citedBy(e).includes('doc-003') && citedBy(e).includes('doc-001') && e.label !== 'Event');
    expect(entity, 'the seed has an entity cited by doc-003 and doc-001').toBeDefined();
    const q = 'query($id: ID!, $d: String) { entityById(id: $id, asOf: $d) { id knownFrom citations { source { id } } } }';
    const early = (await api.data(q, { id: entity!.id, d: '2025-03-07' })).entityById;
    expect(early.knownFrom).toBe('2025-03-07');
    expect(new Set(early.citations.map((c: any) => c.source.id))).toEqual(new Set(['doc-003']));
    const late = (await api.data(q, { id: entity!.id, d: '2025-03-31' })).entityById;
    expect(late.citations.map((c: any) => c.source.id)).toContain('doc-001');
    expect((await api.data(q, { id: entity!.id, d: '2025-03-06' })).entityById).toBeNull();
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
    for (const date of ['2025-03-08', '2025-03-10', '2025-03-31']) {
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
      for (const c of cites) expect(['doc-002', 'doc-003']).toContain(c.source.id);
    }
  });

  it('keeps neighbourhood and paths to links known by then', async () => {
    const sub = (await api.data(`{ neighbourhood(name: "Latakia", asOf: "2025-03-10", depth: 2) {
      nodes { id name distance } edges { id citations { source { id } } } } }`)).neighbourhood;
    expect(sub.edges.length).toBeGreaterThan(0);
    for (const e of sub.edges) {
      const row = rows.entityRelations.find((r) => r.id === e.id)!;
      expect(knownOn(citedBy(row), '2025-03-10'), e.id).toBe(true);
      for (const c of e.citations) expect(day.get(c.source.id)! <= '2025-03-10').toBe(true);
    }
    const fullSub = (await api.data('{ neighbourhood(name: "Latakia", depth: 2) { edges { id } } }')).neighbourhood;
    expect(fullSub.edges.length).toBeGreaterThan(sub.edges.length);

    const far = sub.nodes.find((n: any) => n.distance === 2);
    const paths = (await api.data(`query($to: String!) { paths(from: "Latakia", to: $to, asOf: "2025-03-10", maxHops: 3) {
      steps { linkIds citations { source { id } } } } }`, { to: far.name })).paths;
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      for (const s of p.steps) {
        for (const id of s.linkIds) expect(knownOn(citedBy(rows.entityRelations.find((r) => r.id === id)!), '2025-03-10')).toBe(true);
      }
    }
  });

  it('answers NOT_FOUND for a name no document published by then mentions, BAD_USER_INPUT for a bad date', async () => {
    const before = await api.gql('{ entity(name: "Latakia", asOf: "2025-03-06") { id } }');
    expect(codes(before.body)).toEqual(['NOT_FOUND']);
    expect(before.body.errors![0]!.message).toMatch(/not known as of 2025-03-06/);
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
