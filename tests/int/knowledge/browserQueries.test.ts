/**
 * The example queries shipped for Neo4j Browser (cypher/browser/*.cypher) answer on the seed:
 * a broken or empty example is a broken first impression.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYPHER_DIR } from '../../../src/seed/seedCypher.js';
import { openTestDriver } from '../../support/testNeo4j.js';

const dir = path.join(CYPHER_DIR, 'browser');
const files = readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();

let driver: Driver;
beforeAll(() => {
  driver = openTestDriver();
});
afterAll(async () => {
  await driver.close();
});

describe('Neo4j Browser example queries', () => {
  it('ships at least the five documented examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s runs read-only and returns rows', async (file) => {
    const cypher = readFileSync(path.join(dir, file), 'utf8');
    const res = await driver.executeQuery(cypher, {}, { routing: 'READ' });
    expect(res.records.length).toBeGreaterThan(0);
    expect(res.summary.queryType).toBe('r');
  });

  it('the casualty-claims example shows conflicting figures side by side with their documents', async () => {
    const cypher = readFileSync(path.join(dir, '03-casualty-claims.cypher'), 'utf8');
    const res = await driver.executeQuery(cypher, {}, { routing: 'READ' });
    const civilians = res.records
      .filter((r) => r.get('measure') === 'killed' && r.get('victims') === 'civilians' && r.get('claimedBy') === 'Syrian Observatory for Human Rights')
      .map((r) => `${r.get('source')}:${Number(r.get('value'))}`);
    expect(civilians).toEqual(expect.arrayContaining(['doc-000:2005', 'doc-001:344']));
  });
});
