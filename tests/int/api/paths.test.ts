/**
 * Query.paths and Query.pathSearch against a reference computed here from the seeded graph's
 * full adjacency, with no Cypher search at all: every simple path (no entity twice) of at most
 * maxHops links over the requested types, never entering `exclude`; paths that differ only in
 * which of several parallel links (same type and direction) they use are one path whose step lists
 * every such link, the most certain first, then by id; shortest first, then by the ids along the
 * path, then by the link types and directions; cut to `first`.
 *
 * The seed's answers must not change with the degree cap (`maxDegree`, default 2000): no seed
 * entity has that many links, and on these pairs the search before the cap (SHORTEST 50, then the
 * `first` best) gave exactly this reference too (checked when the cap landed, 2026-12-02: 100 of
 * 100 random seed pairs at maxHops 4, first 5). With a low cap, the paths are the reference's
 * paths that avoid the capped entities, and pathSearch.collapsed names an entity on every path
 * the cap hid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startApi, type Api } from './apiHarness.js';

let api: Api;

interface Link { id: string; type: string; from: string; to: string; certainty: string }
/** Entity id → its links to other entities. */
let adjacency: Map<string, Link[]>;
/** Entity id → its number of links of any kind (documents and figures included). */
let degree: Map<string, number>;
let ids: string[];
/** Entity id → its canonical name, for the seed entities whose name resolves to them alone. */
let names: Map<string, string>;

beforeAll(async () => {
  // Planning paths.between (six UNION branches) took seconds under load: not a 10 s timeout's business.
  api = await startApi({ queryTimeoutMs: 60_000 });
  const e = await api.driver.executeQuery('MATCH (n:Entity) RETURN n.id AS id, n.name AS name, COUNT { (n)--() } AS degree ORDER BY id');
  degree = new Map(e.records.map((r) => [r.get('id') as string, Number(r.get('degree'))]));
  // paths takes names: keep the entities whose canonical name answers them (not AMBIGUOUS_NAME).
  const resolved = await Promise.all(e.records.map(async (r) => {
    const res = await api.gql('query ($n: String!) { entity(name: $n) { id } }', { n: r.get('name') });
    return res.body.data?.entity?.id === r.get('id') ? [r.get('id') as string, r.get('name') as string] as const : null;
  }));
  names = new Map(resolved.filter((x) => x !== null));
  ids = [...names.keys()];
  const r = await api.driver.executeQuery(
    'MATCH (a:Entity)-[r]->(b:Entity) WHERE a <> b RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, r.certainty AS certainty',
  );
  adjacency = new Map([...degree.keys()].map((id) => [id, []]));
  for (const rec of r.records) {
    const l = rec.toObject() as Link;
    adjacency.get(l.from)!.push(l);
    adjacency.get(l.to)!.push(l);
  }
});
afterAll(async () => api?.close());

interface Args { from: string; to: string; maxHops: number; first: number; exclude?: string[]; maxDegree?: number; types?: string[] }
/** A path as compared: the entities along it, and each step's relation, direction and link ids. */
interface Shape { nodes: string[]; steps: { relation: string; direction: string; linkIds: string[] }[] }

