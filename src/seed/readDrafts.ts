/**
 * Ingestion drafts (seed/drafts/*.yaml, written by `npm run ingest`) inside the seed pipeline.
 * Every draft entry is checked like a curated one — its seed schema once the review fields
 * (`review`, `confidence`, `why`) are set aside, and its quotes verbatim in its document — but
 * only entries with `review: accepted` join the dataset; pending and rejected ones are never
 * loaded. An accepted mention adds its citations to the known entity it names. Cross-entry
 * checks of accepted entries (references, unique ids) are validateDataset's, as for any entry.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { SECTION_NAMES, SECTION_SCHEMAS, citationSchema, type SectionName } from './entrySchemas.js';
import type { Dataset, Located } from './readDataset.js';
import type { SeedIssue } from './SeedValidationError.js';
import { normalizeWhitespace } from './validateDataset.js';

export const REVIEW_STATES = ['pending', 'accepted', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

const reviewFields = z.object({
  review: z.enum(REVIEW_STATES),
  confidence: z.number().min(0).max(1),
  why: z.string().trim().min(1),
});

const mentionSchema = z.strictObject({
  id: z.string().min(1),
  ...reviewFields.shape,
  entity: z.string().min(1),
  text: z.string().min(1),
  cite: z.array(citationSchema).min(1),
});

/** Sections only for the curator's eye: never loaded, only required to be lists. */
const INFO_SECTIONS = ['dates', 'ambiguous'] as const;

export interface DraftSummary {
  file: string;
  source: string;
  counts: Record<ReviewState, number>;
}

export function draftsDir(seedDir: string): string {
  return path.join(seedDir, 'drafts');
}

/** Checks every draft and adds the accepted entries to `ds`; returns the problems found. */
export async function applyDrafts(ds: Dataset, seedDir: string, summaries: DraftSummary[] = []): Promise<SeedIssue[]> {
  const dir = draftsDir(seedDir);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    return []; // no drafts folder: nothing drafted
  }
  const issues: SeedIssue[] = [];
  const texts = new Map(ds.sources.map((s) => [s.entry.id, normalizeWhitespace(s.text)]));
  for (const name of names) {
    const file = path.relative(process.cwd(), path.join(dir, name)) || name;
    const text = await readFile(path.join(dir, name), 'utf8');
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) issues.push({ file, line: e.linePos?.[0]?.line, message: `YAML syntax: ${e.message.split('\n')[0]}` });
      continue;
    }
    const lineOf = (n: unknown) => ((n as YamlNode | null)?.range ? lc.linePos((n as YamlNode).range![0]).line : 0);
    if (!isMap(doc.contents)) {
      issues.push({ file, line: 1, message: 'a draft must be a mapping with a "draft" header' });
      continue;
    }
    const root = doc.contents;
    const js = doc.toJS({ maxAliasCount: 10_000 }) as Record<string, unknown[]>; // resolves YAML anchors and aliases
    const header = js.draft as { source?: unknown } | undefined;
    const source = typeof header?.source === 'string' ? header.source : undefined;
    if (source === undefined || !texts.has(source)) {
      issues.push({ file, line: lineOf(root.get('draft', true)), field: 'draft.source', message: `must name a registered source (got ${JSON.stringify(header?.source)})` });
      continue;
    }
    const summary: DraftSummary = { file, source, counts: { pending: 0, accepted: 0, rejected: 0 } };
    summaries.push(summary);
    for (const pair of root.items) {
      const key = String((pair.key as { value?: unknown }).value ?? pair.key);
      if (key === 'draft' || (INFO_SECTIONS as readonly string[]).includes(key)) continue;
      if (key !== 'mentions' && !(SECTION_NAMES as string[]).includes(key)) {
        issues.push({ file, line: lineOf(pair.key), field: key, message: `unknown draft section "${key}"` });
        continue;
      }
      if (pair.value === null || (isSeq(pair.value) && pair.value.items.length === 0)) continue;
      if (!isSeq(pair.value)) {
        issues.push({ file, line: lineOf(pair.value), field: key, message: 'must be a list of entries' });
        continue;
      }
      const values = Array.isArray(js[key]) ? js[key] : [];
      for (const [index, node] of pair.value.items.entries()) {
        const line = lineOf(node);
        const raw = values[index] as Record<string, unknown>;
        const entryId = typeof raw?.id === 'string' ? raw.id : undefined;
        const at = (field: string | undefined, message: string): SeedIssue => ({ file, line, entry: entryId, field, message });
        const meta = reviewFields.safeParse(raw);
        if (!meta.success) {
          for (const i of meta.error.issues) issues.push(at(i.path.join('.'), i.message));
          continue;
        }
        let entry: { id: string; cite: { source: string; quote: string }[] };
        if (key === 'mentions') {
          const parsed = mentionSchema.safeParse(raw);
          if (!parsed.success) {
            for (const i of parsed.error.issues) issues.push(at(i.path.join('.'), i.message));
            continue;
          }
          entry = parsed.data;
        } else {
          const { review: _r, confidence: _c, why: _w, ...rest } = raw;
          const parsed = (SECTION_SCHEMAS[key as SectionName] as z.ZodType).safeParse(rest);
          if (!parsed.success) {
            for (const i of parsed.error.issues) issues.push(at(i.path.map(String).join('.'), i.message));
            continue;
          }
          entry = parsed.data as typeof entry;
        }
        summary.counts[meta.data.review]++;
        entry.cite.forEach((c, i) => {
          const t = texts.get(c.source);
          if (t === undefined) issues.push(at(`cite[${i}].source`, `refers to unknown source "${c.source}"`));
          else if (!t.includes(normalizeWhitespace(c.quote))) issues.push(at(`cite[${i}].quote`, `is not verbatim in ${c.source}: "${c.quote.slice(0, 90)}"`));
        });
        if (meta.data.review !== 'accepted') continue;
        if (key === 'mentions') {
          const target = (raw as { entity: string }).entity;
          const lists = [ds.people, ds.groups, ds.places, ds.events] as Located<{ id: string; cite: { source: string; quote: string }[] }>[][];
          const found = lists.flatMap((l) => l).find((l) => l.entry.id === target);
          if (!found) issues.push(at('entity', `refers to unknown entity "${target}"`));
          else found.entry = { ...found.entry, cite: [...found.entry.cite, ...entry.cite] };
        } else {
          (ds[key as SectionName] as Located<unknown>[]).push({ entry, file, line });
        }
      }
    }
  }
  return issues;
}
