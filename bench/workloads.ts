/**
 * The benchmark's workloads: what is asked of each contender, with the variants (different
 * entities, places, dates) cycled through during a run so no single query dominates a cache.
 * Variant parameters are picked from the loaded graph by `pickParams` (deterministic for a given
 * dataset): centre entities of middling degree, the highest-degree hubs to exclude, path pairs
 * that are known to be linked within 3 hops, governorates and months with many events.
 */
import type { Driver } from 'neo4j-driver';
import { SyntheticGraph } from './generate.js';

export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface Workload {
  name: string;
  title: string;
  /** Nested (several levels of related objects): where the ≥ 2× @neo4j/graphql target applies. */
  nested: boolean;
  api: GraphqlRequest[];
  /** Undefined where @neo4j/graphql cannot express the workload. */
  neo4jGraphql?: GraphqlRequest[];
  /** Why @neo4j/graphql is left out, or how its query differs. */
  neo4jGraphqlNote: string;
}

export interface Center {
  id: string;
  name: string;
  degree: number;
}

export interface WorkloadParams {
  hubs: { id: string; name: string; degree: number }[];
  centers: Center[];
  pairs: { from: Center; to: Center }[];
  eventFilters: { place: string; placeId: string; from: string; to: string }[];
  searches: string[];
}

const API_ENTITY = /* GraphQL */ `query EntityTwoLevels($name: String!) {
  entity(name: $name) {
    id name
    relations(first: 10) { type other { id name relations(first: 10) { type other { id name } } } }
  }
}`;

const NGQL_ENTITY = /* GraphQL */ `query EntityTwoLevels($id: ID!) {
  people(where: { id: { eq: $id } }) {
    id name kind
    memberOf(limit: 10) { id name kind members(limit: 10) { id name kind } ledBy(limit: 10) { id name kind } partOf(limit: 10) { id name kind } basedIn(limit: 10) { id name kind } }
    loyalTo(limit: 10) { id name kind members(limit: 10) { id name kind } ledBy(limit: 10) { id name kind } }
    relatives(limit: 10) { id name kind memberOf(limit: 10) { id name kind } relatives(limit: 10) { id name kind } }
    leads(limit: 10) { id name kind members(limit: 10) { id name kind } }
    hometown(limit: 10) { id name kind locatedIn(limit: 10) { id name kind } }
    activeIn(limit: 10) { id name kind locatedIn(limit: 10) { id name kind } }
    participatedIn(limit: 10) {
      id name kind
      occurredIn(limit: 10) { id name kind }
      participants(limit: 10) { ... on Person { id name kind } ... on Group { id name kind } }
    }
  }
}`;

const API_EVENTS = /* GraphQL */ `query EventsInGovernorate($place: String!, $from: String!, $to: String!, $after: String) {
  events(filter: { place: $place, from: $from, to: $to }, first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name eventType startDate endDate participants { role entity { id name kind } } } }
  }
}`;

/** Events inside a governorate: at the village (→ district → governorate) or district level. */
const NGQL_EVENTS = /* GraphQL */ `query EventsInGovernorate($placeId: ID!, $from: Date!, $to: Date!, $after: String) {
  eventsConnection(
    first: 20, after: $after, sort: [{ startDate: ASC }, { id: ASC }],
    where: {
      endDate: { gte: $from }, startDate: { lte: $to },
      occurredIn: { some: { OR: [
        { id: { eq: $placeId } },
        { locatedIn: { some: { id: { eq: $placeId } } } },
        { locatedIn: { some: { locatedIn: { some: { id: { eq: $placeId } } } } } }
      ] } }
    }
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name eventType startDate endDate participantsConnection { edges { properties { role } node { ... on Person { id name kind } ... on Group { id name kind } } } } } }
  }
}`;

const API_NEIGHBOURHOOD = /* GraphQL */ `query Neighbourhood($name: String!, $exclude: [String!]) {
  neighbourhood(name: $name, depth: 2, exclude: $exclude, first: 100) {
    truncated
    nodes { id name kind distance }
    edges { id type from to role }
  }
}`;

