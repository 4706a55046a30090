/**
 * Splits a source document into the units coverage and attribution reason about: paragraphs
 * (one per non-empty line) and their sentences, with offsets in the whitespace-normalised text
 * (the text quotes are matched against, see normalizeWhitespace in src/seed/validateDataset.ts).
 *
 * Sentence boundaries come from ICU's sentence segmenter (Intl.Segmenter: Unicode UAX #29 with
 * CLDR data, shipped with Node; no dependency). Three things it gets wrong on these documents are
 * tuned here:
 * - Abbreviations: Node's ICU does not apply CLDR's break suppressions, so "U.S. Secretary of
 *   State" would split after "U.S."; a segment ending in an initialism or title is joined on.
 * - Wikipedia footnote markers ("… forces. [7] Latakia's …"): ICU opens the next sentence with
 *   "[7]"; a marker belongs to the sentence before it.
 * - Infobox rows ("| Belligerents | |||||||", "344+ civilians killed [15] [16] (SOHR claim) |"):
 *   a table row is not prose; each non-empty cell is one unit, and rows of only pipes, rules
 *   and image placeholders (`![]()`) are no unit at all.
 */

/** One sentence (or infobox cell) of a document. */
export interface Sentence {
  /** 0-based position among the document's sentences. */
  index: number;
  /** The sentence, whitespace-normalised, footnote markers included. */
  text: string;
  /** `prose` for running text, `infobox` for a cell of a table row. */
  kind: 'prose' | 'infobox';
  /** 0-based index of the paragraph (non-empty line) it is in. */
  paragraph: number;
  /** 1-based line of the document. */
  line: number;
  /** Offsets of `text` in the whitespace-normalised document: [start, end). */
  start: number;
  end: number;
}

/** A paragraph: one non-empty line of the document. */
export interface Paragraph {
  index: number;
  line: number;
  kind: 'prose' | 'infobox';
  /** Offsets in the whitespace-normalised document. */
  start: number;
  end: number;
  sentences: Sentence[];
}

const FOOTNOTES = /^(?:\[\d+\]\s*)+/;
const ONLY_FOOTNOTES = /^(?:\[\d+\]\s*)+$/;
const HAS_WORD = /[\p{L}\p{N}]/u;
/** Initialisms (U.S., U.N.) and titles (Dr., Gen.) that end a segment without ending a sentence. */
const ABBREVIATION_END = /(?:^|[\s(])(?:(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Brig|Capt|St|Prof|Jr|Sr|No|vs|approx)\.)$/;

/** Collapses runs of whitespace, as quotes are matched. */
export function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Drops footnote markers ("[42]"), for comparing a sentence with a ledger line. */
export function withoutFootnotes(s: string): string {
  return normalizeSpace(s.replace(/\[\d+\]/g, ' '));
}

/** A line of a Markdown-ish table: starts or ends with a pipe, or is a `---|---` rule. */
export function isTableRow(line: string): boolean {
  const t = line.trim();
  return t.startsWith('|') || t.endsWith('|') || /^-{3,}\|/.test(t);
}

let segmenter: Intl.Segmenter | undefined;

/** The prose sentences of one paragraph, footnote markers attached to the sentence they follow. */
export function proseSentences(paragraph: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: string[] = [];
  let carry = '';
  for (const { segment } of segmenter.segment(paragraph)) {
    let s = normalizeSpace(carry + segment);
    carry = '';
    if (s === '') continue;
    // ICU (as Node ships it) does not suppress breaks after abbreviations: "U.S. | Secretary".
    if (ABBREVIATION_END.test(s)) {
      carry = `${s} `;
      continue;
    }
    const lead = FOOTNOTES.exec(s)?.[0];
    if (lead !== undefined && out.length > 0) {
      out[out.length - 1] = `${out[out.length - 1]} ${lead.trim()}`;
      s = s.slice(lead.length).trim();
      if (s === '') continue;
    }
    if (ONLY_FOOTNOTES.test(s) && out.length > 0) out[out.length - 1] = `${out[out.length - 1]} ${s}`;
    else out.push(s);
  }
  if (carry.trim() !== '') out.push(carry.trim());
  return out;
}

/** The cells of a table row that hold words (image placeholders, rules and pipes removed). */
export function tableCells(line: string): string[] {
  return line
    .split('|')
    .map((c) => normalizeSpace(c.replace(/!\[\]\(\)/g, ' ').replace(/^-{3,}$/, '')))
    .filter((c) => HAS_WORD.test(c));
}

/** Splits a whole document into paragraphs and sentences with normalised offsets. */
export function splitDocument(text: string): Paragraph[] {
  const normalized = normalizeSpace(text);
  const paragraphs: Paragraph[] = [];
  let cursor = 0;
  let sentenceIndex = 0;
  const locate = (piece: string): number => {
    const at = normalized.indexOf(piece, cursor);
    // Unreachable for pieces cut from the text itself; fail loudly rather than mis-locate.
    if (at < 0) throw new Error(`splitDocument: cannot locate "${piece.slice(0, 60)}" in the normalised text`);
    return at;
  };
  text.split('\n').forEach((raw, i) => {
    if (!HAS_WORD.test(raw)) return;
    const kind = isTableRow(raw) ? 'infobox' : 'prose';
    const pieces = kind === 'infobox' ? tableCells(raw) : proseSentences(raw);
    if (pieces.length === 0) return;
    const sentences: Sentence[] = [];
    for (const piece of pieces) {
      const start = locate(piece);
      cursor = start + piece.length;
      sentences.push({ index: sentenceIndex++, text: piece, kind, paragraph: paragraphs.length, line: i + 1, start, end: cursor });
    }
    paragraphs.push({ index: paragraphs.length, line: i + 1, kind, start: sentences[0]!.start, end: cursor, sentences });
  });
  return paragraphs;
}
