/**
 * Exports read back by real readers: Debian's python3-networkx reads the GraphML and GEXF served
 * at GET /export/…; Python's csv module reads the ACLED-like events; `neo4j-admin database import
 * full` loads the node and relationship CSVs into an empty database of its own that then equals
 * the source graph (counts and content checksum); every FtM line validates against the FtM schema model (@alephdata/followthemoney).
 * Expected counts come from the seeded Neo4j itself.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../src/export/index.js';
import { findJava } from '../../../src/platform/javaRuntime.js';
import { neo4jLibDir } from '../../../src/platform/neo4jJars.js';
import { repoRoot } from '../../../src/platform/repoPaths.js';
import { graphChecksum } from '../../../src/seed/graphChecksum.js';
import { startDedicatedNeo4j, type DedicatedNeo4j } from '../../support/dedicatedNeo4j.js';
import { startApi, type Api } from '../api/apiHarness.js';
import { validateFtm, type FtmLine } from '../../support/ftmValidator.js';

let api: Api;
const dir = path.join(repoRoot(), '.data', `export-test-${process.pid}`);
const reader = path.join(repoRoot(), 'tests', 'support', 'readGraph.py');
// Debian's interpreter, which python3-networkx (installed by .ci/run) belongs to.
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

beforeAll(async () => {
  api = await startApi();
  mkdirSync(dir, { recursive: true });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (cypher: string, params: Record<string, unknown> = {}) =>
  Number((await api.driver.executeQuery(cypher, params)).records[0]!.get(0));

async function download(pathAndQuery: string, file: string): Promise<{ status: number; type: string | null; bytes: number }> {
  const res = await fetch(`${api.server.url}${pathAndQuery}`);
  const body = Buffer.from(await res.arrayBuffer());
  writeFileSync(path.join(dir, file), body);
  return { status: res.status, type: res.headers.get('content-type'), bytes: body.length };
}

function networkx(kind: 'graphml' | 'gexf', file: string) {
  const out = spawnSync(python, [reader, kind, path.join(dir, file)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(out.status, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as { directed: boolean; nodes: number; edges: number; nodeData: Record<string, Record<string, string>>; edgeData: Record<string, string>[] };
}

const ENTITY_NODES = 'MATCH (n:Entity) RETURN count(n)';
const ENTITY_LINKS = 'MATCH (:Entity)-[r]->(:Entity) RETURN count(r)';

describe('GraphML and GEXF, read back by networkx', () => {
  it('GraphML of the whole graph: every entity and link, with its attributes and citations', async () => {
    const got = await download('/export/graphml', 'all.graphml');
    expect(got.status).toBe(200);
    expect(got.type).toMatch(/graphml/);
    const g = networkx('graphml', 'all.graphml');
    expect(g.directed).toBe(true);
    expect(g.nodes).toBe(await count(ENTITY_NODES));
    expect(g.edges).toBe(await count(ENTITY_LINKS));
    const kanjo = g.nodeData['mohammad-kanjo-hassan']!;
    expect(kanjo.kind).toBe('Person');
    expect(kanjo.name).toBe('Mohammad Kanjo Hassan');
    const cites = JSON.parse(kanjo.citations!) as { source: string; quote: string }[];
    expect(cites.length).toBeGreaterThan(0);
    for (const e of g.edgeData) {
      expect(e.type, JSON.stringify(e)).toBeTruthy();
      expect(JSON.parse(e.citations!).length, `${e.id} keeps its citations`).toBeGreaterThan(0);
    }
  });

  it('GEXF 1.3 as of a date: the view’s nodes and links, events with start/end for the timeline', async () => {
    const got = await download('/export/gexf?asOf=2025-03-07', 'early.gexf');
    expect(got.status).toBe(200);
    const g = networkx('gexf', 'early.gexf');
    const admitted = ['doc-001', 'doc-003']; // doc-001 counts from 2025-03-04, doc-003 from 03-07
    expect(g.nodes).toBe(await count('MATCH (n:Entity) WHERE any(s IN n.knownIn WHERE s IN $a) RETURN count(n)', { a: admitted }));
    expect(g.edges).toBe(await count(`MATCH (a:Entity)-[r]->(b:Entity) WHERE any(s IN r.knownIn WHERE s IN $a)
      AND any(s IN a.knownIn WHERE s IN $a) AND any(s IN b.knownIn WHERE s IN $a) RETURN count(r)`, { a: admitted }));
    expect(g.nodes).toBeLessThan(await count(ENTITY_NODES));
    const events = Object.entries(g.nodeData).filter(([, d]) => d.kind === 'Event');
    expect(events.length).toBeGreaterThan(0);
    for (const [, d] of events) {
      expect(d.start, 'events carry start').toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.end! >= d.start!).toBe(true);
    }
    for (const e of g.edgeData) for (const c of JSON.parse(e.citations!)) expect(admitted).toContain(c.source);
  });

  it('a subgraph (centre and depth) holds the neighbourhood the API shows', async () => {
    const { neighbourhood } = await api.data('{ neighbourhood(name: "Latakia", depth: 1, first: 500) { nodes { id } } }');
    await download('/export/graphml?centre=Latakia&depth=1', 'latakia.graphml');
    const g = networkx('graphml', 'latakia.graphml');
    expect(Object.keys(g.nodeData).sort()).toEqual(neighbourhood.nodes.map((n: any) => n.id).sort());
  });

  it('refuses bad options with the API’s error codes before sending anything', async () => {
    const bad = await fetch(`${api.server.url}/export/graphml?asOf=2025-13`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await fetch(`${api.server.url}/export/centre?centre=nobody-at-all`);
    expect(unknown.status).toBe(404);
    const nobody = await fetch(`${api.server.url}/export/gexf?centre=${encodeURIComponent('Nobody At All Xyz')}`);
    expect(nobody.status).toBe(400);
    expect((await nobody.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('neo4j-admin CSV', () => {
  let db: DedicatedNeo4j | undefined;
  afterAll(async () => db?.destroy());

  it('imports with neo4j-admin database import full into an empty database equal to the source graph', async () => {
    for (const [format, file] of [['neo4j-nodes', 'nodes.csv'], ['neo4j-relationships', 'relationships.csv']] as const) {
      const out = createWriteStream(path.join(dir, file));
      await runExport(api.executor, format, {}, out);
      await new Promise<void>((resolve) => out.end(resolve));
    }
    const header = readFileSync(path.join(dir, 'nodes.csv'), 'utf8').split('\n')[0]!;
    expect(header).toMatch(/^id:ID,:LABEL,/);
    expect(header).toContain('startDate:date');
    expect(header).toContain('citationQuotes:string[]');

    db = await startDedicatedNeo4j('export-import', { boltPort: 17697, httpPort: 17484 });
    await db.stop();
    const { java } = findJava();
    const conf = path.join(db.opts.home, 'conf');
    const run = spawnSync(java, [
      '-cp', path.join(neo4jLibDir(), '*'), 'org.neo4j.cli.AdminTool', 'database', 'import', 'full', 'neo4j',
      `--nodes=${path.join(dir, 'nodes.csv')}`, `--relationships=${path.join(dir, 'relationships.csv')}`,
      '--array-delimiter=U+001F', '--multiline-fields=true', '--overwrite-destination=true',
      `--report-file=${path.join(dir, 'import.report')}`,
    ], { cwd: dir, env: { ...process.env, NEO4J_HOME: db.opts.home, NEO4J_CONF: conf }, encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    await db.start();
    const imported = db.driver();
    try {
      const source = await graphChecksum(api.driver, undefined, { dropEmptyLists: true });
      const copy = await graphChecksum(imported, undefined, { dropEmptyLists: true });
      // On a difference, name the first elements that differ (the hash alone says nothing).
      if (copy.sha256 !== source.sha256) {
        const dump = async (d: typeof imported) => {
          const { records } = await d.executeQuery('MATCH (n) RETURN n.id AS id, properties(n) AS p UNION ALL MATCH ()-[r]->() RETURN r.id AS id, properties(r) AS p');
          return new Map(records.map((r) => [String(r.get('id')), JSON.stringify(Object.fromEntries(Object.entries(r.get('p') as object)
            .filter(([, v]) => !(Array.isArray(v) && v.length === 0)).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, String(v)])))]));
        };
        const [a, b] = [await dump(api.driver), await dump(imported)];
        const diff = [...a].filter(([id, v]) => b.get(id) !== v).slice(0, 3).map(([id, v]) => `${id}\n  source: ${v}\n  import: ${b.get(id)}`);
        expect(diff).toEqual([]);
      }
      expect(copy.nodes).toBe(source.nodes);
      expect(copy.relationships).toBe(source.relationships);
      expect(copy.sha256).toBe(source.sha256);
    } finally {
      await imported.close();
    }
    // Two Neo4j starts (~90 s each while eight test runs share two cores) and a bulk import: the
    // test checks content, not time.
  }, 600_000);
});

describe('ACLED-like events CSV and FollowTheMoney lines', () => {
  it('has one row per event with the ACLED columns, fatalities under the aggregate rules, and the quotes', async () => {
    const got = await download('/export/events', 'events.csv');
    expect(got.status).toBe(200);
    const py = spawnSync(python, ['-c', `import csv,json,sys; r=list(csv.DictReader(open(sys.argv[1], newline=''))); print(json.dumps(r))`, path.join(dir, 'events.csv')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(py.status, py.stderr).toBe(0);
    const rows = JSON.parse(py.stdout) as Record<string, string>[];
    expect(rows.length).toBe(await count('MATCH (e:Event) RETURN count(e)'));
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['event_id', 'event_date', 'time_precision', 'event_type', 'sub_event_type',
      'actor1', 'assoc_actor_1', 'actor2', 'admin1', 'admin2', 'location', 'geo_precision', 'fatalities_low', 'fatalities_best',
      'fatalities_high', 'claimant', 'source', 'notes']));
    for (const r of rows) expect(r.notes, `${r.event_id} quotes its documents`).toMatch(/doc-00\d: “/);
    const ambush = rows.find((r) => r.event_id === 'khirbet-al-mazah-ambush-2024-12-25')!;
    expect(ambush.time_precision).toBe('1');
    // 14 policemen and 3 attackers killed: different victims add up.
    expect(Number(ambush.fatalities_best)).toBe(17);
  });

  it('writes FtM entities that validate against the FtM schema model, citations as proof and notes', async () => {
    await download('/export/ftm', 'all.ftm.jsonl');
    const lines = readFileSync(path.join(dir, 'all.ftm.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as FtmLine);
    // @alephdata/followthemoney's model: schema, own and inherited properties, required ones,
    // dates, codes, and every entity reference (proof, member, subject…) to a line of this file
    // whose schema fits the property's range.
    expect(validateFtm(lines)).toEqual([]);
    const ids = new Set(lines.map((l) => l.id));
    for (const l of lines) {
      if (['Person', 'Organization', 'PublicBody', 'Address', 'Event'].includes(l.schema)) {
        const proof = l.properties.proof as string[] | undefined;
        expect(proof?.length, `${l.id} has proof`).toBeGreaterThan(0);
        for (const p of proof!) expect(ids.has(p)).toBe(true);
        expect((l.properties.notes as string[]).some((n) => /^doc-00\d: “/.test(n)), `${l.id} quotes its documents`).toBe(true);
      }
    }
    const doc001 = lines.find((l) => l.id === 'doc-001')!;
    expect(doc001.properties).toMatchObject({ fileName: ['001_b6b0f271b47b4d10.txt'], date: ['2025-03'] });
    expect(lines.filter((l) => l.schema === 'Document').length).toBe(5);
    expect(lines.length).toBe(5 + await count(ENTITY_NODES) + await count(ENTITY_LINKS));
  });
});
