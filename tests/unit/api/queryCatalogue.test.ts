import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandTemplate, loadQueries, PER_TYPE_QUERY_NAMES, perTypeQuery, QUERIES_DIR, QUERY_NAMES, QueryCatalogueError, RELATION_TYPES_SORTED } from '../../../src/cypher/queries.js';
import { RELATION_TYPE_NAMES } from '../../../src/seed/vocabulary.js';

describe('loadQueries', () => {
  it('loads every catalogued query', async () => {
    const q = await loadQueries();
    for (const name of QUERY_NAMES) expect(q[name].trim().length).toBeGreaterThan(0);
  });

  it('stops start-up naming each missing or empty file, and reports unused ones', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'queries-'));
    try {
      for (const name of [...QUERY_NAMES.slice(2), ...PER_TYPE_QUERY_NAMES]) await writeFile(path.join(dir, `${name}.cypher`), 'RETURN 1');
      await writeFile(path.join(dir, `${QUERY_NAMES[1]}.cypher`), '  \n');
      await writeFile(path.join(dir, 'stale.cypher'), 'RETURN 1');
      const err = await loadQueries(dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(QueryCatalogueError);
      expect((err as Error).message).toContain(`missing ${path.join(dir, `${QUERY_NAMES[0]}.cypher`)}`);
      expect((err as Error).message).toContain(`empty ${path.join(dir, `${QUERY_NAMES[1]}.cypher`)}`);
      await writeFile(path.join(dir, `${QUERY_NAMES[0]}.cypher`), 'RETURN 1');
      await writeFile(path.join(dir, `${QUERY_NAMES[1]}.cypher`), 'RETURN 1');
      const unused: string[] = [];
      await loadQueries(dir, (f) => unused.push(f));
      expect(unused).toEqual(['stale.cypher']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes values only as $parameters: no query names a relationship type outside the whitelist or splices strings', async () => {
    for (const name of [...QUERY_NAMES, ...PER_TYPE_QUERY_NAMES]) {
      const text = await readFile(path.join(QUERIES_DIR, `${name}.cypher`), 'utf8');
      const code = text.replace(/\/\/[^\n]*/g, '');
      // Relationship types written in the Cypher itself are fixed, whitelisted names.
      for (const m of code.matchAll(/\[\w*:([A-Z_|]+)/g)) for (const t of m[1]!.split('|')) expect([...RELATION_TYPE_NAMES, 'REVISION_OF', 'ABOUT', 'CLAIMED_BY', 'REPORTED_IN']).toContain(t);
      expect(code, name).not.toMatch(/\$\{|apoc\.cypher|CALL\s+db\.index\.fulltext\.queryNodes\(\s*\$/);
    }
  });

  it('expands relations.denseDegrees to one count per vocabulary type and direction, in ORDER BY type(r) order', async () => {
    const code = (await loadQueries())['relations.denseDegrees'].replace(/\/\/[^\n]*/g, '');
    expect(code).not.toContain('{{');
    const out = [...code.matchAll(/COUNT \{ \(n\)-\[:([A-Z_]+)\]->\(\) \}/g)].map((m) => m[1]);
    const inc = [...code.matchAll(/COUNT \{ \(n\)<-\[:([A-Z_]+)\]-\(\) \}/g)].map((m) => m[1]);
    expect(RELATION_TYPES_SORTED).toEqual([...RELATION_TYPE_NAMES].sort());
    expect(out).toEqual(RELATION_TYPES_SORTED);
    expect(inc).toEqual(RELATION_TYPES_SORTED);
    expect(code).not.toContain('UNION');
  });

  it('loads relations.ofDenseEntitiesOfType once per vocabulary type, each with that one static type', async () => {
    const q = await loadQueries();
    for (const t of RELATION_TYPE_NAMES) {
      const code = q[perTypeQuery('relations.ofDenseEntitiesOfType', t)].replace(/\/\/[^\n]*/g, '');
      expect([...code.matchAll(/\[r:([A-Z_|]+)\]/g)].map((m) => m[1])).toEqual([t]);
      expect(code).not.toContain('{{');
    }
    expect(() => perTypeQuery('relations.ofDenseEntitiesOfType', 'MEMBER_OF]-() DETACH DELETE n //')).toThrow(QueryCatalogueError);
  });

  it('refuses a template whose placeholder is left outside a block', () => {
    expect(expandTemplate('MATCH (a)-[r:X]->(b) RETURN r // {{relationType}} in a comment is fine')).toContain('[r:X]');
    expect(() => expandTemplate('MATCH (a)-[r:{{relationType}}]->(b) RETURN r', 'bad.cypher')).toThrow(QueryCatalogueError);
  });
});
