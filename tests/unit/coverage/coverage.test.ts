/** Sentence splitting tuned for the documents, coverage of sentences by quotes, and the ledger's checks. */
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { coverageReport, readLedger } from '../../../src/coverage/index.js';
import { readDataset } from '../../../src/seed/index.js';
import { splitDocument } from '../../../src/text/splitSentences.js';

describe('splitDocument', () => {
  it('keeps abbreviations inside a sentence and footnote markers with the sentence they follow', () => {
    const [p] = splitDocument('U.S. Secretary of State Marco Rubio condemned the killings. [12] [13] Kuwait and Bahrain condemned them too. [14]');
    expect(p!.sentences.map((s) => s.text)).toEqual([
      'U.S. Secretary of State Marco Rubio condemned the killings. [12] [13]',
      'Kuwait and Bahrain condemned them too. [14]',
    ]);
  });

  it('splits infobox rows into their cells and drops rows of only pipes, rules and image placeholders', () => {
    const ps = splitDocument('| Belligerents | |||||||\n---|---|---|\n| ![]() ![]() | |||||||\n344+ civilians killed [15] [16] (SOHR claim) |\nProse follows. And more.');
    expect(ps.map((p) => [p.kind, p.sentences.map((s) => s.text)])).toEqual([
      ['infobox', ['Belligerents']],
      ['infobox', ['344+ civilians killed [15] [16] (SOHR claim)']],
      ['prose', ['Prose follows.', 'And more.']],
    ]);
    expect(ps[2]!.line).toBe(5);
  });

  it('gives offsets into the whitespace-normalised text', () => {
    const text = 'First   line here.\n\n  Second\tone. Third.';
    const norm = text.replace(/\s+/g, ' ').trim();
    for (const s of splitDocument(text).flatMap((p) => p.sentences)) expect(norm.slice(s.start, s.end)).toBe(s.text);
  });
});

const DOC = 'Western Syria clashes\nOn 25 December, militants ambushed the General Security Service in Khirbet al-Ma’zah. [11] The ambush killed 14 policemen. Many people watched the news.';
const SOURCES = `sources:\n  - id: doc-x\n    file: x.txt\n    title: T\n    kind: news_report\n    publisher: Test\n    asOf: 2025-03\n`;
const DATA = `groups:
  - id: militants
    name: militants
    groupType: armed_group
    cite: [{source: doc-x, quote: "militants"}]
  - id: gss
    name: General Security Service
    groupType: security_unit
    cite: [{source: doc-x, quote: "the General Security Service"}]
relations:
  - id: militants-ambushed-gss
    type: AMBUSHED
    from: militants
    to: gss
    cite: [{source: doc-x, quote: "militants ambushed the General Security Service in Khirbet al-Ma’zah"}]
`;

let dir: string;
async function report(ledger: string | undefined, data = DATA) {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clashgraph-cov-'));
  await mkdir(path.join(dir, 'documents'));
  await mkdir(path.join(dir, 'data'));
  await writeFile(path.join(dir, 'documents', 'x.txt'), DOC);
  await writeFile(path.join(dir, 'sources.yaml'), SOURCES);
  await writeFile(path.join(dir, 'data', 'a.yaml'), data);
  if (ledger !== undefined) await writeFile(path.join(dir, 'uncited.yaml'), ledger);
  return coverageReport(await readDataset(dir), await readLedger(path.join(dir, 'uncited.yaml')));
}

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('coverage', () => {
  it('counts a sentence as cited when quotes cover half its words, not when a name merely occurs', async () => {
    const r = await report(undefined);
    const d = r.documents[0]!;
    expect(d.sentences).toBe(4);
    expect(d.cited).toBe(1);
    // "The ambush killed 14 policemen." has no quote at all; the heading has none either.
    expect(d.unaccounted.map((u) => u.sentence.text)).toEqual([
      'Western Syria clashes', 'The ambush killed 14 policemen.', 'Many people watched the news.',
    ]);
    const withName = DATA.replace('quote: "militants"}', 'quote: "Many people"}');
    const d2 = (await report(undefined, withName)).documents[0]!;
    expect(d2.unaccounted.find((u) => u.sentence.text.startsWith('Many'))!.share).toBeCloseTo(2 / 5);
  });

  it('takes ledgered sentences out of the unaccounted list', async () => {
    const r = await report(`uncited:
  - {source: doc-x, sentence: "Western Syria clashes", reason: heading}
  - {source: doc-x, sentence: "Many people watched the news.", reason: no-fact}
`);
    expect(r.ledgerIssues).toEqual([]);
    expect(r.documents[0]!.ledgered).toBe(2);
    expect(r.documents[0]!.unaccounted.map((u) => u.sentence.text)).toEqual(['The ambush killed 14 policemen.']);
  });

  it('rejects a ledger sentence that is not in its document, one that is cited, and a duplicate without its entry', async () => {
    const r = await report(`uncited:
  - {source: doc-x, sentence: "Nobody watched the news.", reason: no-fact}
  - {source: doc-x, sentence: "On 25 December, militants ambushed the General Security Service in Khirbet al-Ma’zah.", reason: no-fact}
  - {source: doc-x, sentence: "The ambush killed 14 policemen.", reason: duplicate}
  - {source: doc-x, sentence: "Many people watched the news.", reason: duplicate, of: no-such-entry}
  - {source: doc-y, sentence: "Western Syria clashes", reason: heading}
`);
    expect(r.ledgerIssues.map((i) => [i.line, i.field])).toEqual([
      [4, 'of'], [2, 'sentence'], [3, 'sentence'], [5, 'of'], [6, 'source'],
    ]);
    expect(r.ledgerIssues.find((i) => i.line === 3)!.message).toContain('cited after all (by gss, militants, militants-ambushed-gss)');
    expect(r.ledgerIssues.find((i) => i.line === 2)!.message).toContain('is not a sentence of doc-x');
  });
});
