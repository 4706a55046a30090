/**
 * The mix of real GraphQL requests a load test cycles through: entity lookups by name and id,
 * neighbourhoods, paths, event pages (first page, a later page by cursor, filtered by place),
 * search, claims. The names come from the loaded graph (its best-connected entities), and every
 * request is tried once before the load, so a curation change cannot make the load test fail for
 * a reason that is not load.
 */
import type { Driver } from 'neo4j-driver';
import type { GraphQLRequest } from './graphqlLoad.js';
import { gql } from './serviceProcess.js';

const ENTITY = `query Entity($name: String!) { entity(name: $name) { id kind name aliases description certainty
  citations { quote source { id } } relations(first: 20) { type direction date other { id name kind } } } }`;
const ENTITY_BY_ID = `query EntityById($id: ID!) { entityById(id: $id) { id name kind aliases
  ... on Group { groupType leaders { other { name } } } ... on Place { placeType parents { name } }
  ... on Event { start end place { name } participants { role entity { name } } } } }`;
const SEARCH = `query Search($text: String!) { search(text: $text, first: 10) { score matchedName entity { id name kind } } }`;
const NEIGHBOURHOOD = `query Neighbourhood($name: String!) { neighbourhood(name: $name, depth: 2, first: 100) {
  truncated center { id } nodes { id name kind distance } edges { id type from to certainty } } }`;
const PATHS = `query Paths($from: String!, $to: String!) { paths(from: $from, to: $to, maxHops: 3, first: 5) {
  length steps { relation direction certainty from { id name } to { id name } } } }`;
const EVENTS = `query Events($after: String, $filter: EventFilter) { events(first: 20, after: $after, filter: $filter) {
  totalCount edges { cursor node { id name start eventType place { name } } } pageInfo { hasNextPage endCursor } } }`;
const CLAIMS = `query Claims($about: String) { claims(about: $about) { id measure victims figure asOf source { id } conflictsWith { id } } }`;

interface Candidate {
  id: string;
  name: string;
  kind: string;
}

/** The best-connected entities of each kind. */
async function candidates(driver: Driver): Promise<Candidate[]> {
  const { records } = await driver.executeQuery(
    `MATCH (e:Entity) WITH e, COUNT { (e)--(:Entity) } AS degree WHERE degree > 1
     WITH e.kind AS kind, e ORDER BY degree DESC
     WITH kind, collect({id: e.id, name: e.name, kind: e.kind})[0..6] AS top
     UNWIND top AS c RETURN c`,
    {},
    { routing: 'READ' },
  );
  return records.map((r) => r.get('c') as Candidate);
}

/** Builds the mix and keeps only requests that answer without errors right now. */
export async function buildLoadMix(driver: Driver, graphqlUrl: string): Promise<GraphQLRequest[]> {
  const all = await candidates(driver);
  const of = (kind: string) => all.filter((c) => c.kind === kind);
  const [people, groups, places, events] = [of('Person'), of('Group'), of('Place'), of('Event')];
  const mix: GraphQLRequest[] = [];
  for (const c of all) {
    mix.push({ name: 'entity', query: ENTITY, variables: { name: c.name } });
    mix.push({ name: 'entityById', query: ENTITY_BY_ID, variables: { id: c.id } });
    mix.push({ name: 'search', query: SEARCH, variables: { text: c.name.split(/\s+/)[0]!.slice(0, 5) } });
  }
  for (const c of [...people.slice(0, 3), ...groups.slice(0, 3), ...places.slice(0, 2)]) {
    mix.push({ name: 'neighbourhood', query: NEIGHBOURHOOD, variables: { name: c.name } });
  }
  const ends = [...people.slice(0, 3), ...groups.slice(1, 4)];
  for (let i = 0; i + 1 < ends.length; i += 2) {
    mix.push({ name: 'paths', query: PATHS, variables: { from: ends[i]!.name, to: ends[i + 1]!.name } });
  }
  mix.push({ name: 'events', query: EVENTS, variables: {} });
  for (const p of places.slice(0, 3)) mix.push({ name: 'events', query: EVENTS, variables: { filter: { place: p.name } } });
  for (const e of events.slice(0, 3)) mix.push({ name: 'claims', query: CLAIMS, variables: { about: e.name } });

  // A later page: the cursor of the first page's end.
  const first = await gql(graphqlUrl, EVENTS, {});
  const events0 = first.body?.data?.events as { pageInfo?: { endCursor?: string } } | undefined;
  if (events0?.pageInfo?.endCursor) mix.push({ name: 'events', query: EVENTS, variables: { after: events0.pageInfo.endCursor } });

  const working: GraphQLRequest[] = [];
  for (const r of mix) {
    const res = await gql(graphqlUrl, r.query, r.variables);
    if (res.status === 200 && !res.body?.errors) working.push(r);
  }
  return working;
}
