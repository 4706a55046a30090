/**
 * Stage 7: review. Sets `review:` on draft entries by id (accept / reject / back to pending) in
 * place, keeping the rest of the file as it is, and lists the draft's entries with their status.
 * Accepting a relationship or claim whose ends are new entities does not accept those entities:
 * `seed:check` then reports the dangling reference, so nothing half-reviewed gets loaded.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { draftsDir, type ReviewState } from '../seed/readDrafts.js';

export interface DraftItem {
  section: string;
  id: string;
  review: string;
  confidence: number;
  summary: string;
}

const LOADABLE = ['mentions', 'people', 'groups', 'places', 'events', 'claims', 'relations'];

export function draftPath(seedDir: string, id: string): string {
  return path.join(draftsDir(seedDir), `${id}.yaml`);
}

function summarize(section: string, e: YAMLMap): string {
  const g = (k: string) => e.get(k) as string | number | undefined;
  switch (section) {
    case 'mentions': return `"${g('text')}" → ${g('entity')}`;
    case 'events': return `${g('name')} (${g('eventType')} / ${g('subEventType')}${g('place') ? `, ${g('place')}` : ''})`;
    case 'claims': return `${g('about') ? `[${g('about')}] ` : ''}${g('qualifier')} ${g('value') ?? `${g('low')}–${g('high')}`} ${g('victims')} ${g('measure')}${g('claimedBy') ? ` (${g('claimedBy')})` : ''}`;
    case 'relations': return `${g('from')} -[${g('type')}]-> ${g('to')}${g('predicate') ? ` "${g('predicate')}"` : ''}`;
    default: return `${g('name')}`;
  }
}

export async function listDraft(seedDir: string, id: string): Promise<DraftItem[]> {
  const doc = parseDocument(await readFile(draftPath(seedDir, id), 'utf8'));
  const out: DraftItem[] = [];
  if (!isMap(doc.contents)) return out;
  for (const section of LOADABLE) {
    const seq = doc.contents.get(section, true);
    if (!isSeq(seq)) continue;
    for (const e of seq.items as YAMLMap[]) {
      out.push({ section, id: String(e.get('id')), review: String(e.get('review')), confidence: Number(e.get('confidence')), summary: summarize(section, e) });
    }
  }
  return out;
}

/** Sets the status of the given entry ids; `all` sets every entry. Returns ids not found. */
export async function setReview(seedDir: string, id: string, state: ReviewState, ids: readonly string[] | 'all'): Promise<{ changed: string[]; unknown: string[] }> {
  const file = draftPath(seedDir, id);
  const doc = parseDocument(await readFile(file, 'utf8'));
  const changed: string[] = [];
  const wanted = new Set(ids === 'all' ? [] : ids);
  if (isMap(doc.contents)) {
    for (const section of LOADABLE) {
      const seq = doc.contents.get(section, true);
      if (!isSeq(seq)) continue;
      for (const e of seq.items as YAMLMap[]) {
        const eid = String(e.get('id'));
        if (ids === 'all' || wanted.has(eid)) {
          e.set('review', state);
          changed.push(eid);
        }
      }
    }
  }
  await writeFile(file, doc.toString({ lineWidth: 0 }));
  return { changed, unknown: ids === 'all' ? [] : [...wanted].filter((x) => !changed.includes(x)) };
}

/** The review states of an existing draft, to carry over when a document is re-ingested. */
export async function existingReviews(seedDir: string, id: string): Promise<Map<string, string>> {
  try {
    return new Map((await listDraft(seedDir, id)).map((i) => [i.id, i.review]));
  } catch {
    return new Map();
  }
}
