/**
 * A document's date: `asOf` as precise as its text allows, `notBefore` the earliest day its text
 * shows, `asOfBasis` the reasoning with verbatim quotes; the day it counts from (knownFrom) is
 * `notBefore`, else the first day of `asOf`. Checked on a dataset of its own and on the real seed.
 */
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readDataset, toGraphRows, type Dataset, type SeedIssue } from '../../../src/seed/index.js';
import { documentDay } from '../../../src/seed/knowledgeDates.js';
import { seedIssues } from '../../support/seedIssues.js';

const EARLY = 'On 4 March, two officers were kidnapped. 344+ civilians killed.';
const LATE = 'Casualties: 2,005+ civilians killed.';

const source = (id: string, file: string, extra: string) => `  - id: ${id}
    file: ${file}
    title: T
    kind: encyclopedia_revision
    publisher: P
${extra}`;
const EARLY_OK = source('doc-a', 'a.txt', `    asOf: 2025-03
    notBefore: 2025-03-04
    asOfBasis:
      how: the latest dated incident is of 4 March
      quotes: ["On 4 March, two officers"]
`);
const LATE_OK = source('doc-b', 'b.txt', `    asOf: 2025-04
    revisionOf: doc-a
    asOfBasis: {how: after March, quotes: ["2,005+ civilians killed"]}
`);

let dir: string | undefined;
async function seed(sources: string[]): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clashgraph-dates-'));
  await mkdir(path.join(dir, 'documents'));
  await mkdir(path.join(dir, 'data'));
  await writeFile(path.join(dir, 'documents', 'a.txt'), EARLY);
  await writeFile(path.join(dir, 'documents', 'b.txt'), LATE);
  await writeFile(path.join(dir, 'sources.yaml'), `sources:\n${sources.join('')}`);
  return dir;
}
async function issuesOf(sources: string[]): Promise<SeedIssue[]> {
  return seedIssues(await seed(sources));
}
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the day a document counts from', () => {
  it('is notBefore, else the first day of asOf (a month counts from its first day)', () => {
    expect(documentDay({ asOf: '2025-03', notBefore: '2025-03-04' })).toBe('2025-03-04');
    expect(documentDay({ asOf: '2025-04' })).toBe('2025-04-01');
    expect(documentDay({ asOf: '2025-03-07' })).toBe('2025-03-07');
    expect(documentDay({ asOf: '2025' })).toBe('2025-01-01');
  });

  it('stamps sources and what they state, and keeps the basis on the Source row', async () => {
    const ds = await readDataset(await seed([EARLY_OK, LATE_OK]));
    const rows = toGraphRows(ds);
    const byId = Object.fromEntries(rows.sources.map((s) => [s.id, s.props]));
    expect(byId['doc-a']).toMatchObject({ asOf: '2025-03', notBefore: '2025-03-04', knownFrom: '2025-03-04', asOfQuotes: ['On 4 March, two officers'] });
    expect(byId['doc-b']).toMatchObject({ asOf: '2025-04', notBefore: null, knownFrom: '2025-04-01', asOfBasis: 'after March' });
  });
});

describe('seed validation of document dates', () => {
  it('accepts dates with their basis', async () => {
    expect(await issuesOf([EARLY_OK, LATE_OK])).toEqual([]);
  });

  it('rejects a basis quote that is not verbatim in the document', async () => {
    const issues = await issuesOf([EARLY_OK.replace('two officers"', 'three officers"'), LATE_OK]);
    expect(issues.map((i) => [i.entry, i.field])).toEqual([['doc-a', 'asOfBasis.quotes[0]']]);
    expect(issues[0]!.message).toContain('not verbatim in doc-a');
  });

  it('rejects a notBefore outside asOf, and one that is not a day', async () => {
    const outside = await issuesOf([EARLY_OK.replace('notBefore: 2025-03-04', 'notBefore: 2025-02-28'), LATE_OK]);
    expect(outside.map((i) => [i.entry, i.field])).toEqual([['doc-a', 'notBefore']]);
    const month = await issuesOf([EARLY_OK.replace('notBefore: 2025-03-04', 'notBefore: 2025-03'), LATE_OK]);
    expect(month.map((i) => [i.entry, i.field])).toEqual([['doc-a', 'notBefore']]);
  });

  it('rejects a later revision that would count from before the revision it revises', async () => {
    const issues = await issuesOf([EARLY_OK, LATE_OK.replace('asOf: 2025-04', 'asOf: 2025-03')]);
    expect(issues.map((i) => [i.entry, i.field])).toEqual([['doc-b', 'asOf']]);
    expect(issues[0]!.message).toMatch(/cannot count from 2025-03-01, before doc-a \(2025-03-04\)/);
  });
});

describe('the seed’s document dates', () => {
  let ds: Dataset;
  // Read once: the full validation (every quote against its document) is the slow part.
  beforeAll(async () => {
    ds = await readDataset();
  });

  it('gives every document a basis, and separates the two revisions of the article', () => {
    for (const s of ds.sources) expect(s.entry.asOfBasis?.quotes.length, s.entry.id).toBeGreaterThan(0);
    const day = Object.fromEntries(ds.sources.map((s) => [s.entry.id, documentDay(s.entry)]));
    const rev = ds.sources.find((s) => s.entry.id === 'doc-000')!.entry;
    expect(rev.revisionOf).toBe('doc-001');
    // doc-001 reports an incident of 4 March and is of early March; doc-000 is after March 2025.
    expect(day['doc-001']).toBe('2025-03-04');
    expect(day['doc-000']).toBe('2025-04-01');
    expect(ds.sources.find((s) => s.entry.id === 'doc-001')!.entry.asOf).toBe('2025-03');
  });

  it('does not make an entity known in a document that only a POSSIBLY_SAME_AS link cites', () => {
    // "Bassam Hussam al-Din †" is in doc-000's infobox only; the link comparing him with doc-001's
    // Bassam Nasir al-Din quotes both documents, but doc-001 never names him.
    const rows = toGraphRows(ds);
    const link = rows.entityRelations.find((r) => r.type === 'POSSIBLY_SAME_AS' && r.from === 'bassam-hussam-al-din')!;
    expect(link.props.citationSources).toEqual(expect.arrayContaining(['doc-000', 'doc-001']));
    const bassam = rows.entities.find((e) => e.id === 'bassam-hussam-al-din')!;
    expect(bassam.props).toMatchObject({ knownIn: ['doc-000'], knownFrom: '2025-04-01' });
  });
});
