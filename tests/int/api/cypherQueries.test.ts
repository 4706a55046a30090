/**
 * Every query in cypher/queries is valid Cypher for this Neo4j and these indexes: each file is
 * EXPLAINed (planned, not run), so a typo or a missing index name fails here, not for a user.
 */
import { readdir } from 'node:fs/promises';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQueries, PER_TYPE_QUERY_NAMES, perTypeQuery, QUERIES_DIR, QUERY_NAMES, RELATION_TYPES_SORTED, type Queries, type QueryName } from '../../../src/cypher/queries.js';
import { openTestDriver } from '../../support/testNeo4j.js';

let driver: Driver;
let queries: Queries;
beforeAll(async () => {
  driver = openTestDriver();
  queries = await loadQueries();
});
afterAll(async () => driver?.close());

describe('cypher/queries', () => {
  it('holds exactly the catalogued queries', async () => {
    const files = (await readdir(QUERIES_DIR)).filter((f) => f.endsWith('.cypher')).sort();
    expect(files).toEqual([...QUERY_NAMES, ...PER_TYPE_QUERY_NAMES].map((n) => `${n}.cypher`).sort());
  });

  const perType: QueryName[] = PER_TYPE_QUERY_NAMES.flatMap((n) => RELATION_TYPES_SORTED.map((t) => perTypeQuery(n, t)));
  it.each<QueryName>([...QUERY_NAMES, ...perType])('EXPLAIN %s', async (name) => {
    const session = driver.session({ defaultAccessMode: 'READ' });
    try {
      const result = await session.executeRead((tx) => tx.run(`EXPLAIN ${queries[name]}`));
      expect(result.summary.plan).toBeTruthy();
      // Read-only: a query that plans to write has no place in the API.
      expect(result.summary.queryType).toBe('r');
    } finally {
      await session.close();
    }
  });

  it('looks names up through the lookup-key index, not a label scan', async () => {
    const session = driver.session({ defaultAccessMode: 'READ' });
    try {
      const result = await session.executeRead((tx) =>
        tx.run(`PROFILE ${queries['entities.byLookupKeys']}`, {
          lookups: [{
            i: 0, limit: 50, keys: '"n\\:tartus" OR "a\\:tartus"', tiers: [{ tier: 1, query: '+"w1\\:tartus"' }], words: '+"d\\:tartus"', loose: null,
            canonical: ['n:tartus', 'a:tartus', 'c:tartus'], oneWord: true, contestTier: 1, suggest: 'tartus~1', suggestAlways: false,
          }],
          wholeUpTo: 5,
          suggestions: 5,
        }),
      );
      const operators: string[] = [];
      const walk = (p: { operatorType: string; children: unknown[] }) => {
        operators.push(p.operatorType);
        p.children.forEach((c) => walk(c as never));
      };
      walk(result.summary.profile as never);
      expect(result.records.map((r) => r.get('entity').id)).toContain('tartus');
      expect(operators.join(' ')).toMatch(/ProcedureCall/);
      expect(operators.join(' ')).not.toMatch(/NodeByLabelScan|AllNodesScan/);
    } finally {
      await session.close();
    }
  });
});
