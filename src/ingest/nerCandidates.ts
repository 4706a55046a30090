/**
 * Stage 2c: names the graph does not know yet, each with a kind. Capitalised spans ("Syrian
 * Observatory for Human Rights", "Hayat Tahrir al-Sham") are the candidates; compromise's
 * part-of-speech tags (Person, FirstName, Honorific, Place, Organization) and the words around a
 * span (a title before a person, "village of" before a place, "Ministry"/"Brigade" inside a group)
 * decide the kind. A span with no evidence of its kind is dropped: a curator reviews names, not noise.
 * Spans that overlap a known mention are cut at the mention, so the gazetteer always wins.
 */
import nlp from 'compromise';
import type { Mention, NewEntityCandidate, Sentence } from './types.js';

interface Tok { start: number; end: number; raw: string }

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\u2019'’-]*/gu;
const CONNECTORS = /^(?:of|for|the|and|de|bin|ibn|abu|al|el)$/i;
const STOP = /^(?:The|A|An|In|On|At|By|For|From|With|After|Before|During|Since|Despite|Amid|However|Meanwhile|According|This|That|These|Those|It|Its|He|She|They|We|I|His|Her|Their|Our|As|But|And|Or|If|When|While|Where|Who|What|Which|Some|Many|Several|Both|All|Most|Other|Another|One|Two|Three|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Mr|Mrs|Ms|Dr|President|Prime|Minister|General|Colonel|Major|Brigadier|Sheikh|Secretary|Interim|Acting|Former|NGO|NGOs|UK|US|EU|Early|Late|Official|Officials|Residents|Witnesses|Security|Government|State|Syria’s|Syria's)$/;
const DEMONYM = /^(?:Syrian|Alawite|Alawites|Sunni|Shia|Shiite|Islamist|Kurdish|Russian|Iranian|Turkish|Israeli|American|European|Arab|Arabic|Christian|Druze|Muslim|Islamic|Western|Eastern|Northern|Southern|Assadist|Ba'athist|Baathist)$/;
const TITLE = /\b(?:President|General|Colonel|Brigadier|Major|Captain|Lieutenant|Minister|Secretary|Sheikh|Shaykh|Imam|Mr\.?|Mrs\.?|Dr\.?|Commander|commander|leader|spokesman|spokesperson|spokeswoman|envoy|governor|Governor|head|chief|officer|activist|journalist|resident)\s+(?:of\s+[^,]{0,40}\s+)?$/;
const GROUP_WORDS = /\b(?:Ministry|Council|Committee|Front|Brigades?|Army|Forces|Observatory|Organi[sz]ation|Office|Department|Union|Party|Movement|Command|Division|Battalion|Network|Agency|Authority|Authorities|Government|Administration|Court|Service|Resistance|Guard|Regiment|Coalition|Shield|Saraya|Liwa|Jaysh|Alliance|Group|Society|Crescent|Cross|Commission|Police|Militia|Tahrir|Hayat|Ansar|Sham|Institute|News|Agency|Association|Federation|Corps)\b/;
const GROUP_WORD_ALONE = new RegExp(`^${GROUP_WORDS.source}$`);
const PLACE_BEFORE = /\b(?:village|town|city|governorate|province|district|countryside|neighbourhood|neighborhood|region|area|suburb|port city|capital)\s+of\s+$|\b(?:in|near|to|into|from|outside|around|towards|toward)\s+(?:the\s+)?$/i;
const PLACE_AFTER = /^\s*(?:village|town|city|Governorate|governorate|province|Province|district|District|countryside|neighbourhood|neighborhood|region|base|airport|Airport|prison|Prison|Mosque|mosque|Road|road|Highway|highway|Motorway|Square|mountains|Mountains)\b/;

function tokens(text: string): Tok[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, raw: m[0].replace(/[\u2019'’]s$/, '') }));
}

const isCap = (t: Tok) => /^\p{Lu}/u.test(t.raw) || /^(?:al|el)-\p{Lu}/u.test(t.raw);

export function findCandidates(sentences: readonly Sentence[], mentions: readonly Mention[]): NewEntityCandidate[] {
  const out: NewEntityCandidate[] = [];
  for (const s of sentences) {
    const covered = mentions.filter((m) => m.sentence === s.index).map((m) => [m.start - s.start, m.end - s.start] as const);
    const inMention = (t: Tok) => covered.some(([a, b]) => t.start < b && t.end > a);
    const toks = tokens(s.text);
    const terms = nlp(s.text).terms().json({ offset: true }) as { offset: { start: number; length: number }; terms: { tags: string[] }[] }[];
    const tagsAt = (t: Tok) => new Set(terms.filter((x) => x.offset.start < t.end && x.offset.start + x.offset.length > t.start).flatMap((x) => x.terms[0]?.tags ?? []));

    let i = 0;
    while (i < toks.length) {
      if (!isCap(toks[i]!) || inMention(toks[i]!)) { i++; continue; }
      let j = i;
      while (j + 1 < toks.length) {
        const next = toks[j + 1]!;
        if (inMention(next)) break;
        const gap = s.text.slice(toks[j]!.end, next.start);
        if (!/^[\s-]$/.test(gap)) break; // punctuation ends a name
        if (isCap(next)) { j++; continue; }
        // A connector inside a name ("Observatory for Human Rights", "Tahrir al-Sham").
        const after = toks[j + 2];
        if (CONNECTORS.test(next.raw) && after && isCap(after) && !inMention(after) && /^[\s-]$/.test(s.text.slice(next.end, after.start))) { j += 2; continue; }
        break;
      }
      let first = i;
      while (first <= j && (STOP.test(toks[first]!.raw) || (first < j && DEMONYM.test(toks[first]!.raw) && !GROUP_WORDS.test(s.text.slice(toks[first]!.start, toks[j]!.end))))) first++;
      const span = first <= j ? { start: toks[first]!.start, end: toks[j]!.end } : undefined;
      i = j + 1;
      if (!span) continue;
      const name = s.text.slice(span.start, span.end);
      const words = name.split(/[\s-]+/);
      if (words.length === 1 && (DEMONYM.test(name) || STOP.test(name) || name.length < 3)) continue;
      // "the Observatory", "the Ministry": an organisation word alone refers back, it names no one new.
      if (words.length === 1 && GROUP_WORD_ALONE.test(name)) continue;
      if (/^\d/.test(name)) continue;
      const before = s.text.slice(0, span.start);
      const afterText = s.text.slice(span.end);
      const tags = toks.slice(first, j + 1).map(tagsAt);
      const has = (tag: string) => tags.some((t) => t.has(tag));
      const sentenceStart = span.start === 0 || /^[\s“"(]*$/.test(before);
      let kind: NewEntityCandidate['kind'] | undefined;
      let why = '';
      if (GROUP_WORDS.test(name)) { kind = 'group'; why = 'an organisation word in the name'; }
      else if (TITLE.test(before)) { kind = 'person'; why = `a title or role before it ("${TITLE.exec(before)![0].trim()}")`; }
      else if (PLACE_AFTER.test(afterText)) { kind = 'place'; why = `a place word after it ("${PLACE_AFTER.exec(afterText)![0].trim()}")`; }
      else if (/\b(?:village|town|city|governorate|province|district|countryside|neighbourhood|port city)\s+of\s+$/i.test(before)) { kind = 'place'; why = 'a place word before it'; }
      // "in Al-Shajar", "near Al-Qusayr": a place, when the only sign of a person is a tag on one word
      // (the Arabic article is no first name).
      else if (/\b(?:in|near|outside|around|into)\s+$/i.test(before) && !has('FirstName') && words.filter((w) => !/^(?:al|el)$/i.test(w)).length === 1) { kind = 'place'; why = `after "${/\b(?:in|near|outside|around|into)\s+$/i.exec(before)![0].trim()}"`; }
      else if (has('Person') && (has('FirstName') || has('LastName') || words.length >= 2)) { kind = 'person'; why = 'tagged as a person name'; }
      else if (has('Place') || has('City') || has('Country')) { kind = 'place'; why = 'tagged as a place'; }
      else if (has('Organization')) { kind = 'group'; why = 'tagged as an organisation'; }
      else if (PLACE_BEFORE.test(before) && words.length <= 3) { kind = 'place'; why = `after "${PLACE_BEFORE.exec(before)![0].trim()}"`; }
      if (!kind) continue;
      if (sentenceStart && words.length === 1 && kind !== 'place' && !GROUP_WORDS.test(name)) continue;
      const confidence = Math.min(0.9, 0.5 + (words.length >= 2 ? 0.15 : 0) + (why.startsWith('a ') ? 0.15 : 0.05));
      out.push({ kind, name, sentence: s.index, start: s.start + span.start, end: s.start + span.end, confidence, why });
    }
  }
  return out;
}
