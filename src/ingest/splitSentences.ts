/**
 * Stage 2a: sentences with their offsets in the document's own text. The codebase has one
 * sentence splitter, src/text/splitSentences.ts (ICU's Intl.Segmenter, shipped with Node, with
 * its fixes for initialisms and titles, footnote markers and infobox cells): it is the one
 * coverage and the attribution rule of `seed:check` reason about, so a draft's quotes and its
 * certainty/claimant are read from the very sentences `seed:check` will check them against
 * (compromise's splitter, used here before, cut "[69] Two civilians…" differently and the rule
 * then scoped the wrong sentence). compromise stays for what it is good at: name tags (stage 2c).
 *
 * That splitter works on the whitespace-normalised text; each sentence is mapped back to the
 * original offsets, so a quote is always a verbatim slice of the document (quotes are matched
 * modulo whitespace).
 */
import { splitDocument } from '../text/splitSentences.js';
import type { Sentence } from './types.js';

export function splitSentences(text: string): Sentence[] {
  // Offsets of the normalised text (runs of whitespace → one space, trimmed) in the original.
  const toOriginal: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && toOriginal.length > 0) toOriginal.push(pendingSpace);
    pendingSpace = -1;
    toOriginal.push(i);
  }
  const out: Sentence[] = [];
  for (const p of splitDocument(text)) {
    for (const s of p.sentences) {
      const start = toOriginal[s.start]!;
      const end = toOriginal[s.end - 1]! + 1;
      out.push({ index: out.length, start, end, text: text.slice(start, end), kind: s.kind, paragraph: p.index });
    }
  }
  return out;
}
