/**
 * Coverage: for each document, which of its sentences the dataset cites. A sentence is cited
 * when the quotes that occur in it (every occurrence of every entry's quote from that document)
 * together cover at least `minShare` (default half) of its words: a bare name quoted for an
 * entity does not make a sentence "cited", the quote of the fact it states does.
 */
import type { Dataset } from '../seed/readDataset.js';
import { normalizeSpace, splitDocument, type Sentence } from '../text/splitSentences.js';

/** One sentence with what cites it. */
export interface SentenceCoverage {
  sentence: Sentence;
  /** Share of the sentence's words inside some quote, 0–1. */
  share: number;
  /** Ids of the entries whose quotes cover part of it. */
  citedBy: string[];
  cited: boolean;
}

export interface DocumentCoverage {
  source: string;
  sentences: SentenceCoverage[];
}

export interface CoverageOptions {
  /** Share of a sentence's words that quotes must cover for it to count as cited (default 0.5). */
  minShare?: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu;
const FOOTNOTE = /\[\d+\]/g;

/** The word spans of a sentence (footnote markers are not words), in document offsets. */
function wordSpans(s: Sentence): [number, number][] {
  const blanked = s.text.replace(FOOTNOTE, (m) => ' '.repeat(m.length));
  return [...blanked.matchAll(WORD)].map((m) => [s.start + m.index, s.start + m.index + m[0].length]);
}

/** Every [start, end) at which `needle` occurs in `hay`. */
function occurrences(hay: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (needle === '') return out;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) out.push([at, at + needle.length]);
  return out;
}

/** Every entry's citations, as (entry id, source, quote). */
export function allCitations(ds: Dataset): { entry: string; source: string; quote: string }[] {
  const lists = [ds.people, ds.groups, ds.places, ds.events, ds.claims, ds.relations] as { entry: { id: string; cite: { source: string; quote: string }[] } }[][];
  return lists.flatMap((list) => list.flatMap((l) => l.entry.cite.map((c) => ({ entry: l.entry.id, source: c.source, quote: c.quote }))));
}

export function measureCoverage(ds: Dataset, opts: CoverageOptions = {}): DocumentCoverage[] {
  const minShare = opts.minShare ?? 0.5;
  const cites = allCitations(ds);
  return ds.sources.map(({ entry: src, text }) => {
    const normalized = normalizeSpace(text);
    const spans: { entry: string; start: number; end: number }[] = [];
    for (const c of cites) {
      if (c.source !== src.id) continue;
      for (const [start, end] of occurrences(normalized, normalizeSpace(c.quote))) spans.push({ entry: c.entry, start, end });
    }
    spans.sort((a, b) => a.start - b.start);
    const sentences = splitDocument(text).flatMap((p) => p.sentences).map((sentence): SentenceCoverage => {
      const words = wordSpans(sentence);
      const inside = spans.filter((q) => q.start < sentence.end && q.end > sentence.start);
      const covered = words.filter(([ws, we]) => inside.some((q) => q.start <= ws && q.end >= we)).length;
      const share = words.length === 0 ? 0 : covered / words.length;
      const citedBy = [...new Set(inside.filter((q) => words.some(([ws, we]) => q.start <= ws && q.end >= we)).map((q) => q.entry))].sort();
      return { sentence, share, citedBy, cited: share >= minShare };
    });
    return { source: src.id, sentences };
  });
}
