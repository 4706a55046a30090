/**
 * The ledger of sentences deliberately left uncited (seed/uncited.yaml), with the reason for each.
 * Checked against the documents: every ledger line must be a sentence of its document (compared
 * without footnote markers), listed once; one that an entry cites after all is reported, so the
 * ledger shrinks as facts are added instead of hiding them.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { SeedIssue } from '../seed/SeedValidationError.js';
import { withoutFootnotes } from '../text/splitSentences.js';
import type { DocumentCoverage } from './measureCoverage.js';

/** Why a sentence carries no fact of its own. */
export const UNCITED_REASONS = {
  heading: 'a title or section heading',
  infobox: 'an infobox label or a row whose facts are stated (and cited) in the prose',
  'no-fact': 'states nothing about an actor, place or event the graph can hold (e.g. a byline, a generic remark)',
  duplicate: 'repeats a fact already cited from this document; `of` names the entry that holds it',
} as const;

export const ledgerEntrySchema = z
  .strictObject({
    source: z.string().min(1),
    sentence: z.string().trim().min(1),
    reason: z.enum(Object.keys(UNCITED_REASONS) as [keyof typeof UNCITED_REASONS, ...(keyof typeof UNCITED_REASONS)[]]),
    of: z.string().optional(),
    note: z.string().trim().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.reason === 'duplicate' && e.of === undefined) ctx.addIssue({ code: 'custom', path: ['of'], message: 'is required for a duplicate: the entry that holds the fact' });
    if (e.reason !== 'duplicate' && e.of !== undefined) ctx.addIssue({ code: 'custom', path: ['of'], message: `only a duplicate names an entry (reason: ${e.reason})` });
  });
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export interface LocatedLedgerEntry {
  entry: LedgerEntry;
  line: number;
}

export interface Ledger {
  file: string;
  entries: LocatedLedgerEntry[];
  issues: SeedIssue[];
}

/** Reads the ledger file (a mapping with an `uncited` list); a missing file is an empty ledger. */
export async function readLedger(file: string): Promise<Ledger> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { file, entries: [], issues: [] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const issues: SeedIssue[] = doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line, message: `YAML syntax: ${e.message.split('\n')[0]}` }));
  const seq = isMap(doc.contents) ? doc.contents.get('uncited', true) : undefined;
  if (issues.length === 0 && doc.contents !== null && !isSeq(seq)) issues.push({ file, field: 'uncited', message: 'must have an "uncited" list' });
  const entries: LocatedLedgerEntry[] = [];
  if (isSeq(seq)) {
    for (const node of seq.items) {
      const line = (node as YamlNode).range ? lineCounter.linePos((node as YamlNode).range![0]).line : 0;
      const parsed = ledgerEntrySchema.safeParse((node as YamlNode).toJSON());
      if (parsed.success) entries.push({ entry: parsed.data, line });
      else for (const i of parsed.error.issues) issues.push({ file, line, field: i.path.join('.'), message: i.message });
    }
  }
  return { file, entries, issues };
}

/** Which document sentences each ledger line accounts for, and every problem with the ledger. */
export function checkLedger(ledger: Ledger, coverage: DocumentCoverage[], entryIds: ReadonlySet<string>): { ledgered: Map<string, Set<number>>; issues: SeedIssue[] } {
  const issues: SeedIssue[] = [...ledger.issues];
  const ledgered = new Map<string, Set<number>>();
  const bySource = new Map(coverage.map((d) => [d.source, d]));
  for (const { entry: e, line } of ledger.entries) {
    const at = (field: string, message: string): SeedIssue => ({ file: ledger.file, line, field, message });
    const doc = bySource.get(e.source);
    if (doc === undefined) {
      issues.push(at('source', `refers to unknown source "${e.source}"`));
      continue;
    }
    if (e.of !== undefined && !entryIds.has(e.of)) issues.push(at('of', `refers to unknown entry "${e.of}"`));
    const want = withoutFootnotes(e.sentence);
    const matches = doc.sentences.filter((s) => withoutFootnotes(s.sentence.text) === want);
    if (matches.length === 0) {
      issues.push(at('sentence', `is not a sentence of ${e.source}: "${want.slice(0, 90)}${want.length > 90 ? '…' : ''}"`));
      continue;
    }
    const seen = ledgered.get(e.source) ?? new Set<number>();
    for (const m of matches) {
      if (seen.has(m.sentence.index)) issues.push(at('sentence', `is listed twice for ${e.source}`));
      seen.add(m.sentence.index);
      if (m.cited) issues.push(at('sentence', `is cited after all (by ${m.citedBy.join(', ')}): remove it from the ledger`));
    }
    ledgered.set(e.source, seen);
  }
  return { ledgered, issues };
}
