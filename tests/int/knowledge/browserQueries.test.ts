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

describe('the Neo4j Browser guide (cypher/browser/guide.md)', () => {
  const guide = readFileSync(path.join(dir, 'guide.md'), 'utf8');
  // Split as Neo4j Browser does (splitMdSlides), and its click-to-run blocks are ```cypher fences.
  const slides = guide.split(/\r?\n---\r?\n/);
  const blocks = [...guide.matchAll(/```cypher\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());

  it('walks through 6 to 8 questions, one slide each after the introduction, each with Cypher to run', () => {
    expect(slides.length - 1).toBeGreaterThanOrEqual(6);
    expect(slides.length - 1).toBeLessThanOrEqual(8);
    for (const slide of slides) expect(slide).toContain('```cypher');
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))('block %i runs read-only and returns rows', async (_i, cypher) => {
    const res = await driver.executeQuery(cypher, {}, { routing: 'READ' });
    expect(res.records.length).toBeGreaterThan(0);
    expect(res.summary.queryType).toBe('r');
  });
});
