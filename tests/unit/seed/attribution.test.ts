/**
 * The attribution rule of seed:check (seed/README.md#attribution): each cue, its scope and its
 * exemptions, each with a failing example that names file, line, entry and field.
 */
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attributionVerdict, checkAttribution, readDataset, type SeedIssue } from '../../../src/seed/index.js';

const DOC = [
  'On 15 December, SOHR reported that gunmen killed a farmer in Arzah. The gunmen reportedly fled to Homs.',
  'According to SOHR, militants attacked a checkpoint. The army retook the checkpoint.',
  'The Popular Resistance claimed that it killed nine soldiers. Iran allegedly armed the militants.',
  '"Civilians are suffering," said a spokesperson for the United Nations Human Rights Office.',
  'Gunmen killed a farmer in Arzah.',
].join('\n');

const SOURCES = `sources:
  - id: doc-x
    file: x.txt
    title: A test document
    kind: news_report
    publisher: Test
    asOf: 2025-03
`;

const ENTITIES = `groups:
  - id: sohr
    name: Syrian Observatory for Human Rights
    aliases: [SOHR]
    groupType: monitor
    cite: [{source: doc-x, quote: "SOHR reported"}]
  - id: gunmen
    name: gunmen
    unnamed: true
    groupType: armed_group
    cite: [{source: doc-x, quote: "gunmen killed a farmer"}]
  - id: spr
    name: Popular Resistance
    groupType: armed_group
    cite: [{source: doc-x, quote: "The Popular Resistance"}]
  - id: iran
    name: Iran
    groupType: state
    cite: [{source: doc-x, quote: "Iran allegedly"}]
  - id: militants
    name: militants
    unnamed: true
    groupType: armed_group
    cite: [{source: doc-x, quote: "militants attacked"}]
  - id: ohchr
    name: United Nations Human Rights Office
    groupType: international_org
    cite: [{source: doc-x, quote: "United Nations Human Rights Office"}]
  - id: un-spokesperson
    name: a spokesperson for the United Nations Human Rights Office
    unnamed: true
    groupType: other
    cite: [{source: doc-x, quote: "a spokesperson for the United Nations Human Rights Office"}]
people:
  - id: farmer
    name: a farmer
    unnamed: true
    cite: [{source: doc-x, quote: "a farmer in Arzah"}]
places:
  - id: homs
    name: Homs
    placeType: city
    cite: [{source: doc-x, quote: "fled to Homs"}]
`;

/** A relation entry; `extra` adds certainty/claimedBy lines. */
const rel = (id: string, type: string, from: string, to: string, quote: string, extra = '') =>
  `  - id: ${id}\n    type: ${type}\n    from: ${from}\n    to: ${to}\n${extra}    cite: [{source: doc-x, quote: "${quote.replace(/"/g, '\\"')}"}]\n`;

let dir: string;
async function attributionIssues(relations: string, doc = DOC): Promise<SeedIssue[]> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clashgraph-attr-'));
  await mkdir(path.join(dir, 'documents'));
  await mkdir(path.join(dir, 'data'));
  await writeFile(path.join(dir, 'documents', 'x.txt'), doc);
  await writeFile(path.join(dir, 'sources.yaml'), SOURCES);
  await writeFile(path.join(dir, 'data', 'a.yaml'), `${ENTITIES}relations:\n${relations}`);
  return checkAttribution(await readDataset(dir));
}
const fields = (issues: SeedIssue[]) => issues.map((i) => [i.entry, i.field]);
const REPORTED_BY_SOHR = '    certainty: reported\n    claimedBy: sohr\n';

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('attribution rule', () => {
  it('"X reported that": an entry without claimedBy X fails on claimedBy, a stated one on certainty', async () => {
    const issues = await attributionIssues(rel('gunmen-killed-farmer', 'KILLED', 'gunmen', 'farmer', 'gunmen killed a farmer in Arzah. The gunmen'));
    expect(fields(issues)).toEqual([['gunmen-killed-farmer', 'certainty'], ['gunmen-killed-farmer', 'claimedBy']]);
    expect(issues[0]!.file).toMatch(/a\.yaml$/);
    expect(issues[0]!.line).toBeGreaterThan(1);
    expect(issues[0]!.message).toContain('the rule gives reported');
    expect(issues[1]!.message).toContain('attributed to sohr');
    expect(await attributionIssues(rel('gunmen-killed-farmer', 'KILLED', 'gunmen', 'farmer', 'gunmen killed a farmer in Arzah. The gunmen', REPORTED_BY_SOHR))).toEqual([]);
  });

  it('"X reported that" opening a paragraph governs its later sentences; "reportedly" there names the same claimant', async () => {
    const fled = rel('gunmen-fled-to-homs', 'FLED_TO', 'gunmen', 'homs', 'The gunmen reportedly fled to Homs', '    certainty: reported\n');
    expect(fields(await attributionIssues(fled))).toEqual([['gunmen-fled-to-homs', 'claimedBy']]);
  });

  it('"according to X" governs its own sentence, not the next one', async () => {
    const attacked = rel('militants-attacked', 'ATTACKED', 'militants', 'homs', 'militants attacked a checkpoint', '    certainty: claimed\n    claimedBy: sohr\n');
    const issues = await attributionIssues(attacked);
    expect(fields(issues)).toEqual([['militants-attacked', 'certainty']]);
    expect(issues[0]!.message).toContain('is claimed');
    // "The army retook the checkpoint." is the document's own statement: nothing is required.
    const doc = `${DOC}\nThe army retook Homs.`;
    expect(await attributionIssues(rel('militants-took-homs', 'TOOK_CONTROL_OF', 'militants', 'homs', 'The army retook Homs'), doc)).toEqual([]);
  });

  it('"X claimed" gives claimed, and "allegedly" alleged', async () => {
    const killed = rel('spr-killed-soldiers', 'KILLED', 'spr', 'militants', 'it killed nine soldiers', '    certainty: reported\n    claimedBy: spr\n');
    expect(fields(await attributionIssues(killed))).toEqual([['spr-killed-soldiers', 'certainty']]);
    const armed = rel('iran-armed-militants', 'SUPPORTED_BY', 'militants', 'iran', 'Iran allegedly armed the militants');
    const issues = await attributionIssues(armed);
    expect(fields(issues)).toEqual([['iran-armed-militants', 'certainty']]);
    expect(issues[0]!.message).toContain('the rule gives alleged');
  });

  it('a quote that only says who speaks, and a fact the document also states plainly, are exempt', async () => {
    const speaker = rel('spokesperson-of-ohchr', 'MEMBER_OF', 'un-spokesperson', 'ohchr', 'said a spokesperson for the United Nations Human Rights Office');
    expect(await attributionIssues(speaker)).toEqual([]);
    const twice = `  - id: gunmen-killed-farmer
    type: KILLED
    from: gunmen
    to: farmer
    cite:
      - {source: doc-x, quote: "SOHR reported that gunmen killed a farmer in Arzah"}
      - {source: doc-x, quote: "Gunmen killed a farmer in Arzah."}
`;
    expect(await attributionIssues(twice)).toEqual([]);
  });

  it('report mode turns errors into warnings; enforce keeps listed files lenient', () => {
    const issue: SeedIssue = { file: 'seed/data/b.yaml', line: 3, entry: 'e', field: 'claimedBy', message: 'm' };
    expect(attributionVerdict([issue], 'report')).toEqual({ errors: [], warnings: [issue] });
    expect(attributionVerdict([issue], 'enforce', [])).toEqual({ errors: [issue], warnings: [] });
    expect(attributionVerdict([issue], 'enforce', ['b.yaml'])).toEqual({ errors: [], warnings: [issue] });
    expect(attributionVerdict([issue], 'off')).toEqual({ errors: [], warnings: [] });
  });
});