const API_PATHS = /* GraphQL */ `query Paths($from: String!, $to: String!, $exclude: [String!]) {
  paths(from: $from, to: $to, maxHops: 4, first: 5, exclude: $exclude) {
    length
    steps { from { id name } relation direction to { id name } certainty }
  }
}`;

const API_SEARCH = /* GraphQL */ `query Search($text: String!) {
  search(text: $text, first: 10) { score matchedName entity { id name kind } }
}`;

const NGQL_SEARCH = /* GraphQL */ `query Search($phrase: String!) {
  searchEntities(phrase: $phrase, first: 10) { edges { score node { id name kind } } }
}`;

/** A typo a reader might make: two neighbouring letters swapped in the longest word. */
function typo(text: string): string {
  const words = text.split(' ');
  let longest = 0;
  words.forEach((w, i) => {
    if (w.length > words[longest]!.length) longest = i;
  });
  const w = words[longest]!;
  if (w.length >= 5) words[longest] = w.slice(0, 2) + w[3] + w[2] + w.slice(4);
  return words.join(' ');
}

/** Picks the workloads' parameters from the loaded graph. */
export async function pickParams(driver: Driver, entities: number, seed: number, variants = 16): Promise<WorkloadParams> {
  const g = new SyntheticGraph({ entities, seed });
  const q = async (cypher: string, params: Record<string, unknown> = {}) => (await driver.executeQuery(cypher, params, { routing: 'READ' })).records.map((r) => r.toObject());

  const hubs = (await q(
    `MATCH (n:Entity) WITH n, COUNT { (n)--() } AS degree ORDER BY degree DESC, n.id LIMIT 30
     RETURN n.id AS id, n.name AS name, degree`,
  )).map((r) => ({ id: r.id as string, name: r.name as string, degree: Number(r.degree) }));
  const hubIds = hubs.map((h) => h.id);

  // Centres: people from rank 300 down to the middle of the Zipf curve, log-spaced, so the set
  // spans well-connected people (a few hundred links at 1M) to ordinary ones (a handful).
  const people = g.plan.people.count;
  const lo = Math.min(300, Math.floor(people / 20));
  const hi = Math.floor(people / 2);
  const ks = Array.from({ length: variants }, (_, j) => Math.round(lo * (hi / lo) ** (j / (variants - 1))));
  const centers: Center[] = (await q(
    `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, n.name AS name, COUNT { (n)--() } AS degree`,
    { ids: ks.map((k) => `syn-person-${k}`) },
  )).map((r) => ({ id: r.id as string, name: r.name as string, degree: Number(r.degree) }));

  // Path pairs: from each centre, a person 3 links away, never through a hub.
  const pairs: WorkloadParams['pairs'] = [];
  for (const from of centers) {
    const rows = await q(
      `MATCH (a:Entity {id: $id})-[]-(x1:Entity)-[]-(x2:Entity)-[]-(b:Person)
       WHERE NOT x1.id IN $hubs AND NOT x2.id IN $hubs AND b <> a AND NOT b.id IN $hubs AND x2 <> a
       RETURN b.id AS id, b.name AS name, COUNT { (b)--() } AS degree LIMIT 1`,
      { id: from.id, hubs: hubIds },
    );
    const r = rows[0];
    if (r) pairs.push({ from, to: { id: r.id as string, name: r.name as string, degree: Number(r.degree) } });
  }

  // Events: the four governorates with most events, in March 2025 (the burst) and June–July 2025.
  const govs = [1, 2, 3, 4].map((k) => ({ id: `syn-place-${g.governorate(k - 1)}`, name: g.placeName(g.governorate(k - 1)) }));
  const eventFilters = govs.flatMap((gov) => [
    { place: gov.name, placeId: gov.id, from: '2025-03-01', to: '2025-03-31' },
    { place: gov.name, placeId: gov.id, from: '2025-06-01', to: '2025-07-31' },
  ]);

  // Searches: people by first and family name, groups by two words, villages, some with a typo.
  const searches: string[] = [];
  for (let j = 0; j < variants; j++) {
    const k = ks[j]!;
    const kind = j % 4;
    let text: string;
    if (kind === 0) {
      const parts = g.personName(k).split(' ');
      text = `${parts[0]} ${parts.at(-1)}`;
    } else if (kind === 1) text = g.groupName(k % g.plan.groups.count).split(' ').slice(0, 2).join(' ');
    else if (kind === 2) text = g.placeName(g.village(k % g.plan.places.villages));
    else text = g.personName(k).split(' ').slice(1).join(' ');
    searches.push(j % 3 === 0 ? typo(text) : text);
  }
  return { hubs, centers, pairs, eventFilters, searches };
}

