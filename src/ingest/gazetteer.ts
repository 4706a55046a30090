/**
 * Stage 2b: mentions of entities the graph already knows, decided by the API's own resolution
 * ladder (src/resolution: `typedName`, `resolveName`, `rankCandidates`), so a span links here
 * exactly when `entity(name:)` would answer that entity for it, at the ladder's name steps:
 * EXACT / ALIAS / COMMON_NAME (name keys: case, diacritics, apostrophes, the Arabic article,
 * Mohammed/Muhammad…), REORDERED and SPELLING (transliteration skeletons: Jabla = Jableh,
 * Ministry of Defense = Defence Ministry). The ladder's looser steps (a part of a name, words
 * of a description) answer a person typing a name; in running text they would link every
 * "Syrian" or "forces", so they count only as below. Longest span wins.
 *
 * Candidate spans: runs of words each of which is a word (skeleton) of some known name, which
 * is what the API's lookup-key index finds candidates by; the ladder then decides from the
 * candidates' own names. What running text adds to the ladder, all documented in docs/ingest.md:
 * - a tie the ladder reports (AMBIGUOUS) is linked only if exactly one of the tied entities was
 *   already linked earlier in this document, else reported as ambiguous;
 * - a person's surname alone ("Rubio": the ladder's PARTIAL step) links only when exactly one
 *   person with that name-word was named in full earlier in the document;
 * - a capitalised name matches only capitalised text ("Hama", not "hama"), and a respelling
 *   (SPELLING) only text capitalised word by word, so "Homes were burned" is no "Hamas";
 * - "the coastal provinces of Latakia and Tartus": a city's name governed by "governorates/
 *   provinces" names the governorate (one sense per document afterwards).
 */
import {
  closeSpelling, foldedWords, nameVariants, rankCandidates, resolveName, SMALL_WORDS, spellingWord, typedName, wordKeys,
  type NameCandidate, type NameMatch,
} from '../resolution/index.js';
import { nameWords } from '../text/normalizeName.js';
import type { KnownEntity } from './knownEntities.js';
import type { AmbiguousMention, Mention, Sentence } from './types.js';