describe('attribution rule: speakers and nested hedges', () => {
  const doc = `${DOC}\nOn 22 December, SOHR reported that armed individuals claiming affiliation with the army entered a house.\nThe Defence Minister said that the army regained Homs.`;
  const extra = `  - id: army
    name: army
    groupType: military
    cite: [{source: doc-x, quote: "the army"}]
  - id: armed-individuals
    name: armed individuals
    unnamed: true
    groupType: armed_group
    cite: [{source: doc-x, quote: "armed individuals"}]
  - id: defence-minister
    name: Defence Minister
    groupType: government_body
    cite: [{source: doc-x, quote: "The Defence Minister"}]
events:
  - id: homs-regained
    name: Homs regained
    eventType: Battles
    subEventType: Government regains territory
    start: 2025-03
    datePrecision: month
    certainty: reported
    claimedBy: defence-minister
    cite: [{source: doc-x, quote: "the army regained Homs"}]
`;
  async function issues(relations: string): Promise<SeedIssue[]> {
    dir = await mkdtemp(path.join(os.tmpdir(), 'clashgraph-attr-'));
    await mkdir(path.join(dir, 'documents'));
    await mkdir(path.join(dir, 'data'));
    await writeFile(path.join(dir, 'documents', 'x.txt'), doc);
    await writeFile(path.join(dir, 'sources.yaml'), SOURCES);
    await writeFile(path.join(dir, 'data', 'a.yaml'), `${ENTITIES.replace('groups:\n', `groups:\n${extra.split('events:')[0]}`)}events:${extra.split('events:')[1]}relations:\n${relations}`);
    return checkAttribution(await readDataset(dir));
  }

  it('lets an entry record the hedge inside its own quote, and still fails one that records neither', async () => {
    const affiliation = (extra: string) => rel('individuals-affiliated-with-army', 'AFFILIATED_WITH', 'armed-individuals', 'army', 'armed individuals claiming affiliation with the army', extra);
    expect(await issues(affiliation('    certainty: claimed\n    claimedBy: armed-individuals\n'))).toEqual([]);
    expect(fields(await issues(affiliation('')))).toEqual([['individuals-affiliated-with-army', 'certainty'], ['individuals-affiliated-with-army', 'claimedBy']]);
  });

  it('takes a speaker\'s comment for the document\'s statement, but not a third party\'s participation', async () => {
    const comment = rel('minister-commented', 'PARTICIPATED_IN', 'defence-minister', 'homs-regained', 'The Defence Minister said that the army regained Homs', '    role: commentator\n');
    expect(await issues(comment)).toEqual([]);
    const army = rel('army-regained-homs', 'PARTICIPATED_IN', 'army', 'homs-regained', 'the army regained Homs', '    role: perpetrator\n');
    expect(fields(await issues(army))).toEqual([['army-regained-homs', 'certainty'], ['army-regained-homs', 'claimedBy']]);
  });
});