/** The workloads, with the deep page's cursors found by paging through each contender. */
export function buildWorkloads(p: WorkloadParams, cursors: { api: (string | null)[]; ngql: (string | null)[] }, luceneQueries: string[]): Workload[] {
  const exclude = p.hubs.map((h) => h.id);
  return [
    {
      name: 'entity-2-levels',
      title: 'entity by name, two levels of relations (10 per level; the API\'s cost limit refuses 20 × 10)',
      nested: true,
      api: p.centers.map((c) => ({ query: API_ENTITY, variables: { name: c.name } })),
      neo4jGraphql: p.centers.map((c) => ({ query: NGQL_ENTITY, variables: { id: c.id } })),
      neo4jGraphqlNote: 'looked up by id (indexed; it has no forgiving name lookup), one typed field per relationship type, 10 per field per level',
    },
    {
      name: 'events-first-page',
      title: 'events in a governorate in a date range, with participants: first page (20)',
      nested: true,
      api: p.eventFilters.map((f) => ({ query: API_EVENTS, variables: { place: f.place, from: f.from, to: f.to } })),
      neo4jGraphql: p.eventFilters.map((f) => ({ query: NGQL_EVENTS, variables: { placeId: f.placeId, from: f.from, to: f.to } })),
      neo4jGraphqlNote: 'place by id; the hierarchy spelled out as village→district→governorate filters; totalCount included',
    },
    {
      name: 'events-deep-page',
      title: 'the same, page 26 (after event 500)',
      nested: true,
      api: p.eventFilters.map((f, i) => ({ query: API_EVENTS, variables: { place: f.place, from: f.from, to: f.to, after: cursors.api[i] ?? null } })),
      neo4jGraphql: p.eventFilters.map((f, i) => ({ query: NGQL_EVENTS, variables: { placeId: f.placeId, from: f.from, to: f.to, after: cursors.ngql[i] ?? null } })),
      neo4jGraphqlNote: 'its cursors are offsets (SKIP 500)',
    },
    {
      name: 'neighbourhood-2',
      title: 'neighbourhood, depth 2, 100 nodes, 30 hubs excluded',
      nested: false,
      api: p.centers.map((c) => ({ query: API_NEIGHBOURHOOD, variables: { name: c.name, exclude } })),
      neo4jGraphqlNote: 'not expressible (no variable-depth traversal over any relationship type)',
    },
    {
      name: 'paths-4',
      title: 'paths between two entities, maxHops 4, 30 hubs excluded',
      nested: false,
      api: p.pairs.map((pr) => ({ query: API_PATHS, variables: { from: pr.from.name, to: pr.to.name, exclude } })),
      neo4jGraphqlNote: 'not expressible (no path queries)',
    },
    {
      name: 'search',
      title: 'full-text search (fuzzy, 10 hits)',
      nested: false,
      api: p.searches.map((text) => ({ query: API_SEARCH, variables: { text } })),
      neo4jGraphql: luceneQueries.map((phrase) => ({ query: NGQL_SEARCH, variables: { phrase } })),
      neo4jGraphqlNote: '@fulltext on the same index, given the same Lucene query string the API builds',
    },
  ];
}
