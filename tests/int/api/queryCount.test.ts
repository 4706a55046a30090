/**
 * No N+1: a request's Cypher round trips depend on the shape of its selection, never on how many
 * results each level has. Every field that reads the database does so through a per-request
 * batch loader, so a request runs AT MOST one query per data-loading field of its selection
 * (fewer when loaders share a batch or an answer is already cached), however many objects come
 * back. We count the executor's queries per request (its query events carry the request id) for
 * the same wide, nested selection over few and over many results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './apiHarness.js';

let api: Api;
beforeAll(async () => {
  // The cost limit and the response-size cap would refuse the 100-event version of this
  // deliberately wide request; what is measured here is the resolvers' round trips, so this
  // server allows it, and gives its queries time (under load the 100-event request's relations
  // query outlived the default 10 s transaction timeout, which says nothing about round trips).
  api = await startApi({ limits: { maxCost: Number.MAX_SAFE_INTEGER }, config: { responseMaxBytes: 1024 ** 3 }, queryTimeoutMs: 120_000 });
});
afterAll(async () => api?.close());

/** WIDE_EVENTS has 25 fields that may read the database (counted by hand in the comments below). */
const WIDE_EVENTS_LOADING_FIELDS = 25;
const WIDE_EVENTS = `query ($first: Int!) {
  events(first: $first) {                                  # 1 events.page
    totalCount                                             # 2 events.count
    edges { cursor node {
      id name start citations { source { title } quote }   # 3 sources
      claimedBy { name }                                   # 4 entities
      place { name parents { name } children { name } }    # 5 relations, 6 containers, 7 relations
      places { name }                                      # 8 (same loader as place)
      partOf { name subEvents { name } }                   # 9, 10 relations
      participants {                                       # 11 relations
        role citations { source { id } }                   # 12 sources
        entity {
          name
          ... on Group { leaders { other { name } } members { other { name } } }      # 13, 14
          ... on Person { groups { other { name } } relatives { other { name } } }    # 15, 16
        }
      }
      claims { figure claimedBy { name } source { title } about { name } conflictsWith { id } }  # 17–20
      relations(first: 20) {                               # 21 relations
        type claimedBy { name } event { name } citations { source { title } }        # 22–24
        other { name relations(types: ["LOCATED_IN", "PART_OF"]) { other { name } } } # 25
      }
    } }
  }
}`;

function rowsIn(data: any): number {
  // How many objects the answer holds, to show that the query count does not follow it.
  let n = 0;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      n++;
      Object.values(v).forEach(walk);
    }
  };
  walk(data);
  return n;
}

describe('query count of a wide, nested request', () => {
  it('stays within one query per data-loading field for 10 events as for 100', async () => {
    const few = await api.gql(WIDE_EVENTS, { first: 10 });
    const many = await api.gql(WIDE_EVENTS, { first: 100 });
    expect(few.body.errors, JSON.stringify(few.body.errors)).toBeUndefined();
    expect(many.body.errors, JSON.stringify(many.body.errors)).toBeUndefined();
    expect(many.body.data!.events.edges.length).toBeGreaterThan(few.body.data!.events.edges.length * 5);
    expect(rowsIn(many.body.data)).toBeGreaterThan(rowsIn(few.body.data) * 3);
    // The report prints these figures.
    console.info(
      `[query count] events(first: 10): ${few.queries.length} queries for ${rowsIn(few.body.data)} objects; ` +
        `events(first: 100): ${many.queries.length} queries for ${rowsIn(many.body.data)} objects`,
    );
    console.info(`[query count] per query: ${many.queries.map((q) => q.query).join(', ')}`);
    expect(few.queries.length).toBeLessThanOrEqual(WIDE_EVENTS_LOADING_FIELDS);
    expect(many.queries.length).toBeLessThanOrEqual(WIDE_EVENTS_LOADING_FIELDS);
    // Ten times the events, seventeen times the objects: at most a cache miss more.
    expect(many.queries.length - few.queries.length).toBeLessThanOrEqual(1);
  }, 300_000);

  it('stays within one query per data-loading field for entity → relations → other → relations, three levels deep', async () => {
    const q = `query ($name: String!) { entity(name: $name) { name citations { source { id } }
      relations { type citations { source { id } } other { name
        relations { type other { name relations(first: 5) { type other { name } } } } } } } }`;
    const small = await api.gql(q, { name: "Khirbet al-Ma'zah" });
    const large = await api.gql(q, { name: 'Syrian Observatory for Human Rights' });
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(rowsIn(large.body.data)).toBeGreaterThan(rowsIn(small.body.data));
    console.info(`[query count] entity→relations×3: ${small.queries.length} queries (${rowsIn(small.body.data)} objects) vs ${large.queries.length} (${rowsIn(large.body.data)} objects)`);
    // entity, its citations' sources, relations, their citations' sources, and two deeper relations.
    expect(small.queries.length).toBeLessThanOrEqual(6);
    expect(large.queries.length).toBeLessThanOrEqual(6);
  });

  it('loads entity → relations → other → relations in one relations statement (the look-ahead)', async () => {
    const q = `query ($name: String!) { entity(name: $name) { id name
      relations(first: 10) { type other { id name relations(first: 10) { type other { id name } } } } } }`;
    const { body, queries } = await api.gql(q, { name: 'Syrian Observatory for Human Rights' });
    expect(body.errors).toBeUndefined();
    const levels = body.data!.entity.relations as { other: { relations: unknown[] } }[];
    expect(levels.length).toBe(10);
    expect(levels.some((r) => r.other.relations.length > 0)).toBe(true);
    console.info(`[query count] entity→relations→other→relations: ${queries.map((e) => e.query).join(', ')}`);
    // The name lookup (Query.entity), then both levels of links in one statement.
    expect(queries.filter((e) => e.operation === 'Entity.relations').map((e) => e.query)).toEqual(['relations.twoLevels']);
    expect(queries.filter((e) => e.operation !== 'Query.entity' && e.operation !== 'Entity.relations')).toEqual([]);
  });

  it('runs every query through executeRead with its operation named', async () => {
    const { queries } = await api.gql('{ entity(name: "HTS") { name relations(first: 3) { other { name } } } sources { id } }');
    expect(queries.map((q) => q.operation).sort()).toEqual(['Entity.relations', 'Query.entity', 'Source.all']);
  });
});
