/**
 * The response cache keyed by the graph's version: an identical request between two loads is
 * answered from memory (no Cypher for the request), and a load — which bumps the version node in
 * its own transaction — makes the very next answer fresh, on every replica (two servers here,
 * each with its own cache, both reading the version from the database). Answers with errors are
 * never cached.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, readDataset, toGraphRows, type GraphRows } from '../../../src/seed/index.js';
import { openTestDriver } from '../../support/testNeo4j.js';
import { startApi, type Api } from './apiHarness.js';

let a: Api;
let b: Api;
let driver: Driver;
let rows: GraphRows;
// TTL 0: the version is read for every request, so "the next answer" is exact (the default TTL
// lets an answer outlive a load by at most that long).
const responseCache = { maxBytes: 1 << 20, versionTtlMs: 0 };
const ENTITY = 'query ($id: ID!) { entityById(id: $id) { id name description } }';
let id: string;

beforeAll(async () => {
  driver = openTestDriver();
  rows = toGraphRows(await readDataset());
  id = rows.entities.find((e) => e.label === 'Person' && typeof e.props.description === 'string')!.id;
  [a, b] = await Promise.all([startApi({ config: { responseCache } }), startApi({ config: { responseCache } })]);
});

afterAll(async () => {
  await loadDataset(driver, rows); // leave the real seed in place for later files
  await Promise.all([a?.close(), b?.close()]);
  await driver?.close();
});

describe('the response cache', () => {
  it('answers an identical request from memory, and a load makes the next answer fresh on every replica', async () => {
    const first = await a.gql(ENTITY, { id });
    expect(first.body.errors).toBeUndefined();
    expect(first.queries.length).toBeGreaterThan(0);
    const again = await a.gql(ENTITY, { id });
    expect(again.body).toEqual(first.body);
    expect(again.queries).toEqual([]); // served from the cache: no Cypher for this request
    expect((await b.gql(ENTITY, { id })).body).toEqual(first.body);
    expect((await b.gql(ENTITY, { id })).queries).toEqual([]);

    // A load with one description changed (the loader's own transactional path).
    const changed = structuredClone(rows);
    const entity = changed.entities.find((e) => e.id === id)!;
    entity.props.description = 'Changed by the response cache test.';
    await loadDataset(driver, changed);

    for (const api of [a, b]) {
      const fresh = await api.gql(ENTITY, { id });
      expect(fresh.queries.length).toBeGreaterThan(0);
      expect(fresh.body.data?.entityById.description).toBe('Changed by the response cache test.');
      expect((await api.gql(ENTITY, { id })).queries).toEqual([]); // cached again under the new version
    }

    // Variables are part of the key: another entity is not the cached one.
    const other = rows.entities.find((e) => e.id !== id && e.label === 'Group')!.id;
    const otherAnswer = await a.gql(ENTITY, { id: other });
    expect(otherAnswer.queries.length).toBeGreaterThan(0);
    expect(otherAnswer.body.data?.entityById.id).toBe(other);
  });

  it('never caches an answer with errors', async () => {
    const query = 'query ($name: String!) { entity(name: $name) { id } }';
    const first = await a.gql(query, { name: 'no such entity anywhere' });
    expect(first.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const again = await a.gql(query, { name: 'no such entity anywhere' });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(again.queries.length).toBeGreaterThan(0);
  });
});
