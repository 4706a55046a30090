import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { SeedValidationError, readDataset } from '../../../src/seed/index.js';
import { listDraft, setReview } from '../../../src/ingest/index.js';

/** Drafts are checked like curated entries, and only accepted ones join the dataset. */
let seedDir: string;
const QUOTE = 'The Syrian Observatory for Human Rights (SOHR), a UK-based war monitor, reported that the death toll has surpassed 70';
const SEED = {
  'sources.yaml': 'sources:\n  - {id: doc-003, file: x.txt, title: A report, kind: news_report, publisher: Test, asOf: 2025-03-07}\n',
  'documents/x.txt': `Clashes went on. ${QUOTE}, with dozens more wounded.\n`,
  'data/a.yaml': `groups:
  - {id: sohr, name: Syrian Observatory for Human Rights, aliases: [SOHR], groupType: monitor, cite: [{source: doc-003, quote: "${QUOTE}"}]}
events:
  - {id: march-2025-western-syria-clashes, name: March clashes, eventType: Conflict, subEventType: Conflict, start: 2025-03, datePrecision: month, cite: [{source: doc-003, quote: Clashes went on.}]}
`,
};

function draft(review: Record<string, string>, overrides: { quote?: string } = {}) {
  const meta = (id: string) => ({ review: review[id] ?? 'pending', confidence: 0.8, why: 'test' });
  const cite = [{ source: 'doc-003', quote: overrides.quote ?? QUOTE }];
  return stringify({
    draft: { source: 'doc-003' },
    mentions: [{ id: 't-mention-sohr', ...meta('t-mention-sohr'), entity: 'sohr', text: 'SOHR', cite }],
    groups: [{ id: 't-new-monitor', ...meta('t-new-monitor'), name: 'A New Monitor', groupType: 'monitor', cite }],
    claims: [{ id: 't-claim', ...meta('t-claim'), measure: 'killed', value: 70, qualifier: 'more_than', claimedBy: 'sohr', source: 'doc-003', cite }],
    relations: [{ id: 't-rel', ...meta('t-rel'), type: 'REPORTED', from: 't-new-monitor', to: 'march-2025-western-syria-clashes', cite }],
    dates: [{ text: 'on Thursday', value: '2025-03-06' }],
  });
}

beforeAll(async () => {
  seedDir = path.join(await mkdtemp(path.join(tmpdir(), 'clashgraph-drafts-')), 'seed');
  for (const sub of ['documents', 'data', 'drafts']) await mkdir(path.join(seedDir, sub), { recursive: true });
  for (const [name, text] of Object.entries(SEED)) await writeFile(path.join(seedDir, name), text);
});
afterAll(() => rm(path.dirname(seedDir), { recursive: true, force: true }));

const file = () => path.join(seedDir, 'drafts', 'doc-003.yaml');

describe('drafts in the seed pipeline', () => {
  it('validates pending entries but loads none of them', async () => {
    await writeFile(file(), draft({}));
    const ds = await readDataset(seedDir);
    expect(ds.claims.some((c) => c.entry.id === 't-claim')).toBe(false);
    expect(ds.groups.some((g) => g.entry.id === 't-new-monitor')).toBe(false);
  });

  it('loads accepted entries; an accepted mention adds its citation to the known entity', async () => {
    await writeFile(file(), draft({ 't-claim': 'accepted', 't-mention-sohr': 'accepted' }));
    const ds = await readDataset(seedDir);
    expect(ds.claims.find((c) => c.entry.id === 't-claim')?.entry).toMatchObject({ value: 70, claimedBy: 'sohr' });
    const sohr = ds.groups.find((g) => g.entry.id === 'sohr')!;
    expect(sohr.entry.cite).toContainEqual({ source: 'doc-003', quote: QUOTE });
  });

  it('rejects an accepted relation whose new end is still pending, naming file, entry and field', async () => {
    await writeFile(file(), draft({ 't-rel': 'accepted' }));
    const err = await readDataset(seedDir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedValidationError);
    expect((err as SeedValidationError).issues).toContainEqual(expect.objectContaining({
      file: expect.stringContaining('drafts/doc-003.yaml'), entry: 't-rel', field: 'from', message: 'refers to unknown id "t-new-monitor"',
    }));
  });

  it('reports a quote that is not verbatim, even on a pending entry', async () => {
    await writeFile(file(), draft({}, { quote: 'SOHR said something else entirely' }));
    const err = (await readDataset(seedDir).catch((e: unknown) => e)) as SeedValidationError;
    expect(err.issues.filter((i) => i.field === 'cite[0].quote').map((i) => i.entry).sort()).toEqual(['t-claim', 't-mention-sohr', 't-new-monitor', 't-rel']);
  });

  it('review sets statuses by id and lists them', async () => {
    await writeFile(file(), draft({}));
    const r = await setReview(seedDir, 'doc-003', 'rejected', ['t-claim', 'nope']);
    expect(r).toEqual({ changed: ['t-claim'], unknown: ['nope'] });
    const items = await listDraft(seedDir, 'doc-003');
    expect(items.map((i) => [i.id, i.review])).toEqual([
      ['t-mention-sohr', 'pending'], ['t-new-monitor', 'pending'], ['t-claim', 'rejected'], ['t-rel', 'pending'],
    ]);
  });
});
