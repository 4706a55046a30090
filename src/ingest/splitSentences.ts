/**
 * Stage 2a: sentences with their offsets. compromise decides where sentences end (it knows
 * "U.S." and "Dr." are not ends); we find each of its sentences back in the original text so a
 * quote is always a verbatim slice. Line breaks always end a sentence (paragraphs, headlines).
 */
import nlp from 'compromise';
import type { Sentence } from './types.js';

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const lineRe = /[^\n]+/g;
  for (let line = lineRe.exec(text); line !== null; line = lineRe.exec(text)) {
    let cursor = line.index;
    const lineEnd = line.index + line[0].length;
    for (const s of nlp(line[0]).sentences().out('array') as string[]) {
      const piece = s.trim();
      if (piece === '') continue;
      const at = text.indexOf(piece, cursor);
      if (at < 0 || at >= lineEnd) continue; // compromise normalised something: skip rather than misquote
      out.push({ index: out.length, start: at, end: at + piece.length, text: piece });
      cursor = at + piece.length;
    }
  }
  return out;
}