const CERTAINTY_RANK: Record<string, number> = { stated: 0, reported: 1, claimed: 2, alleged: 3 };
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const cmpLists = (a: string[], b: string[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmp(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
};

/** Every simple path of the reference, grouped by (entities, types and directions), in answer order. */
function referencePaths(args: Args, passable: (id: string) => boolean = () => true): Shape[] {
  const types = args.types ? new Set(args.types) : null;
  const exclude = new Set(args.exclude ?? []);
  const groups = new Map<string, { nodes: string[]; signature: string[]; links: Link[][] }>();
  const walk = (nodes: string[], links: Link[]) => {
    const here = nodes.at(-1)!;
    if (here === args.to) {
      const signature = links.map((l, i) => `${l.type}${l.from === nodes[i] ? '>' : '<'}`);
      const key = `${nodes.join('\u0000')}\u0001${signature.join('\u0000')}`;
      const g = groups.get(key) ?? { nodes, signature, links: nodes.slice(1).map(() => []) };
      links.forEach((l, i) => { if (!g.links[i]!.some((x) => x.id === l.id)) g.links[i]!.push(l); });
      groups.set(key, g);
      return;
    }
    if (links.length === args.maxHops) return;
    if (nodes.length > 1 && !passable(here)) return; // an intermediate entity the cap shuts
    for (const l of adjacency.get(here)!) {
      const next = l.from === here ? l.to : l.from;
      if (types && !types.has(l.type)) continue;
      if (nodes.includes(next) || (exclude.has(next) && next !== args.to)) continue;
      walk([...nodes, next], [...links, l]);
    }
  };
  walk([args.from], []);
  return [...groups.values()]
    .sort((a, b) => a.nodes.length - b.nodes.length || cmpLists(a.nodes, b.nodes) || cmpLists(a.signature, b.signature))
    .map((g) => ({
      nodes: g.nodes,
      steps: g.links.map((ls, i) => ({
        relation: ls[0]!.type,
        direction: g.signature[i]!.endsWith('>') ? 'OUT' : 'IN',
        linkIds: [...ls].sort((x, y) => (CERTAINTY_RANK[x.certainty] ?? 4) - (CERTAINTY_RANK[y.certainty] ?? 4) || cmp(x.id, y.id)).map((x) => x.id),
      })),
    }));
}

const STEPS = 'length steps { from { id } to { id } relation direction linkIds }';
const PATHS = `query ($from: String!, $to: String!, $maxHops: Int, $first: Int, $exclude: [String!], $maxDegree: Int, $types: [String!]) {
  paths(from: $from, to: $to, maxHops: $maxHops, first: $first, exclude: $exclude, maxDegree: $maxDegree, types: $types) { ${STEPS} }
}`;
const SEARCH = `query ($from: String!, $to: String!, $maxHops: Int, $first: Int, $exclude: [String!], $maxDegree: Int) {
  pathSearch(from: $from, to: $to, maxHops: $maxHops, first: $first, exclude: $exclude, maxDegree: $maxDegree) {
    maxDegree collapsedTruncated
    paths { ${STEPS} }
    collapsed { entity { id } links fromDistance toDistance }
  }
}`;

interface ApiPath { length: number; steps: { from: { id: string }; to: { id: string }; relation: string; direction: string; linkIds: string[] }[] }
/** The API's variables for these arguments: the ends by name. */
const vars = (args: Args) => ({ ...args, from: names.get(args.from), to: names.get(args.to) });
const shapeOf = (p: ApiPath): Shape => ({
  nodes: [p.steps[0]!.from.id, ...p.steps.map((s) => s.to.id)],
  steps: p.steps.map((s) => ({ relation: s.relation, direction: s.direction, linkIds: s.linkIds })),
});

/** Seed pairs: a few named ones (multi-hop, through hubs or around them) and a seeded sample. */
function seedPairs(): Args[] {
  const named: Args[] = [
    { from: 'mohammad-kanjo-hassan', to: 'suhayl-al-hasan', maxHops: 4, first: 5 },
    { from: 'mohammad-kanjo-hassan', to: 'ahmad-al-sharaa', maxHops: 3, first: 2, exclude: ['syria'] },
    { from: 'suhayl-al-hasan', to: 'general-security-service', maxHops: 4, first: 5 },
    { from: 'mohammad-kanjo-hassan', to: 'general-security-service', maxHops: 4, first: 5, exclude: ['syria', 'sohr', 'western-syria-clashes'] },
    { from: 'assad-loyalists', to: 'alawites', maxHops: 2, first: 5 },
  ];
  let s = 7;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sample: Args[] = [];
  while (sample.length < 24) {
    const a = ids[Math.floor(rnd() * ids.length)]!;
    const b = ids[Math.floor(rnd() * ids.length)]!;
    if (a !== b) sample.push({ from: a, to: b, maxHops: 2 + (sample.length % 3), first: 5 });
  }
  return [...named.filter((p) => names.has(p.from) && names.has(p.to)), ...sample];
}

describe('Query.paths on the seed', () => {
  it("gives the seed's answers unchanged: every pair's paths are the reference's, step by step", async () => {
    const pairs = seedPairs();
    expect(pairs.length).toBeGreaterThanOrEqual(27);
    let multiHop = 0;
    for (const args of pairs) {
      const { paths } = await api.data(PATHS, vars(args));
      const expected = referencePaths(args).slice(0, args.first);
      expect(paths.map(shapeOf), JSON.stringify(args)).toEqual(expected);
      if (expected.some((p) => p.steps.length >= 3)) multiHop++;
    }
    expect(multiHop).toBeGreaterThanOrEqual(10); // the comparison covers long paths, not just neighbours
  });

  it('reports nothing collapsed at the default maxDegree: no seed entity has that many links', async () => {
    expect(Math.max(...degree.values())).toBeLessThan(2000);
    const { pathSearch } = await api.data(SEARCH, { from: 'mohammad-kanjo-hassan', to: 'suhayl-al-hasan' });
    expect(pathSearch.maxDegree).toBe(2000);
    expect(pathSearch.collapsed).toEqual([]);
    expect(pathSearch.collapsedTruncated).toBe(false);
    const { paths } = await api.data(PATHS, { from: 'mohammad-kanjo-hassan', to: 'suhayl-al-hasan' });
    expect(pathSearch.paths).toEqual(paths);
  });
});

describe('maxDegree', () => {
  const CAP = 20;

  it('never passes through an entity with more links, but may start or end at one', async () => {
    const hub = ids.filter((id) => degree.get(id)! > CAP).sort()[0]!;
    const args = { from: hub, to: 'suhayl-al-hasan', maxHops: 3, first: 10, maxDegree: CAP };
    expect(names.has('suhayl-al-hasan')).toBe(true);
    const { paths } = await api.data(PATHS, vars(args));
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths.map(shapeOf)) {
      for (const id of p.nodes.slice(1, -1)) expect(degree.get(id), id).toBeLessThanOrEqual(CAP);
    }
    expect(paths.map(shapeOf)).toEqual(referencePaths(args, (id) => degree.get(id)! <= CAP).slice(0, 10));
  });

  it('pathSearch lists an entity on every path the cap hides, with its links and distances', async () => {
    let hidden = 0;
    for (const args of seedPairs().slice(0, 16)) {
      const capped = { ...args, maxDegree: CAP };
      const { pathSearch } = await api.data(SEARCH, vars(capped));
      const open = referencePaths(capped, (id) => degree.get(id)! <= CAP);
      expect(pathSearch.paths.map(shapeOf), JSON.stringify(capped)).toEqual(open.slice(0, args.first));
      const listed = new Map<string, { links: number; fromDistance: number | null; toDistance: number | null }>(
        pathSearch.collapsed.map((c: { entity: { id: string }; links: number; fromDistance: number | null; toDistance: number | null }) => [c.entity.id, c]),
      );
      expect(pathSearch.collapsedTruncated).toBe(false);
      for (const [id, c] of listed) {
        expect(c.links).toBe(degree.get(id));
        expect(c.links).toBeGreaterThan(CAP);
        expect(c.fromDistance ?? c.toDistance).not.toBeNull();
      }
      for (const p of referencePaths(args)) {
        const inner = p.nodes.slice(1, -1);
        if (!inner.some((id) => degree.get(id)! > CAP)) continue;
        hidden++;
        expect(inner.some((id) => listed.has(id)), `${p.nodes.join(' → ')} hidden but none of it listed`).toBe(true);
      }
    }
    expect(hidden).toBeGreaterThan(0);
  });

  it('refuses a maxDegree out of range', async () => {
    const res = await api.gql(PATHS, { from: 'mohammad-kanjo-hassan', to: 'suhayl-al-hasan', maxDegree: -1 });
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
  });
});