interface Token {
  start: number;
  end: number;
  raw: string;
  /** The folded words ('' for the Arabic article, which name keys drop). */
  word: string;
  /** Word skeletons of the folded words (none for articles and small words). */
  skeletons: string[];
  small: boolean;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\u2018\u2019\u02BB-\u02BF'`´]*/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    // A possessive is not part of the name: "Assad’s" is Assad.
    const raw = m[0].replace(/[\u2019'](?:s)?$/u, '');
    const words = foldedWords(raw);
    const small = words.length > 0 && words.every((w) => SMALL_WORDS.has(w));
    out.push({ start: offset + m.index, end: offset + m.index + raw.length, raw, word: words.join(' '), skeletons: small ? [] : words.map(spellingWord), small });
  }
  return out;
}

/** A known entity as the ladder sees it (src/resolution's NameCandidate), plus what ingestion needs. */
interface Candidate extends NameCandidate {
  known: KnownEntity;
  /** Names that start with a capital (after the article): such a name matches capitalised text only. */
  capitalNames: Set<string>;
}

export interface Gazetteer {
  byId: Map<string, KnownEntity>;
  candidates: Map<string, Candidate>;
  /** Word skeleton of any name → candidate ids (the `w:` terms of the API's lookup keys). */
  byWord: Map<string, Set<string>>;
  /** Whole-name keys (exact, reordered, spelling joined and sorted) → candidate ids. */
  byKey: Map<string, Set<string>>;
  /** Every exact key, to tell a new name from a known one. */
  fullKeys: Set<string>;
  /** Exact key → entity ids, for context switches ("Latakia" in "Latakia and Tartus Governorates"). */
  idsByKey: Map<string, string[]>;
  /** The most content words of any name: spans stop there. */
  maxWords: number;
}

const KIND = { person: 'Person', group: 'Group', place: 'Place', event: 'Event' } as const;
const put = <K, V>(m: Map<K, Set<V>>, k: K, v: V) => { let s = m.get(k); if (!s) m.set(k, (s = new Set())); s.add(v); };
const capital = (name: string) => /^\p{Lu}/u.test(name.replace(/^(?:al|el|ad|ar|as|ash|at|az|an)[-\s]/i, ''));

/** A name worth matching in text: not one letter, not a bare number ("A", "2011"). */
function matchable(name: string): boolean {
  const words = nameWords(name);
  return words.length > 0 && !(words.length === 1 && (words[0]!.length < 2 || /^\d+$/.test(words[0]!)));
}

export function buildGazetteer(entities: readonly KnownEntity[]): Gazetteer {
  const g: Gazetteer = { byId: new Map(), candidates: new Map(), byWord: new Map(), byKey: new Map(), fullKeys: new Set(), idsByKey: new Map(), maxWords: 1 };
  for (const e of entities) {
    g.byId.set(e.id, e);
    const names = e.names.filter(matchable);
    const common = (e.commonNames ?? []).filter(matchable);
    if (names.length + common.length === 0) continue;
    // The first matchable name stands in for the canonical one (the held-out bench may have
    // forgotten the canonical name: it is then not matchable, as for any other forgotten name).
    const [name, ...aliases] = names.length > 0 ? names : common;
    const c: Candidate = {
      id: e.id, kind: KIND[e.kind], name: name!, aliases, commonNames: names.length > 0 ? common : [], unnamed: e.unnamed,
      groupType: e.kind === 'group' ? e.subtype ?? null : null, placeType: e.kind === 'place' ? e.subtype ?? null : null,
      territoryOf: e.territoryOf ?? [], known: e, capitalNames: new Set([...names, ...common].filter(capital)),
    };
    g.candidates.set(e.id, c);
    for (const n of [...names, ...common]) {
      const v = nameVariants(n);
      for (const k of [`e:${v.exact}`, `o:${v.reordered}`, `s:${v.spellingJoined}`, `t:${v.spellingSorted}`]) put(g.byKey, k, e.id);
      for (const w of wordKeys(n)) put(g.byWord, w, e.id);
      g.fullKeys.add(v.exact);
      g.idsByKey.set(v.exact, [...new Set([...(g.idsByKey.get(v.exact) ?? []), e.id])]);
      g.maxWords = Math.max(g.maxWords, v.words.length);
    }
  }
  // The v2 rule's pairing where the graph lacks the TERRITORY_OF link: a country place and a
  // state of the same name are the territory and its state.
  for (const c of g.candidates.values()) {
    if (c.placeType !== 'country' || (c.territoryOf ?? []).length > 0) continue;
    const key = nameVariants(c.name).exact;
    const states = (g.idsByKey.get(key) ?? []).filter((id) => g.candidates.get(id)?.groupType === 'state');
    if (states.length === 1) c.territoryOf = states;
  }
  return g;
}

/** Is this name (a new-entity candidate) one the ladder resolves to a known entity at its name steps? */
export function knownName(g: Gazetteer, name: string): boolean {
  return keyHits(g, name).size > 0;
}

function keyHits(g: Gazetteer, text: string): Set<string> {
  const v = nameVariants(text);
  const out = new Set<string>();
  for (const k of [`e:${v.exact}`, `o:${v.reordered}`, `s:${v.spellingJoined}`, `t:${v.spellingSorted}`]) for (const id of g.byKey.get(k) ?? []) out.add(id);
  return out;
}

/** The candidates the API's lookup would find for a span: whole-name key hits, or entities holding every word. */
function candidatesFor(g: Gazetteer, hits: Set<string>, skeletons: string[]): Candidate[] {
  let all: Set<string> | undefined;
  for (const w of skeletons) {
    const ids = g.byWord.get(w) ?? new Set<string>();
    all = all === undefined ? new Set(ids) : new Set([...all].filter((id) => ids.has(id)));
  }
  return [...new Set([...hits, ...(all ?? [])])].map((id) => g.candidates.get(id)!);
}

export interface MatchResult {
  mentions: Mention[];
  ambiguous: AmbiguousMention[];
}

type Pick = { id: string; how: Mention['how']; confidence: number };

const HOW: Partial<Record<NameMatch['how'], { how: Mention['how']; confidence: number }>> = {
  EXACT: { how: 'full', confidence: 0.95 }, ALIAS: { how: 'full', confidence: 0.95 }, COMMON_NAME: { how: 'full', confidence: 0.9 },
  REORDERED: { how: 'reordered', confidence: 0.85 }, SPELLING: { how: 'spelling', confidence: 0.8 },
};

export function matchMentions(text: string, sentences: readonly Sentence[], g: Gazetteer): MatchResult {
  const mentions: Mention[] = [];
  const ambiguous: AmbiguousMention[] = [];
  const seen = new Set<string>(); // entities linked so far in this document
  const namedInFull = new Set<string>(); // people named by a full (multi-word) name so far
  const senseOf = new Map<string, string>(); // one sense per document: a city name once read as its governorate

  for (const s of sentences) {
    const tokens = tokenize(s.text, s.start);
    let i = 0;
    // An event's name embeds other entities' names ("Western Syria clashes"): inside it, only those.
    let insideEvent = -1;
    while (i < tokens.length) {
      const first = tokens[i]!;
      if (first.word === '' || first.small) { i++; continue; }
      const capitalText = /^\p{Lu}/u.test(first.raw);
      let linked = false;
      // The longest span the ladder answers and the case rules accept ("Bashar Assad has" is a
      // respelling of "Bashar Assad" to the ladder, but not written as a name).
      for (const found of spansFrom(text, tokens, i, g)) {
        const span = spanOf(text, tokens, i, found.endTok);
        // "pro-Assad militias": an adjective about Assad, not a mention of him.
        if (/(?:pro|anti)-$/i.test(text.slice(Math.max(0, span.start - 4), span.start))) { i = found.endTok + 1; linked = true; break; }
        const typed = typedName(span.text);
        const res = resolveName(typed, candidatesFor(g, found.hits, found.skeletons));
        const atTop = res.status === 'ONE' ? [{ candidate: res.candidate, match: res.match }] : res.status === 'AMBIGUOUS' ? res.ranked.filter((r) => r.match.step === res.ranked[0]!.match.step) : [];
        // The case rules: a capitalised name only for capitalised text; a respelling word by word.
        const fits = (r: (typeof atTop)[number]) => r.match.step <= 3 && (i > insideEvent || r.candidate.kind !== 'Event')
          && (!(r.candidate as Candidate).capitalNames.has(r.match.matchedName) || capitalText)
          && (r.match.how !== 'SPELLING' || !capital(r.match.matchedName) || spellingCaseFits(s, tokens, i, found.endTok, r.match.matchedName));
        const ok = atTop.filter(fits);
        if (ok.length > 0) {
          const key = nameWords(span.text).join(' ');
          const earlierSense = senseOf.get(key);
          const ids = ok.map((r) => r.candidate.id);
          const pick: Pick | undefined = governorateInContext(s, span, ids, g)
            ?? (earlierSense ? { id: earlierSense, how: 'context', confidence: 0.75 } : undefined)
            ?? (res.status === 'ONE' ? { id: res.candidate.id, ...(HOW[res.match.how] ?? { how: 'full' as const, confidence: 0.9 }) } : undefined)
            ?? (res.status === 'AMBIGUOUS' ? byContext(res.ranked.map((r) => r.candidate.id), seen) : undefined)
            // A tie that the case rules settled ("Hamas" the group vs a lower-case word's namesake).
            ?? (ok.length === 1 && atTop.length > 1 ? { id: ok[0]!.candidate.id, how: 'context', confidence: 0.7 } : undefined);
          if (pick && pick.how === 'context' && !ids.includes(pick.id)) senseOf.set(key, pick.id);
          // The ladder's state rule answered the state over its own country place.
          const stateRule = res.status === 'ONE' && pick?.id === res.candidate.id && res.candidate.groupType === 'state'
            && [...found.hits].some((id) => g.candidates.get(id)?.territoryOf?.includes(res.candidate.id));
          if (pick) {
            const e = g.byId.get(pick.id)!;
            mentions.push({ entityId: pick.id, kind: e.kind, sentence: s.index, ...span, how: stateRule ? 'state-over-territory' : pick.how, confidence: stateRule ? 0.9 : pick.confidence });
            seen.add(pick.id);
            if (e.kind === 'person' && found.endTok > i) namedInFull.add(pick.id);
          } else {
            ambiguous.push({ sentence: s.index, ...span, candidates: ids });
          }
          if (pick && e_kind(g, pick.id) === 'event') insideEvent = found.endTok; // the same start again, for the names inside
          else i = found.endTok + 1;
          linked = true;
          break;
        }
      }
      if (linked) continue;
      // A surname alone (the ladder's PARTIAL step), only if unambiguous in context.
      if (capitalText && first.skeletons.length === 1) {
        const people = [...(g.byWord.get(first.skeletons[0]!) ?? [])].map((id) => g.candidates.get(id)!).filter((c) => c.kind === 'Person' && namedInFull.has(c.id));
        const partial = rankCandidates(typedName(first.raw), people).filter((r) => r.match.how === 'PARTIAL');
        if (partial.length === 1) {
          const span = spanOf(text, tokens, i, i);
          mentions.push({ entityId: partial[0]!.candidate.id, kind: 'person', sentence: s.index, ...span, how: 'surname', confidence: 0.85 });
        }
      }
      i++;
    }
  }
  return { mentions, ambiguous };
}

interface Span { endTok: number; hits: Set<string>; skeletons: string[] }

/**
 * The runs of tokens from i that the ladder's keys can match, longest first: every content word a word
 * of some known name, joined by spaces or hyphens only (or the dots of an initialism, "U.S."),
 * ending on a content word, and with a whole-name key hit.
 */
function spansFrom(text: string, tokens: Token[], i: number, g: Gazetteer): Span[] {
  const found: Span[] = [];
  const skeletons: string[] = [];
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (j > i) {
      const gap = text.slice(tokens[j - 1]!.end, t.start);
      const initialism = tokens[j - 1]!.raw.length === 1 && /^\.\s?$/.test(gap);
      // A possessive inside a name ("Assad’s regime"): the ladder's words drop it too.
      const possessive = /^[\u2019']s\s+$/.test(gap);
      if (!/^[\s\-\u2010-\u2013]+$/.test(gap) && !initialism && !possessive) break;
    }
    if (t.word === '' || t.small) continue;
    if (!t.skeletons.every((k) => g.byWord.has(k))) {
      // A joined pair ("air base" = "airbase") is a word of a name even when its halves are not.
      const prev = tokens[j - 1];
      if (!(prev && prev.skeletons.length > 0 && g.byWord.has(spellingWord(nameWords(prev.raw + t.raw).join(''))))) break;
    }
    skeletons.push(...t.skeletons);
    if (skeletons.length > g.maxWords + 1) break;
    const spanText = text.slice(tokens[i]!.start, t.end);
    const hits = keyHits(g, spanText);
    if (hits.size > 0) found.push({ endTok: j, hits, skeletons: [...skeletons] });
  }
  return found.reverse();
}

/**
 * A respelling counts in running text only where each of its words is written as a name: the
 * text's content words capitalised wherever the known name's are ("Jabla", "Ministry of
 * Defense"), and one-word respellings also a close spelling of the name (src/resolution's
 * closeSpelling), so a capitalised common word at a sentence's start ("Homes") is not "Hamas".
 */
function spellingCaseFits(s: Sentence, tokens: Token[], i: number, j: number, name: string): boolean {
  const content = tokens.slice(i, j + 1).filter((t) => t.word !== '' && !t.small);
  const isCap = (w: string) => /^\p{Lu}/u.test(w.replace(/^(?:al|el)-/i, ''));
  const nameContent = tokenize(name).filter((t) => t.word !== '' && !t.small);
  // Word by word where the words line up ("Assad loyalist" ~ "Assad loyalists"), else all capitalised.
  const caseFits = nameContent.length === content.length
    ? content.every((t, k) => !isCap(nameContent[k]!.raw) || isCap(t.raw))
    : content.every((t) => isCap(t.raw));
  if (!caseFits) return false;
  if (content.length > 1) return true;
  // Where any word is capitalised (a sentence's first word, a headline in title case), a
  // capital says nothing: the one word must also be a close spelling of the name's.
  const long = tokens.filter((t) => t.raw.length >= 4);
  const titleCase = long.length > 0 && long.length >= 4 && long.filter((t) => isCap(t.raw)).length >= 0.8 * long.length;
  const atStart = /^[\s\p{P}]*$/u.test(s.text.slice(0, tokens[i]!.start - s.start));
  if (!atStart && !titleCase) return true;
  return nameContent.length === 1 && closeSpelling(content[0]!.word, nameContent[0]!.word);
}

/**
 * "the Tartus and Latakia Governorates", "the coastal provinces of Latakia and Tartus", "Hama
 * province": a city's name in a list governed by "governorate(s)/province(s)" names the
 * governorate, when the graph knows one called "<name> Governorate".
 */
function governorateInContext(s: Sentence, span: { start: number; end: number; text: string }, ids: string[], g: Gazetteer): Pick | undefined {
  if (ids.length !== 1 || g.byId.get(ids[0]!)?.kind !== 'place') return undefined;
  const after = s.text.slice(span.end - s.start);
  const before = s.text.slice(0, span.start - s.start);
  const NAME = String.raw`[\p{Lu}][\p{L}'’-]*`;
  const listAfter = new RegExp(String.raw`^(?:(?:,\s*|\s+and\s+)${NAME})*\s+(?:[Gg]overnorates?|[Pp]rovinces?)\b`, 'u');
  const listBefore = new RegExp(String.raw`\b(?:governorates?|provinces?)\s+of\s+(?:${NAME}(?:,\s*|\s+and\s+))*$`, 'iu');
  if (!listAfter.test(after) && !listBefore.test(before)) return undefined;
  const key = nameWords(span.text).join(' ');
  const gov = (g.idsByKey.get(`${key} governorate`) ?? []).filter((id) => g.byId.get(id)?.subtype === 'governorate');
  return gov.length === 1 ? { id: gov[0]!, how: 'context', confidence: 0.85 } : undefined;
}

const e_kind = (g: Gazetteer, id: string) => g.byId.get(id)?.kind;

/** A tie the ladder cannot break: the one of them already linked in this document, if exactly one. */
function byContext(ids: string[], seen: Set<string>): Pick | undefined {
  const earlier = ids.filter((id) => seen.has(id));
  return earlier.length === 1 ? { id: earlier[0]!, how: 'context', confidence: 0.7 } : undefined;
}

/** The text of tokens i..j, widened left over a hyphen-joined article ("al-Sharaa"). */
function spanOf(text: string, tokens: Token[], i: number, j: number): { start: number; end: number; text: string } {
  let start = tokens[i]!.start;
  const prev = tokens[i - 1];
  const gap = prev ? text.slice(prev.end, start) : '';
  if (prev && prev.word === '' && (gap === '-' || (gap === ' ' && /^al$/i.test(prev.raw)))) start = prev.start;
  const end = tokens[j]!.end;
  return { start, end, text: text.slice(start, end) };
}
