/**
 * Entity.relations keeps its contract — ordered by type, date, the other entity's name and the
 * link's id; `types`, `direction` and `first` applied — on both of its paths: the one-MATCH query
 * for ordinary entities, and for hubs the per-type path (relations.denseDegrees, then
 * relations.ofDenseEntitiesOfType for just the types needed to fill `first`). The seed has no hub, so a second API sees every entity as one (its catalogue's
 * dense threshold set to 0). The reference is the plain single-MATCH Cypher, run on the same
 * seeded Neo4j, for the seed entities with the most kinds of links.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './apiHarness.js';

let plainApi: Api;
let hubApi: Api;
let innerHubApi: Api;
let markedSlimApi: Api;
let entities: { id: string; types: string[]; links: number }[];

beforeAll(async () => {
  plainApi = await startApi();
  hubApi = await startApi({
    alterQueries: (q) => ({
      ...q,
      'relations.ofEntities': q['relations.ofEntities'].replace('> $denseDegree', '> 0'),
      'relations.twoLevels': q['relations.twoLevels'].replaceAll('> $denseDegree', '> 0'),
    }),
  });
  // Every entity reached at level 1 of relations.twoLevels is a hub there (and only there).
  innerHubApi = await startApi({
    alterQueries: (q) => ({ ...q, 'relations.twoLevels': q['relations.twoLevels'].replace('COUNT { (other)--() } > $denseDegree', 'COUNT { (other)--() } > 0') }),
  });
  // The slim projection of relations.twoLevels answers every name 'SLIM': shows which branch ran.
  markedSlimApi = await startApi({
    alterQueries: (q) => ({ ...q, 'relations.twoLevels': q['relations.twoLevels'].replaceAll('{.id, .name, .kind}', "{.id, name: 'SLIM', .kind}") }),
  });
  const { records } = await plainApi.driver.executeQuery(`
    MATCH (n:Entity)-[r]-(:Entity)
    WITH n, count(r) AS links, collect(DISTINCT type(r)) AS types
    ORDER BY size(types) DESC, links DESC, n.id LIMIT 4
    RETURN n.id AS id, types, links`);
  entities = records.map((r) => ({ id: r.get('id') as string, types: (r.get('types') as string[]).sort(), links: Number(r.get('links')) }));
});
afterAll(async () => {
  await plainApi?.close();
  await hubApi?.close();
  await innerHubApi?.close();
  await markedSlimApi?.close();
});

interface Link { id: string; type: string; direction: string; other: string }

async function reference(id: string, types: string[] | null, direction: string, first: number): Promise<Link[]> {
  const { records } = await plainApi.driver.executeQuery(`
    MATCH (n:Entity {id: $id})-[r]-(other:Entity)
    WHERE ($types IS NULL OR type(r) IN $types)
      AND CASE $direction WHEN 'OUT' THEN startNode(r) = n WHEN 'IN' THEN endNode(r) = n ELSE true END
    WITH r, other, startNode(r) = n AS outgoing
    ORDER BY type(r), r.date, other.name, r.id
    LIMIT $first
    RETURN r.id AS id, type(r) AS type, CASE WHEN outgoing THEN 'OUT' ELSE 'IN' END AS direction, other.id AS other`, { id, types, direction, first: neo4j.int(first) });
  return records.map((r) => r.toObject() as Link);
}

async function viaApiOf(api: Api, id: string, types: string[] | null, direction: string, first: number): Promise<Link[]> {
  const { entityById } = await api.data(
    `query ($id: ID!, $types: [String!], $direction: Direction, $first: Int) {
      entityById(id: $id) { relations(types: $types, direction: $direction, first: $first) { id type direction other { id } } }
    }`,
    { id, types, direction, first },
  );
  return (entityById.relations as { id: string; type: string; direction: string; other: { id: string } }[])
    .map((r) => ({ id: r.id, type: r.type, direction: r.direction, other: r.other.id }));
}

describe('Entity.relations', () => {
  it('takes the hub path only where the entity is a hub', async () => {
    const e = entities[0]!;
    const query = `query ($id: ID!) { entityById(id: $id) { relations(first: 3) { id } } }`;
    const plain = await plainApi.gql(query, { id: e.id });
    const hub = await hubApi.gql(query, { id: e.id });
    expect(plain.queries.map((q) => q.query)).not.toContain('relations.denseDegrees');
    expect(hub.queries.map((q) => q.query)).toContain('relations.denseDegrees');
    // Only the types needed to fill first: 3 links come from at most 3 types.
    const perType = hub.queries.filter((q) => q.query.startsWith('relations.ofDenseEntitiesOfType:'));
    expect(perType.length).toBeGreaterThanOrEqual(1);
    expect(perType.length).toBeLessThanOrEqual(3);
    expect(hub.body.data).toEqual(plain.body.data);
  });
});

describe.each([
  ['ordinary entities (one MATCH)', () => plainApi],
  ['hubs (type by type)', () => hubApi],
])('Entity.relations for %s', (_path, apiOf) => {
  const viaApi = (id: string, types: string[] | null, direction: string, first: number) => viaApiOf(apiOf(), id, types, direction, first);
  it('has seed entities with several kinds of links to check against', () => {
    expect(entities.length).toBe(4);
    expect(entities[0]!.types.length).toBeGreaterThanOrEqual(3);
  });

  it('lists every link in type, date, name, id order, across the relationship types', async () => {
    for (const e of entities) {
      const got = await viaApi(e.id, null, 'BOTH', 500);
      expect(got, e.id).toEqual(await reference(e.id, null, 'BOTH', 500));
      expect(got.length, e.id).toBe(Math.min(e.links, 500));
      expect(new Set(got.map((l) => l.type)).size, e.id).toBe(e.types.length);
    }
  });

  it('cuts to `first` across type boundaries, in each direction', async () => {
    for (const e of entities) {
      for (const direction of ['BOTH', 'OUT', 'IN']) {
        for (const first of [1, 3, 7]) {
          expect(await viaApi(e.id, null, direction, first), `${e.id} ${direction} ${first}`).toEqual(await reference(e.id, null, direction, first));
        }
      }
    }
  });

  it('keeps only the requested types, given in any order', async () => {
    for (const e of entities) {
      const types = [e.types[e.types.length - 1]!, e.types[0]!];
      const got = await viaApi(e.id, types, 'BOTH', 500);
      expect(got, e.id).toEqual(await reference(e.id, types, 'BOTH', 500));
      expect(got.map((l) => l.type)[0], e.id).toBe(e.types[0]);
      expect(new Set(got.map((l) => l.type)), e.id).toEqual(new Set(types));
    }
  });
});

describe('relations { other { relations } } in one statement', () => {
  const selection = `relations(first: $first) { id type direction other { id name relations(types: $types, first: $first2) { id type direction other { id name } } } }`;
  const together = `query ($id: ID!, $first: Int, $first2: Int, $types: [String!]) { entityById(id: $id) { id ${selection} } }`;
  // A named fragment is not followed by the look-ahead: the same answer, one query per level.
  const levelByLevel = `query ($id: ID!, $first: Int, $first2: Int, $types: [String!]) { entityById(id: $id) { id relations(first: $first) { id type direction other { ...Inner } } } }
    fragment Inner on Entity { id name relations(types: $types, first: $first2) { id type direction other { id name } } }`;
  const relationQueries = (qs: { query: string }[]) => qs.map((q) => q.query).filter((q) => q.startsWith('relations.'));

  it('loads both levels with relations.twoLevels, with the answer of one query per level', async () => {
    for (const e of entities) {
      for (const vars of [{ first: 100, first2: 100, types: null }, { first: 3, first2: 2, types: null }, { first: 5, first2: 4, types: [e.types[0]!, e.types[e.types.length - 1]!] }]) {
        const one = await plainApi.gql(together, { id: e.id, ...vars });
        const two = await plainApi.gql(levelByLevel, { id: e.id, ...vars });
        expect(one.body.errors, JSON.stringify(one.body.errors)).toBeUndefined();
        expect(one.body.data, `${e.id} ${JSON.stringify(vars)}`).toEqual(two.body.data);
        expect(relationQueries(one.queries)).toEqual(['relations.twoLevels']);
        expect(relationQueries(two.queries)).toEqual(['relations.ofEntities', 'relations.ofEntities']);
        const inner = (one.body.data!.entityById.relations as { other: { relations: unknown[] } }[]).map((r) => r.other.relations.length);
        expect(Math.max(...inner), e.id).toBeGreaterThan(0);
      }
    }
  });

  it('takes the hub path for a hub at either level, with the same answer', async () => {
    for (const e of entities.slice(0, 2)) {
      const vars = { id: e.id, first: 4, first2: 3, types: null };
      const expected = (await plainApi.gql(levelByLevel, vars)).body.data;
      const rootHub = await hubApi.gql(together, vars);
      expect(rootHub.body.data, e.id).toEqual(expected);
      expect(relationQueries(rootHub.queries)).toContain('relations.twoLevels');
      expect(relationQueries(rootHub.queries)).toContain('relations.denseDegrees');
      const innerHub = await innerHubApi.gql(together, vars);
      expect(innerHub.body.data, e.id).toEqual(expected);
      // Level 1 from relations.twoLevels; level 2 of the hubs it flagged straight from the hub path.
      const inner = relationQueries(innerHub.queries);
      expect(inner[0]).toBe('relations.twoLevels');
      expect(inner).toContain('relations.denseDegrees');
      expect(inner).not.toContain('relations.ofEntities');
    }
  });

  it('leaves a nested field under a view, or with bad arguments, to itself', async () => {
    const e = entities[0]!;
    const bad = await plainApi.gql(together, { id: e.id, first: 2, first2: 2, types: ['NOT_A_TYPE'] });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const viewed = await plainApi.gql(
      `query ($id: ID!) { entityById(id: $id) { relations(first: 3) { id other { id relations(first: 2, asOf: "2025-12-31") { id } } } } }`, { id: e.id });
    expect(viewed.body.errors).toBeUndefined();
    expect(relationQueries(viewed.queries)).toEqual(['relations.ofEntities', 'relations.ofEntitiesInView']);
  });

  // Same links and entities, plus fields only the full maps carry: the look-ahead must not go slim.
  const fullSelection = `relations(first: $first) { id type direction date certainty citations { quote } other { id name kind description aliases relations(types: $types, first: $first2) { id type direction date role other { id name kind description } } } }`;
  const fullTogether = `query ($id: ID!, $first: Int, $first2: Int, $types: [String!]) { entityById(id: $id) { id ${fullSelection} } }`;
  const slimTogether = `query ($id: ID!, $first: Int, $first2: Int, $types: [String!]) { entityById(id: $id) { id relations(first: $first) { id type direction date other { id name kind relations(types: $types, first: $first2) { id type direction date other { id name kind } } } } } }`;
  /** The slim fields of a full answer. */
  const slimPart = (data: any) => ({
    entityById: {
      id: data.entityById.id,
      relations: data.entityById.relations.map((r: any) => ({
        id: r.id, type: r.type, direction: r.direction, date: r.date,
        other: {
          id: r.other.id, name: r.other.name, kind: r.other.kind,
          relations: r.other.relations.map((r2: any) => ({ id: r2.id, type: r2.type, direction: r2.direction, date: r2.date, other: { id: r2.other.id, name: r2.other.name, kind: r2.other.kind } })),
        },
      })),
    },
  });

  it('projects only the slim fields when nothing else is selected, with the same links and names', async () => {
    for (const e of entities) {
      for (const vars of [{ first: 100, first2: 100, types: null }, { first: 3, first2: 2, types: null }]) {
        const full = await plainApi.gql(fullTogether, { id: e.id, ...vars });
        const slim = await plainApi.gql(slimTogether, { id: e.id, ...vars });
        expect(full.body.errors, JSON.stringify(full.body.errors)).toBeUndefined();
        expect(slim.body.errors, JSON.stringify(slim.body.errors)).toBeUndefined();
        expect(slim.body.data, `${e.id} ${JSON.stringify(vars)}`).toEqual(slimPart(full.body.data));
        expect(relationQueries(slim.queries)).toEqual(['relations.twoLevels']);
        expect(relationQueries(full.queries)).toEqual(['relations.twoLevels']);
      }
    }
    // Which projection ran: the marked API names every slim-read entity 'SLIM'.
    const e = entities[0]!;
    const vars = { id: e.id, first: 3, first2: 2, types: null };
    const slimNames = (await markedSlimApi.data(slimTogether, vars)).entityById.relations.map((r: any) => r.other.name);
    expect(new Set(slimNames)).toEqual(new Set(['SLIM']));
    const fullNames = (await markedSlimApi.data(fullTogether, vars)).entityById.relations.map((r: any) => r.other.name);
    expect(fullNames).not.toContain('SLIM');
    // A fragment on a concrete type with a full-only field, or a named fragment, is looked into.
    const withFragment = slimTogether.replace('other { id name kind relations', 'other { id name kind ... on Person { roles } relations');
    expect((await markedSlimApi.data(withFragment, vars)).entityById.relations.map((r: any) => r.other.name)).not.toContain('SLIM');
    const withNamed = `${slimTogether.replace('other { id name kind }', 'other { ...Far }')} fragment Far on Entity { id name kind description }`;
    const far = (await markedSlimApi.data(withNamed, vars)).entityById.relations.flatMap((r: any) => r.other.relations.map((r2: any) => r2.other.name));
    expect(far.length).toBeGreaterThan(0);
    expect(far).not.toContain('SLIM');
  });

  it('keeps slim reads apart from full ones in the same request', async () => {
    // Both root fields ask the same entity's links with the same arguments; the full one must not be
    // answered from the slim read's lists (or the entities it reached).
    const e = entities[0]!;
    const vars = { id: e.id, first: 3, first2: 2, types: null };
    const both = `query ($id: ID!, $first: Int, $first2: Int, $types: [String!]) {
      a: entityById(id: $id) { id relations(first: $first) { id type direction date other { id name kind relations(types: $types, first: $first2) { id type direction date other { id name kind } } } } }
      b: entityById(id: $id) { id ${fullSelection} } }`;
    const together = await plainApi.data(both, vars);
    const alone = await plainApi.data(fullTogether, vars);
    expect(together.b).toEqual(alone.entityById);
    expect(together.a).toEqual(slimPart(alone).entityById);
  });
});
