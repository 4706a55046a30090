/**
 * Stage 1: the document becomes a source — its text copied into seed/documents/ under a
 * content-addressed name (like the curated five) and an entry added to seed/sources.yaml, with
 * the file's comments kept. A document already registered (same id, or the same text under
 * another id) is refused unless `update` is set; then its entry and text are replaced.
 */
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { sourceSchema, type SourceEntry } from '../seed/entrySchemas.js';

export interface SourceInput {
  id: string;
  title: string;
  publisher: string;
  asOf: string;
  kind?: 'news_report' | 'encyclopedia_revision';
  author?: string;
  url?: string;
}

export class IngestRefusal extends Error {
  override name = 'IngestRefusal';
}

export function documentFileName(id: string, text: string): string {
  const digits = /(\d+)$/.exec(id)?.[1];
  const prefix = digits !== undefined ? digits.padStart(3, '0') : id;
  return `${prefix}_${createHash('sha256').update(text).digest('hex').slice(0, 16)}.txt`;
}

export async function registerSource(seedDir: string, input: SourceInput, text: string, update: boolean): Promise<SourceEntry> {
  const sourcesFile = path.join(seedDir, 'sources.yaml');
  const doc = parseDocument(await readFile(sourcesFile, 'utf8'));
  const list = isMap(doc.contents) ? doc.contents.get('sources', true) : undefined;
  if (!isSeq(list)) throw new IngestRefusal(`${sourcesFile} has no "sources" list`);
  const file = documentFileName(input.id, text);
  const entry = sourceSchema.parse({
    id: input.id,
    file,
    title: input.title,
    kind: input.kind ?? 'news_report',
    publisher: input.publisher,
    ...(input.author ? { author: input.author } : {}),
    asOf: input.asOf,
    note: `Ingested with npm run ingest${input.url ? ` from ${input.url}` : ''}; its facts are in seed/drafts/${input.id}.yaml until reviewed.`,
  });

  const items = list.items as YAMLMap[];
  const sameId = items.findIndex((n) => n.get('id') === input.id);
  const sameText = items.findIndex((n) => String(n.get('file')).split('_')[1] === file.split('_')[1]);
  if (!update && sameId >= 0) throw new IngestRefusal(`source ${input.id} is already registered (${sourcesFile}); pass --update to replace it`);
  if (!update && sameText >= 0) throw new IngestRefusal(`this text is already registered as ${String(items[sameText]!.get('id'))}; pass --update to replace it`);

  if (sameId >= 0) {
    const oldFile = String(items[sameId]!.get('file'));
    list.items[sameId] = doc.createNode(entry);
    if (oldFile !== file) await rm(path.join(seedDir, 'documents', oldFile), { force: true });
  } else {
    list.items.push(doc.createNode(entry));
  }
  await writeFile(path.join(seedDir, 'documents', file), text);
  await writeFile(sourcesFile, doc.toString({ lineWidth: 0 }));
  return entry;
}
