/**
 * Errors as clients see them: every failure has an `extensions.code` from the public vocabulary,
 * names resolve to exactly one entity or say why not, limits refuse oversized requests, and
 * production mode tells nothing about the server's insides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDriver } from '../../support/testNeo4j.js';
import { ARMOR_LIMITS } from '../../../src/server/armor.js';
import { codes, startApi, type Api } from './apiHarness.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

describe('names', () => {
  it('AMBIGUOUS_NAME lists every entity sharing the name, with id, kind, name, description and how it matched', async () => {
    // Whatever names the curated data shares between entities (e.g. two villages called Al-Mazra'a).
    const driver = openTestDriver();
    const shared = await driver
      // (Not a country and its state: that pair answers the state, by rule; see docs/names.md.)
      .executeQuery(
        `MATCH (n:Entity) UNWIND [k IN n.lookupKeys WHERE k STARTS WITH 'n:' OR k STARTS WITH 'a:' | substring(k, 2)] AS k
         WITH k, collect(DISTINCT n) AS ns WHERE size(ns) > 1
         AND NOT (size(ns) = 2 AND any(p IN ns WHERE any(s IN ns WHERE (p)-[:TERRITORY_OF]->(s))))
         RETURN k, [n IN ns | n.id] AS ids ORDER BY k LIMIT 1`,
      )
      .finally(() => driver.close());
    const row = shared.records[0];
    expect(row, 'the seed has at least one name shared by two entities').toBeDefined();
    const ids = (row!.get('ids') as string[]).sort();
    const { body } = await api.gql('query ($n: String!) { entity(name: $n) { id } }', { n: row!.get('k') });
    expect(codes(body)).toEqual(['AMBIGUOUS_NAME']);
    const candidates = body.errors![0]!.extensions!.candidates as { id: string; kind: string; name: string; how: string }[];
    // Every entity of that name, as a whole-name match; others may follow as contenders.
    expect(candidates.filter((c) => ['EXACT', 'ALIAS', 'COMMON_NAME'].includes(c.how)).map((c) => c.id).sort()).toEqual(ids);
    for (const c of candidates) expect(Object.keys(c).sort()).toEqual(['description', 'how', 'id', 'kind', 'matchedName', 'name', 'score']);
    expect(body.data).toEqual({ entity: null });
  });

  it('NOT_FOUND for a name nothing has, with near names as suggestions', async () => {
    // (A respelling such as "Khirbet al-Mazzahh" is found by the ladder; "Mazrah" is another word.)
    const { body } = await api.gql('{ entity(name: "Khirbet al-Mazrah") { id } }');
    expect(codes(body)).toEqual(['NOT_FOUND']);
    const suggestions = body.errors![0]!.extensions!.suggestions as { id: string }[];
    expect(suggestions.map((s) => s.id)).toContain('khirbet-al-mazah');
  });

  it('NOT_FOUND for a name no lookup key holds comes with its near names in one statement', async () => {
    const { body, queries } = await api.gql('{ entity(name: "Damascux") { id } }');
    expect(codes(body)).toEqual(['NOT_FOUND']);
    expect((body.errors![0]!.extensions!.suggestions as { id: string }[]).map((s) => s.id)).toContain('damascus');
    expect(queries.map((q) => q.query)).toEqual(['entities.byLookupKeys']);
    // No near name either: still one statement (the near-name read ran, and found none).
    const none = await api.gql('{ entity(name: "Qwertyuiop") { id } }');
    expect(codes(none.body)).toEqual(['NOT_FOUND']);
    expect(none.queries.map((q) => q.query)).toEqual(['entities.byLookupKeys']);
  });

  it('NOT_FOUND names the argument in paths and events filters too', async () => {
    const paths = await api.gql('{ paths(from: "Mohammad Kanjo Hassan", to: "Nobody Whatsoever Xyz") { length } }');
    expect(codes(paths.body)).toEqual(['NOT_FOUND']);
    expect(paths.body.errors![0]!.extensions!.argument).toBe('to');
    const events = await api.gql('{ events(filter: { place: "Atlantis Qqq" }) { totalCount } }');
    expect(codes(events.body)).toEqual(['NOT_FOUND']);
    expect(events.body.errors![0]!.extensions!.argument).toBe('filter.place');
  });

  it('entityById answers null for an unknown id', async () => {
    expect(await api.data('{ entityById(id: "no-such-id") { id } }')).toEqual({ entityById: null });
  });
});

describe('BAD_USER_INPUT', () => {
  it.each([
    ['depth above the cap', '{ neighbourhood(name: "HTS", depth: 4) { truncated } }', 'depth'],
    ['maxHops above the cap', '{ paths(from: "HTS", to: "SOHR", maxHops: 7) { length } }', 'maxHops'],
    ['negative first', '{ search(text: "Jableh", first: -1) { score } }', 'first'],
    ['first above the cap', '{ events(first: 101) { totalCount } }', 'first'],
    ['unknown relationship type', '{ entity(name: "HTS") { relations(types: ["FRIENDS_WITH"]) { type } } }', 'types'],
    ['Cypher in a relationship type', '{ neighbourhood(name: "HTS", types: ["LED_BY]-() DETACH DELETE n //"]) { truncated } }', 'types'],
    ['unknown ACLED type', '{ events(filter: { types: ["Picnic"] }) { totalCount } }', 'filter.types'],
    ['malformed date', '{ events(filter: { from: "25 December" }) { totalCount } }', 'filter.from'],
    ['impossible date', '{ events(filter: { to: "2025-02-30" }) { totalCount } }', 'filter.to'],
    ['forged cursor', '{ events(after: "bm90IGEgY3Vyc29y") { totalCount } }', 'after'],
    ['a name with no letters', '{ entity(name: "-- \' ;") { id } }', 'name'],
    ['search text with no letters', '{ search(text: "*~?") { score } }', 'text'],
    ['the same entity at both ends', '{ paths(from: "HTS", to: "Hayat Tahrir al-Sham") { length } }', 'to'],
  ])('%s', async (_what, query, argument) => {
    const { body } = await api.gql(query);
    expect(codes(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors![0]!.extensions!.argument).toBe(argument);
  });

  it('a variable of the wrong type is BAD_USER_INPUT (Apollo) with status 400', async () => {
    const { status, body } = await api.gql('query ($d: Int) { neighbourhood(name: "HTS", depth: $d) { truncated } }', { d: 'deep' });
    expect(status).toBe(400);
    expect(codes(body)).toEqual(['BAD_USER_INPUT']);
  });
});

// Regression (issue 9, finding 4): lengths were checked before Unicode folding; 200 × `㌀` folds
// to 800 letters, which Neo4j's fuzzy automaton refused with a server error (a 500).
describe('text that Unicode folding expands', () => {
  const expanding = '㌀'.repeat(200);
  it.each([
    ['search', `{ search(text: "${expanding}") { score } }`],
    ['entity(name:)', `{ entity(name: "${expanding}") { id } }`],
    ['neighbourhood(exclude:)', `{ neighbourhood(name: "Tartus", exclude: ["${expanding}"]) { truncated } }`],
    ['a word too long for a fuzzy term', `{ search(text: "${'a'.repeat(150)}") { score } }`],
  ])('is BAD_USER_INPUT before any query runs: %s', async (_what, q) => {
    const { status, body, queries } = await api.gql(q);
    expect(codes(body)).toEqual(['BAD_USER_INPUT']);
    expect(status).toBe(200);
    expect(queries.filter((e) => e.query !== 'entities.byLookupKeys')).toEqual([]);
  });
});

describe('query limits (graphql-armor)', () => {
  it(`rejects a query deeper than ${ARMOR_LIMITS.maxDepth} with GRAPHQL_VALIDATION_FAILED`, async () => {
    let sel = 'name';
    for (let i = 0; i < ARMOR_LIMITS.maxDepth; i++) sel = `name relations { other { ${sel} } }`;
    const { status, body } = await api.gql(`{ entity(name: "HTS") { ${sel} } }`);
    expect(status).toBe(400);
    expect(codes(body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors!.map((e) => e.message).join(' ')).toMatch(/depth/i);
  });

  // Three levels of 100 relations: a million links at worst, refused before anything runs.
  const WIDE = '{ events(first: 100) { edges { node { relations(first: 100) { type other { name relations(first: 100) { id } } } } } } }';

  it(`rejects a query costing more than ${ARMOR_LIMITS.maxCost} with GRAPHQL_VALIDATION_FAILED, before any query runs`, async () => {
    const { status, body, queries } = await api.gql(WIDE);
    expect(status).toBe(400);
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(body.errors![0]!.message).toMatch(/cost/i);
    expect(queries).toEqual([]);
  });

  it('counts page sizes given as variables in the cost too', async () => {
    const q = 'query ($n: Int, $m: Int) { events(first: $n) { edges { node { relations(first: $m) { type other { name relations(first: $m) { id } } } } } } }';
    const { status, body, queries } = await api.gql(q, { n: 100, m: 100 });
    expect(status).toBe(400);
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(queries).toEqual([]);
    expect((await api.gql(q, { n: 5, m: 5 })).body.errors).toBeUndefined();
  });

  // Regression (issue 9, finding 2): the cost re-check read only request.variables, so a
  // variable's default escaped the multiplier; with `variables: {}` this answered 200.
  it("weighs a variable's default when the request gives no value for it", async () => {
    const q = 'query ($n: Int = 500) { entity(name: "Tartous") { relations(first: $n) { other { relations(first: $n) { other { relations(first: $n) { id } } } } } } }';
    for (const variables of [{}, { n: 500 }]) {
      const { status, body, queries } = await api.gql(q, variables);
      expect(status).toBe(400);
      expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(queries).toEqual([]);
    }
    expect((await api.gql(q, { n: 2 })).body.errors).toBeUndefined();
  });

  // Regression (issue 9, finding 2): `first: null` weighed as 1 while the resolver served 100.
  it('weighs `first: null` as the page size the resolver then serves (its default)', async () => {
    const q = '{ entity(name: "Tartous") { relations(first: null) { other { relations(first: null) { other { relations(first: null) { id } } } } } } }';
    const { status, body, queries } = await api.gql(q);
    expect(status).toBe(400);
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(queries).toEqual([]);
    const viaVariable = await api.gql('query ($n: Int) { entity(name: "Tartous") { relations(first: $n) { other { relations(first: $n) { other { relations(first: $n) { id } } } } } } }', { n: null });
    expect(codes(viaVariable.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    // One level of `first: null` is the default page, as for the resolver.
    const one = await api.data('{ entity(name: "Tartous") { a: relations(first: null) { id } b: relations { id } } }');
    expect(one.entity.a).toEqual(one.entity.b);
  });

  it('weighs an omitted `first` at its schema default, not at 1', async () => {
    // relations' default page size is 100: this is the rejected WIDE query above, spelled short.
    const q = '{ events(first: 100) { edges { node { relations { type other { name relations { id } } } } } } }';
    const { status, body, queries } = await api.gql(q);
    expect(status).toBe(400);
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(body.errors![0]!.message).toMatch(/cost/i);
    expect(queries).toEqual([]);
    // The same text again is refused again.
    expect(codes((await api.gql(q)).body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    // …while the defaults on their own stay affordable, the second time too.
    const affordable = '{ events { edges { node { name relations { type } } } } }';
    expect((await api.gql(affordable)).body.errors).toBeUndefined();
    expect((await api.gql(affordable)).body.errors).toBeUndefined();
  });

  it('refuses a page size out of range with BAD_USER_INPUT before anything runs (the one page-size check)', async () => {
    const { status, body, queries } = await api.gql('{ events(first: 100000) { totalCount } }');
    expect(codes(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors![0]!.extensions).toMatchObject({ argument: 'first', min: 1, max: 100 });
    expect(status).toBe(200);
    expect(queries).toEqual([]);
  });

  it(`rejects more than ${ARMOR_LIMITS.maxAliases} aliases`, async () => {
    const aliases = Array.from({ length: ARMOR_LIMITS.maxAliases + 5 }, (_, i) => `x${i}: sources { id }`).join(' ');
    const { body } = await api.gql(`{ ${aliases} }`);
    expect(codes(body)).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it(`rejects a document of more than ${ARMOR_LIMITS.maxTokens} tokens with GRAPHQL_PARSE_FAILED`, async () => {
    const { body } = await api.gql(`{ ${'__typename '.repeat(ARMOR_LIMITS.maxTokens + 10)} }`);
    expect(codes(body)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('a syntax error is GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await api.gql('{ entity(name: "HTS" { id }');
    expect(status).toBe(400);
    expect(codes(body)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });
});

describe('production mode', () => {
  let prod: Api;
  beforeAll(async () => {
    prod = await startApi({ config: { production: true, introspection: false } });
  });
  afterAll(async () => prod?.close());

  it('sends no stack traces', async () => {
    const { body } = await prod.gql('{ entity(name: "Khirbet al-Mazrah") { id } }');
    expect(codes(body)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|\.ts:\d+|at .*\(/);
    const bad = await prod.gql('{ neighbourhood(name: "HTS", depth: 9) { truncated } }');
    expect(JSON.stringify(bad.body)).not.toMatch(/stacktrace/);
  });

  it('refuses introspection unless enabled', async () => {
    const { body } = await prod.gql('{ __schema { types { name } } }');
    expect(codes(body)).toContain('GRAPHQL_VALIDATION_FAILED');
    const enabled = await startApi({ config: { production: true, introspection: true } });
    try {
      expect((await enabled.data('{ __schema { queryType { name } } }')).__schema.queryType.name).toBe('Query');
    } finally {
      await enabled.close();
    }
  });

  it('gives no field suggestions that would map a hidden schema', async () => {
    const { body } = await prod.gql('{ entiti(name: "HTS") { id } }');
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(body.errors![0]!.message).not.toMatch(/Did you mean/);
  });

  // Regression (issue 9, finding 3): production still leaked enum suggestions.
  it('gives no suggestions of any kind: enum values, arguments, types, in literals and variables', async () => {
    const cases = [
      ['{ search(text: "Tartus", kinds: [Evnt]) { score } }', undefined],
      ['query ($k: [EntityKind!]) { search(text: "Tartus", kinds: $k) { score } }', { k: ['Evnt'] }],
      ['{ search(txt: "Tartus") { score } }', undefined],
      ['query ($d: Directon) { entity(name: "Tartus") { relations(direction: $d) { id } } }', undefined],
    ] as const;
    for (const [q, variables] of cases) {
      const { body } = await prod.gql(q, variables);
      expect(body.errors?.length, q).toBeGreaterThan(0);
      for (const e of body.errors!) expect(e.message, q).not.toMatch(/Did you mean|Suggestion hidden/);
    }
  });
});
