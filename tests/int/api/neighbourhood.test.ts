/**
 * Query.neighbourhood against a reference computed here from the seeded graph's full adjacency:
 * rings by distance then name and id, cut to `first`; entities with more than `maxDegree` links
 * (of any kind) collapsed — shown, not walked through, their links listed only towards open
 * nodes; the centre always open; `exclude` never entered; `truncated` when anything was left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './apiHarness.js';

let api: Api;

interface Ent { id: string; name: string; degree: number }
interface Rel { id: string; type: string; from: string; to: string }
let entities: Map<string, Ent>;
let rels: Rel[];
/** The best-connected seed entities, and their one-hop neighbours with the highest degree. */
let hubs: string[];

beforeAll(async () => {
  api = await startApi();
  const e = await api.driver.executeQuery('MATCH (n:Entity) RETURN n.id AS id, n.name AS name, COUNT { (n)--() } AS degree');
  entities = new Map(e.records.map((r) => [r.get('id') as string, { id: r.get('id') as string, name: r.get('name') as string, degree: Number(r.get('degree')) }]));
  const r = await api.driver.executeQuery('MATCH (a:Entity)-[r]->(b:Entity) RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to');
  rels = r.records.map((x) => x.toObject() as Rel);
  hubs = [...entities.values()].sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1)).slice(0, 3).map((x) => x.id);
});
afterAll(async () => api?.close());

interface Args { depth: number; first: number; maxDegree: number; types?: string[]; exclude?: string[] }
interface Expected {
  nodes: { id: string; distance: number; collapsed: boolean }[];
  edges: { id: string; type: string; from: string; to: string }[];
  truncated: boolean;
}

const byNameId = (a: Ent, b: Ent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function reference(centre: string, a: Args): Expected {
  const ok = (r: Rel) => !a.types || a.types.includes(r.type);
  const neighbours = (id: string) => rels.filter((r) => ok(r) && (r.from === id || r.to === id)).map((r) => (r.from === id ? r.to : r.from));
  const excluded = new Set(a.exclude ?? []);
  const open = (id: string, distance: number) => distance === 0 || entities.get(id)!.degree <= a.maxDegree;
  const reached: { id: string; distance: number }[] = [{ id: centre, distance: 0 }];
  const seen = new Set([centre]);
  let frontier = [centre];
  for (let d = 1; d <= a.depth && reached.length <= a.first; d++) {
    const ring = new Map<string, Ent>();
    for (const n of frontier) {
      if (!open(n, d - 1)) continue;
      for (const m of neighbours(n)) if (!seen.has(m) && !excluded.has(m)) ring.set(m, entities.get(m)!);
    }
    const sorted = [...ring.values()].sort(byNameId);
    for (const m of sorted) {
      seen.add(m.id);
      reached.push({ id: m.id, distance: d });
    }
    frontier = sorted.map((m) => m.id);
  }
  const kept = reached.slice(0, a.first).map((k) => ({ ...k, collapsed: !open(k.id, k.distance) }));
  const keptIds = new Set(kept.map((k) => k.id));
  const openIds = new Set(kept.filter((k) => !k.collapsed).map((k) => k.id));
  const edges = rels
    .filter((r) => ok(r) && keptIds.has(r.from) && keptIds.has(r.to) && (openIds.has(r.from) || openIds.has(r.to)))
    .sort((x, y) => (x.id < y.id ? -1 : 1));
  return { nodes: kept, edges, truncated: reached.length > a.first || openIds.size < keptIds.size };
}

async function viaApi(centre: string, a: Partial<Args>): Promise<Expected> {
  const { neighbourhood } = await api.data(
    `query ($name: String!, $depth: Int, $first: Int, $maxDegree: Int, $types: [String!], $exclude: [String!]) {
      neighbourhood(name: $name, depth: $depth, first: $first, maxDegree: $maxDegree, types: $types, exclude: $exclude) {
        truncated nodes { id distance collapsed } edges { id type from to }
      }
    }`,
    { name: entities.get(centre)!.name, ...a },
  );
  return neighbourhood as Expected;
}

describe('Query.neighbourhood', () => {
  it('has hubs in the seed to collapse', () => {
    expect(entities.get(hubs[0]!)!.degree).toBeGreaterThan(50);
  });

  it('matches the reference with the default maxDegree (500: nothing collapsed in the seed)', async () => {
    for (const centre of hubs) {
      for (const depth of [1, 2]) {
        const got = await viaApi(centre, { depth });
        expect(got, `${centre} depth ${depth}`).toEqual(reference(centre, { depth, first: 100, maxDegree: 500 }));
        expect(got.nodes.some((n) => n.collapsed)).toBe(false);
      }
    }
  });

  it('collapses entities above maxDegree: shown, not walked through, links only towards open nodes', async () => {
    let collapsedSeen = 0;
    for (const centre of hubs) {
      for (const [depth, first, maxDegree] of [[2, 100, 20], [2, 500, 10], [3, 200, 15], [2, 50, 0]] as const) {
        const expected = reference(centre, { depth, first, maxDegree });
        const got = await viaApi(centre, { depth, first, maxDegree });
        expect(got, `${centre} depth ${depth} first ${first} maxDegree ${maxDegree}`).toEqual(expected);
        collapsedSeen += got.nodes.filter((n) => n.collapsed).length;
        if (got.nodes.some((n) => n.collapsed)) expect(got.truncated).toBe(true);
        // The centre is open however many links it has.
        expect(got.nodes[0]).toEqual({ id: centre, distance: 0, collapsed: false });
      }
    }
    expect(collapsedSeen).toBeGreaterThan(0);
  });

  it('collapsing leaves out what lies only behind a collapsed entity', async () => {
    const centre = hubs[0]!;
    const wide = await viaApi(centre, { depth: 2, first: 500, maxDegree: 10_000 });
    const narrow = await viaApi(centre, { depth: 2, first: 500, maxDegree: 10 });
    expect(narrow.nodes.filter((n) => n.distance === 1)).toEqual(
      wide.nodes.filter((n) => n.distance === 1).map((n) => ({ ...n, collapsed: entities.get(n.id)!.degree > 10 })),
    );
    expect(narrow.nodes.filter((n) => n.distance === 2).length).toBeLessThan(wide.nodes.filter((n) => n.distance === 2).length);
  });

  it('keeps exclude and types, and answers the same twice', async () => {
    const centre = hubs[0]!;
    const exclude = [hubs[1]!];
    const types = ['PARTICIPATED_IN', 'PART_OF', 'OCCURRED_IN', 'LOCATED_IN'];
    const args = { depth: 2, first: 80, maxDegree: 30, types, exclude };
    const got = await viaApi(centre, args);
    expect(got).toEqual(reference(centre, args));
    expect(got.nodes.map((n) => n.id)).not.toContain(hubs[1]);
    expect(await viaApi(centre, args)).toEqual(got);
  });

  it('refuses maxDegree outside 0–10000', async () => {
    for (const maxDegree of [-1, 10_001]) {
      const { body } = await api.gql('query ($d: Int) { neighbourhood(name: "HTS", maxDegree: $d) { truncated } }', { d: maxDegree });
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.extensions?.argument).toBe('maxDegree');
    }
  });
});
