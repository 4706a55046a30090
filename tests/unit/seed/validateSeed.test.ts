import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDataset, type SeedIssue } from '../../../src/seed/index.js';
import { seedIssues } from '../../support/seedIssues.js';

const DOC = 'On 25 December, the General Security Service were ambushed by militants in Khirbet al-Ma’zah.\nThe militants were led by his brother.';

const SOURCES = `sources:
  - id: doc-x
    file: x.txt
    title: A test document
    kind: news_report
    publisher: Test
    asOf: 2025-03
`;

const GOOD = `places:
  - id: khirbet-al-mazah
    name: Khirbet al-Ma'zah
    placeType: village
    cite: [{source: doc-x, quote: "in Khirbet al-Ma’zah"}]
groups:
  - id: gss
    name: General Security Service
    groupType: security_unit
    cite: [{source: doc-x, quote: "the General Security Service were ambushed"}]
  - id: militants
    name: militants
    groupType: armed_group
    unnamed: true
    cite: [{source: doc-x, quote: "ambushed by   militants"}]
events:
  - id: ambush
    name: Khirbet al-Ma'zah ambush
    eventType: Battles
    subEventType: Armed clash
    start: 2024-12-25
    datePrecision: day
    place: khirbet-al-mazah
    placePrecision: exact
    cite: [{source: doc-x, quote: "On 25 December, the General Security Service were ambushed"}]
relations:
  - id: militants-ambushed-gss
    type: AMBUSHED
    from: militants
    to: gss
    event: ambush
    cite: [{source: doc-x, quote: "were ambushed by militants"}]
`;

let dir: string;
async function seedDir(data: Record<string, string>): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clashgraph-seed-'));
  await mkdir(path.join(dir, 'documents'));
  await mkdir(path.join(dir, 'data'));
  await writeFile(path.join(dir, 'documents', 'x.txt'), DOC);
  await writeFile(path.join(dir, 'sources.yaml'), SOURCES);
  for (const [name, text] of Object.entries(data)) await writeFile(path.join(dir, 'data', name), text);
  return dir;
}

async function issuesOf(data: Record<string, string>): Promise<SeedIssue[]> {
  return seedIssues(await seedDir(data));
}

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('seed validation', () => {
  it('accepts a well-formed dataset, normalising only whitespace in quotes', async () => {
    const ds = await readDataset(await seedDir({ 'a.yaml': GOOD }));
    expect(ds.events[0]?.entry.start).toBe('2024-12-25');
    expect(ds.relations).toHaveLength(1);
    expect(ds.groups.map((g) => g.entry.id)).toEqual(['gss', 'militants']);
  });

  it('rejects a quote that is not verbatim in its document, naming file, entry and field', async () => {
    const issues = await issuesOf({ 'a.yaml': GOOD.replace('were ambushed by militants', 'were ambushed by gunmen') });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ entry: 'militants-ambushed-gss', field: 'cite[0].quote' });
    expect(issues[0]!.file).toMatch(/a\.yaml$/);
    expect(issues[0]!.line).toBeGreaterThan(1);
    expect(issues[0]!.message).toContain('not verbatim in doc-x');
  });

  it('treats a straight apostrophe as different from the document’s curly one', async () => {
    const issues = await issuesOf({ 'a.yaml': GOOD.replace('in Khirbet al-Ma’zah', "in Khirbet al-Ma'zah") });
    expect(issues.map((i) => [i.entry, i.field])).toEqual([['khirbet-al-mazah', 'cite[0].quote']]);
  });

  it('rejects duplicate ids across files and kinds', async () => {
    const dup = `people:\n  - id: gss\n    name: Someone\n    cite: [{source: doc-x, quote: "led by his brother"}]\n`;
    const issues = await issuesOf({ 'a.yaml': GOOD, 'b.yaml': dup });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ entry: 'gss', field: 'id' });
    // One side is named as the entry's file, the other in the message.
    expect(`${issues[0]!.file} ${issues[0]!.message}`).toMatch(/a\.yaml.*b\.yaml|b\.yaml.*a\.yaml/);
  });

  it('rejects references to unknown ids and to entries of the wrong kind', async () => {
    const bad = GOOD.replace('to: gss', 'to: nobody').replace('place: khirbet-al-mazah', 'place: gss');
    const issues = await issuesOf({ 'a.yaml': bad });
    expect(issues.map((i) => [i.entry, i.field])).toEqual(
      expect.arrayContaining([['militants-ambushed-gss', 'to'], ['ambush', 'place']]),
    );
    expect(issues.find((i) => i.field === 'place')!.message).toContain('a group; expected place');
  });

  it('rejects a sub-event type that does not belong to the ACLED event type', async () => {
    const issues = await issuesOf({ 'a.yaml': GOOD.replace('subEventType: Armed clash', 'subEventType: Air/drone strike') });
    expect(issues).toEqual([expect.objectContaining({ entry: 'ambush', field: 'subEventType' })]);
  });

  it('rejects unknown relation types, missing citations and impossible dates', async () => {
    const bad = GOOD.replace('type: AMBUSHED', 'type: HATES').replace('start: 2024-12-25', 'start: 2024-02-30');
    const issues = await issuesOf({ 'a.yaml': bad });
    expect(issues.map((i) => [i.entry, i.field])).toEqual(
      expect.arrayContaining([['militants-ambushed-gss', 'type'], ['ambush', 'start']]),
    );
    const uncited = GOOD.replace(`    cite: [{source: doc-x, quote: "ambushed by   militants"}]\n`, '');
    expect(await issuesOf({ 'a.yaml': uncited })).toEqual([expect.objectContaining({ entry: 'militants', field: 'cite' })]);
  });

  it('requires a role on participation and a reason on POSSIBLY_SAME_AS', async () => {
    const extra = `  - id: gss-in-ambush
    type: PARTICIPATED_IN
    from: gss
    to: ambush
    cite: [{source: doc-x, quote: "the General Security Service were ambushed"}]
  - id: maybe-same
    type: POSSIBLY_SAME_AS
    from: gss
    to: militants
    cite: [{source: doc-x, quote: "the General Security Service were ambushed"}]
`;
    const issues = await issuesOf({ 'a.yaml': GOOD + extra });
    expect(issues.map((i) => [i.entry, i.field])).toEqual([['gss-in-ambush', 'role'], ['maybe-same', 'note']]);
  });

  it('reports YAML syntax errors with the file and line', async () => {
    const issues = await issuesOf({ 'a.yaml': GOOD, 'broken.yaml': 'people:\n  - id: x\n    name: [unclosed\n' });
    expect(issues[0]!.file).toMatch(/broken\.yaml$/);
    expect(issues[0]!.message).toMatch(/^YAML syntax/);
  });

  it('detects a place located inside itself', async () => {
    const loop = `places:\n  - id: a-town\n    name: A\n    placeType: town\n    locatedIn: b-town\n    cite: [{source: doc-x, quote: "led by his brother"}]\n  - id: b-town\n    name: B\n    placeType: town\n    locatedIn: a-town\n    cite: [{source: doc-x, quote: "led by his brother"}]\n`;
    const issues = await issuesOf({ 'a.yaml': GOOD, 'loop.yaml': loop });
    expect(issues.map((i) => i.entry).sort()).toEqual(['a-town', 'b-town']);
  });
});
