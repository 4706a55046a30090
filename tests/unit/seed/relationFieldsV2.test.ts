/**
 * Knowledge v2 relation fields: predicate (the document's own words), since/until/status, title,
 * and the endpoint rules of the new types. Each rule has a failing example naming entry and field.
 */
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDataset, toGraphRows, type SeedIssue } from '../../../src/seed/index.js';
import { seedIssues } from '../../support/seedIssues.js';

const DOC = 'U.S. Secretary of State Marco Rubio condemned the militants.\nRussia, a former key ally of Assad, sent   Reinforcements to secure the village.';

const SOURCES = `sources:
  - id: doc-x
    file: x.txt
    title: A test document
    kind: news_report
    publisher: Test
    asOf: 2025-03
`;

const BASE = `people:
  - id: rubio
    name: Marco Rubio
    cite: [{source: doc-x, quote: "Marco Rubio"}]
  - id: assad
    name: Assad
    cite: [{source: doc-x, quote: "ally of Assad"}]
groups:
  - id: united-states
    name: United States
    groupType: state
    cite: [{source: doc-x, quote: "U.S. Secretary of State"}]
  - id: russia
    name: Russia
    groupType: state
    cite: [{source: doc-x, quote: "Russia, a former key ally"}]
  - id: militants
    name: militants
    groupType: armed_group
    unnamed: true
    cite: [{source: doc-x, quote: "the militants"}]
places:
  - id: village
    name: the village
    placeType: village
    unnamed: true
    cite: [{source: doc-x, quote: "the village"}]
  - id: russia-territory
    name: Russia
    placeType: country
    cite: [{source: doc-x, quote: "Russia"}]
`;

const RELATIONS = `relations:
  - id: rubio-secretary-of-state
    type: HOLDS_POSITION_IN
    from: rubio
    to: united-states
    title: Secretary of State
    status: current
    cite: [{source: doc-x, quote: "U.S. Secretary of State Marco Rubio"}]
  - id: russia-former-ally-of-assad
    type: ALLIED_WITH
    from: russia
    to: assad
    status: former
    until: 2024-12
    predicate: a former key ally of
    cite: [{source: doc-x, quote: "Russia, a former key ally of Assad"}]
  - id: russia-deployed-to-village
    type: DEPLOYED_TO
    from: russia
    to: village
    predicate: sent reinforcements to secure
    cite: [{source: doc-x, quote: "sent Reinforcements to secure the village"}]
  - id: russia-territory-of-russia
    type: TERRITORY_OF
    from: russia-territory
    to: russia
    cite: [{source: doc-x, quote: "Russia"}]
`;

let dir: string;
async function seedDir(data: string): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clashgraph-seed-v2-'));
  await mkdir(path.join(dir, 'documents'));
  await mkdir(path.join(dir, 'data'));
  await writeFile(path.join(dir, 'documents', 'x.txt'), DOC);
  await writeFile(path.join(dir, 'sources.yaml'), SOURCES);
  await writeFile(path.join(dir, 'data', 'a.yaml'), data);
  return dir;
}

async function issuesOf(data: string): Promise<SeedIssue[]> {
  return seedIssues(await seedDir(data));
}

