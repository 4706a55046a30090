/**
 * Ingestion end to end: a report the dataset has never seen → draft → review → seed → API.
 * Works on a temporary copy of seed/ (nothing is written to the real one) and loads that copy
 * into the shared test Neo4j; afterAll loads the real seed back, so other test files see the
 * graph they expect.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestRefusal, ingestDocument, listDraft, setReview } from '../../../src/ingest/index.js';
import { DEFAULT_SEED_DIR, loadDataset, readDataset, toGraphRows } from '../../../src/seed/index.js';
import { repoRoot } from '../../../src/platform/repoPaths.js';
import { openTestDriver } from '../../support/testNeo4j.js';
import { startApi, type Api } from '../api/apiHarness.js';

const FIXTURE = path.join(repoRoot(), 'tests/fixtures/ingest/invented-report.txt');
const SOURCE = { id: 'doc-901', title: 'Monitor says dozens killed as fighting spreads near Jableh', publisher: 'ingestion test fixture', asOf: '2025-03-13' };

let seedDir: string;
let driver: Driver;
let api: Api | undefined;

beforeAll(async () => {
  seedDir = path.join(await mkdtemp(path.join(tmpdir(), 'clashgraph-ingest-')), 'seed');
  await cp(DEFAULT_SEED_DIR, seedDir, { recursive: true, filter: (src) => !src.includes(`${path.sep}drafts`) });
  driver = openTestDriver();
});

afterAll(async () => {
  await api?.close();
  // Put the real seed back for the test files that follow.
  await loadDataset(driver, toGraphRows(await readDataset()));
  await driver.close();
  await rm(path.dirname(seedDir), { recursive: true, force: true });
});

describe('ingest → review → seed → API', () => {
  it('drafts the report with cited, pending proposals and loads none of them', async () => {
    const r = await ingestDocument(FIXTURE, SOURCE, { seedDir, update: false });
    const draft = parse(await readFile(r.draftFile, 'utf8'));
    const text = await readFile(FIXTURE, 'utf8');
    expect(draft.mentions.map((m: { entity: string }) => m.entity)).toEqual(expect.arrayContaining(['sohr', 'jableh', 'ahmed-al-sharaa', 'syrian-ministry-of-defence']));
    const claim = draft.claims.find((c: { value: number }) => c.value === 23);
    expect(claim).toMatchObject({ measure: 'killed', qualifier: 'at_least', claimedBy: 'sohr', certainty: 'reported', review: 'pending' });
    // The figure says the incident it is about: a drafted event, typed, dated and placed.
    const event = draft.events.find((e: { id: string }) => e.id === claim.about);
    expect(event).toMatchObject({ eventType: 'Battles', subEventType: 'Armed clash', start: '2025-03-11', datePrecision: 'week', place: 'jableh', review: 'pending' });
    for (const section of ['mentions', 'groups', 'places', 'events', 'claims', 'relations']) {
      for (const e of draft[section]) {
        expect(['pending']).toContain(e.review);
        expect(typeof e.why).toBe('string');
        for (const c of e.cite) expect(text).toContain(c.quote);
      }
    }
    // Pending entries validate but are not in the dataset.
    const ds = await readDataset(seedDir);
    expect(ds.sources.map((s) => s.entry.id)).toContain('doc-901');
    expect(ds.claims.some((c) => c.entry.source === 'doc-901')).toBe(false);
  });

  it('refuses to ingest the same document again without --update', async () => {
    await expect(ingestDocument(FIXTURE, SOURCE, { seedDir, update: false })).rejects.toBeInstanceOf(IngestRefusal);
    await expect(ingestDocument(FIXTURE, { ...SOURCE, id: 'doc-902' }, { seedDir, update: false })).rejects.toThrow(/already registered as doc-901/);
  });

  it('after review, the API answers with the accepted facts, cited from the new document', async () => {
    const items = await listDraft(seedDir, 'doc-901');
    const pick = (section: string, pred: (s: string) => boolean) => items.filter((i) => i.section === section && pred(i.summary)).map((i) => i.id);
    const accepted = [
      ...pick('mentions', (s) => s.includes('→ sohr')), ...pick('claims', (s) => s.includes(' 23 ')), ...pick('places', (s) => s === 'Beit Yashout'),
      ...pick('events', (s) => s.startsWith('Clashes in Jableh')),
    ];
    expect(accepted).toHaveLength(4);
    const rejected = pick('claims', (s) => s.includes('arrested'));
    await setReview(seedDir, 'doc-901', 'accepted', accepted);
    await setReview(seedDir, 'doc-901', 'rejected', rejected);

    await loadDataset(driver, toGraphRows(await readDataset(seedDir)));
    api = await startApi();

    const sohr = await api.data(`{ entity(name: "SOHR") { id citations { source { id } quote } } }`);
    expect(sohr.entity.citations).toEqual(expect.arrayContaining([
      { source: { id: 'doc-901' }, quote: expect.stringContaining('at least 23 people dead, according to the Syrian Observatory for Human Rights') },
    ]));
    const place = await api.data(`{ entity(name: "Beit Yashout") { id kind citations { source { id title } } } }`);
    expect(place.entity).toMatchObject({ id: 'beit-yashout', kind: 'Place', citations: [{ source: { id: 'doc-901', title: SOURCE.title } }] });
    const claims = await api.data(`{ claims { value measure qualifier source { id } claimedBy { id } about { id name eventType start place { id } } } }`);
    const fromDoc = claims.claims.filter((c: { source: { id: string } | null }) => c.source?.id === 'doc-901');
    expect(fromDoc).toEqual([{
      value: 23, measure: 'killed', qualifier: 'at_least', source: { id: 'doc-901' }, claimedBy: { id: 'sohr' },
      about: { id: 'doc-901-clashes-jableh-2025-03-11', name: 'Clashes in Jableh, 2025-03-11', eventType: 'Battles', start: '2025-03-11', place: { id: 'jableh' } },
    }]);
    // Pending and rejected entries were not loaded.
    const defence = await api.data(`{ entity(name: "Defense Ministry") { citations { source { id } } } }`);
    expect(defence.entity.citations.map((c: { source: { id: string } }) => c.source.id)).not.toContain('doc-901');
  });
});
