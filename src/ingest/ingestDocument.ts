/**
 * One ingestion, start to end, on disk: read the seed as it is, draft the document against it,
 * register the source, write seed/drafts/<id>.yaml, and check that the seed (drafts included)
 * still validates. Re-ingesting with `update` keeps the review decisions of entries whose ids
 * are unchanged.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { readDataset, type Dataset } from '../seed/index.js';
import { draftsDir } from '../seed/readDrafts.js';
import { buildDraft, type DraftModel } from './buildDraft.js';
import { IngestRefusal, registerSource, type SourceInput } from './registerSource.js';
import { draftPath, existingReviews } from './review.js';
import { draftToYaml } from './writeDraft.js';

export interface IngestResult {
  draftFile: string;
  model: DraftModel;
  counts: Record<string, number>;
}

/** Plain text as it is; HTML with its tags and scripts removed (entities decoded for the common few). */
export function documentText(raw: string, fileName: string): string {
  if (!/\.html?$/i.test(fileName)) return raw.replace(/\r\n?/g, '\n');
  return raw
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|div|h[1-6]|li|br)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&rsquo;/g, '’').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/[ \t]+\n/g, '\n').replace(/\n{2,}/g, '\n').trim();
}

export async function ingestDocument(file: string, input: SourceInput, opts: { seedDir: string; update: boolean }): Promise<IngestResult> {
  const text = documentText(await readFile(file, 'utf8'), file);
  if (text.trim().length < 20) throw new IngestRefusal(`${file} has no text to ingest`);
  const before: Dataset = await readDataset(opts.seedDir);
  if (!opts.update && before.sources.some((s) => s.entry.id === input.id)) {
    throw new IngestRefusal(`source ${input.id} is already registered; pass --update to re-ingest it`);
  }
  // The document's own earlier draft must not count as "known" when it is re-ingested.
  const known: Dataset = { ...before, sources: before.sources.filter((s) => s.entry.id !== input.id) };
  const model = buildDraft(text, { id: input.id, asOf: input.asOf }, known);
  const previous = opts.update ? await existingReviews(opts.seedDir, input.id) : new Map<string, string>();

  await registerSource(opts.seedDir, input, text, opts.update);
  await mkdir(draftsDir(opts.seedDir), { recursive: true });
  const out = draftPath(opts.seedDir, input.id);
  const header = [
    `# Draft of ${input.id} ("${input.title}"), written by npm run ingest. Nothing here is loaded`,
    '# until a curator sets review: accepted (npm run review -- ' + input.id + ' accept <id…>).',
    '# confidence and why say how each proposal was found; check every quote and type before accepting.',
  ].join('\n');
  let yamlText = draftToYaml(model, header);
  if (previous.size > 0) yamlText = carryOverReviews(yamlText, previous);
  await writeFile(out, yamlText);

  await readDataset(opts.seedDir); // throws SeedValidationError naming file, entry and field
  const counts = {
    sentences: model.sentences.length,
    mentions: new Set(model.mentions.map((m) => m.entityId)).size,
    newEntities: model.newEntities.length,
    dates: model.dates.length,
    figures: model.figures.length,
    relations: model.relations.length,
    ambiguous: model.ambiguous.length,
  };
  return { draftFile: out, model, counts };
}

function carryOverReviews(yamlText: string, previous: Map<string, string>): string {
  const doc = parseDocument(yamlText);
  if (!isMap(doc.contents)) return yamlText;
  for (const pair of doc.contents.items) {
    if (!isSeq(pair.value)) continue;
    for (const e of pair.value.items as YAMLMap[]) {
      const prior = isMap(e) ? previous.get(String(e.get('id'))) : undefined;
      if (prior && prior !== 'pending') e.set('review', prior);
    }
  }
  return doc.toString({ lineWidth: 0 });
}