const fields = (issues: SeedIssue[]) => issues.map((i) => [i.entry, i.field]);

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Knowledge v2 relation fields', () => {
  it('accepts predicate, title, status and time bounds, and loads them with Neo4j-ready dates', async () => {
    const ds = await readDataset(await seedDir(BASE + RELATIONS));
    const rows = toGraphRows(ds).entityRelations;
    const ally = rows.find((r) => r.id === 'russia-former-ally-of-assad')!;
    expect(ally.props).toMatchObject({ status: 'former', until: '2024-12', predicate: 'a former key ally of', since: null });
    expect(ally.untilDate).toBe('2024-12-31');
    expect(ally.sinceDate).toBeNull();
    expect(rows.find((r) => r.id === 'rubio-secretary-of-state')!.props.title).toBe('Secretary of State');
  });

  it('matches the predicate case-insensitively and across whitespace runs', async () => {
    // The quote has "sent Reinforcements" (capital R, as written) and the predicate lower case.
    expect(await issuesOf(BASE + RELATIONS)).toEqual([]);
  });

  it('rejects a predicate that occurs in none of the quotes', async () => {
    const bad = RELATIONS.replace('predicate: sent reinforcements to secure', 'predicate: dispatched troops to');
    const issues = await issuesOf(BASE + bad);
    expect(fields(issues)).toEqual([['russia-deployed-to-village', 'predicate']]);
    expect(issues[0]!.file).toMatch(/a\.yaml$/);
    expect(issues[0]!.line).toBeGreaterThan(1);
    expect(issues[0]!.message).toContain('does not occur');
  });

  it('requires a title on HOLDS_POSITION_IN and rejects one elsewhere', async () => {
    const noTitle = RELATIONS.replace('    title: Secretary of State\n', '');
    expect(fields(await issuesOf(BASE + noTitle))).toEqual([['rubio-secretary-of-state', 'title']]);
    const strayTitle = RELATIONS.replace('    status: former\n', '    status: former\n    title: ally\n');
    expect(fields(await issuesOf(BASE + strayTitle))).toEqual([['russia-former-ally-of-assad', 'title']]);
  });

  it('requires a predicate on ORDERED: what was ordered', async () => {
    const ordered = `  - id: rubio-ordered-militants
    type: ORDERED
    from: rubio
    to: militants
    cite: [{source: doc-x, quote: "condemned the militants"}]
`;
    expect(fields(await issuesOf(BASE + RELATIONS + ordered))).toEqual([['rubio-ordered-militants', 'predicate']]);
  });

  it('rejects partial dates that are not dates, an end before the start, and a status outside the enum', async () => {
    const badDate = RELATIONS.replace('until: 2024-12', 'until: 2024-13');
    expect(fields(await issuesOf(BASE + badDate))).toEqual([['russia-former-ally-of-assad', 'until']]);
    const reversed = RELATIONS.replace('until: 2024-12', 'since: 2025\n    until: 2024-12');
    expect(fields(await issuesOf(BASE + reversed))).toEqual([['russia-former-ally-of-assad', 'until']]);
    const badStatus = RELATIONS.replace('status: former', 'status: ex');
    expect(fields(await issuesOf(BASE + badStatus))).toEqual([['russia-former-ally-of-assad', 'status']]);
    const currentButEnded = RELATIONS.replace('status: former', 'status: current');
    expect(fields(await issuesOf(BASE + currentButEnded))).toEqual([['russia-former-ally-of-assad', 'status']]);
  });

  it('lets TERRITORY_OF point only from a place to a state', async () => {
    const toArmedGroup = RELATIONS.replace('    from: russia-territory\n    to: russia\n', '    from: russia-territory\n    to: militants\n');
    const issues = await issuesOf(BASE + toArmedGroup);
    expect(fields(issues)).toEqual([['russia-territory-of-russia', 'to']]);
    expect(issues[0]!.message).toContain('state');
    const fromGroup = RELATIONS.replace('    from: russia-territory\n    to: russia\n', '    from: militants\n    to: russia\n');
    expect(fields(await issuesOf(BASE + fromGroup))).toEqual([['russia-territory-of-russia', 'from']]);
  });

  it('lets DEPLOYED_TO end only at a place and HOLDS_POSITION_IN start only at a person', async () => {
    const deployedToGroup = RELATIONS.replace('    from: russia\n    to: village\n', '    from: russia\n    to: militants\n');
    expect(fields(await issuesOf(BASE + deployedToGroup))).toEqual([['russia-deployed-to-village', 'to']]);
    const stateHolds = RELATIONS.replace('    from: rubio\n    to: united-states\n', '    from: russia\n    to: united-states\n');
    expect(fields(await issuesOf(BASE + stateHolds))).toEqual([['rubio-secretary-of-state', 'from']]);
  });
});
