/**
 * Stage 2b: mentions of entities the graph already knows. The gazetteer is built from every
 * known name and alias, folded with the API's own name keys (src/text/normalizeName.ts), so a
 * span links here exactly when the API's name lookup would resolve it. Longest match wins.
 *
 * Tie-breaks, all documented in docs/ingest.md:
 * - a key shared by a state (Group, groupType state) and its country Place answers the state;
 * - a key shared by other entities is ambiguous; it is linked only if exactly one of them was
 *   already named unambiguously earlier in this document, else reported as ambiguous;
 * - a person's surname alone ("Rubio") links only when exactly one person with that surname was
 *   named in full earlier in the document and the surname is no other entity's key;
 * - a capitalised name matches only capitalised text ("Hama", not "hama").
 */
import { nameWords } from '../text/normalizeName.js';
import type { KnownEntity } from './knownEntities.js';
import type { AmbiguousMention, Mention, Sentence } from './types.js';

interface Token {
  start: number;
  end: number;
  raw: string;
  /** The folded word, or '' for the Arabic article, which name keys drop. */
  word: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Entities whose name ends here, with whether that name starts with a capital. */
  ends: Map<string, boolean>;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\u2018\u2019\u02BB-\u02BF'`´]*/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    // A possessive is not part of the name: "Assad’s" is Assad.
    const raw = m[0].replace(/[\u2019'](?:s)?$/u, '');
    const words = nameWords(raw);
    out.push({ start: offset + m.index, end: offset + m.index + raw.length, raw, word: words.join(' ') });
  }
  return out;
}

export interface Gazetteer {
  byId: Map<string, KnownEntity>;
  root: TrieNode;
  /** Folded surname → people ids whose name ends with it. */
  surnames: Map<string, string[]>;
  /** Every full key, to keep surnames from shadowing another entity's own name. */
  fullKeys: Set<string>;
  /** Full key → entity ids, for context switches ("Latakia" in "Latakia and Tartus Governorates"). */
  idsByKey: Map<string, string[]>;
}

const newNode = (): TrieNode => ({ next: new Map(), ends: new Map() });

export function buildGazetteer(entities: readonly KnownEntity[]): Gazetteer {
  const root = newNode();
  const byId = new Map<string, KnownEntity>();
  const surnames = new Map<string, string[]>();
  const fullKeys = new Set<string>();
  const idsByKey = new Map<string, string[]>();
  for (const e of entities) {
    byId.set(e.id, e);
    for (const name of e.names) {
      const words = nameWords(name);
      if (words.length === 0) continue;
      // A one-letter or purely numeric key would match noise ("A", "2011").
      if (words.length === 1 && (words[0]!.length < 2 || /^\d+$/.test(words[0]!))) continue;
      fullKeys.add(words.join(' '));
      idsByKey.set(words.join(' '), [...new Set([...(idsByKey.get(words.join(' ')) ?? []), e.id])]);
      let node = root;
      for (const w of words) {
        let child = node.next.get(w);
        if (!child) node.next.set(w, (child = newNode()));
        node = child;
      }
      const capital = /^\p{Lu}/u.test(name.replace(/^(?:al|el|ad|ar|as|ash|at|az|an)[-\s]/i, ''));
      node.ends.set(e.id, (node.ends.get(e.id) ?? false) || capital);
    }
    if (e.kind === 'person' && !e.unnamed) {
      const words = nameWords(e.name);
      if (words.length >= 2) {
        const last = words[words.length - 1]!;
        surnames.set(last, [...new Set([...(surnames.get(last) ?? []), e.id])]);
      }
    }
  }
  return { byId, root, surnames, fullKeys, idsByKey };
}

/** The state wins over its own country territory (the documented rule); else undefined. */
function stateOverTerritory(ids: string[], g: Gazetteer): string | undefined {
  const states = ids.filter((id) => g.byId.get(id)?.subtype === 'state');
  const rest = ids.filter((id) => !states.includes(id));
  if (states.length === 1 && rest.every((id) => g.byId.get(id)?.subtype === 'country')) return states[0];
  return undefined;
}

export interface MatchResult {
  mentions: Mention[];
  ambiguous: AmbiguousMention[];
}

export function matchMentions(text: string, sentences: readonly Sentence[], g: Gazetteer): MatchResult {
  const mentions: Mention[] = [];
  const ambiguous: AmbiguousMention[] = [];
  const seen = new Set<string>(); // entities linked unambiguously so far in this document
  const namedInFull = new Set<string>(); // people named by a full (multi-word) name so far
  const senseOf = new Map<string, string>(); // one sense per document: a city name once read as its governorate

  for (const s of sentences) {
    const tokens = tokenize(s.text, s.start);
    let i = 0;
    while (i < tokens.length) {
      if (tokens[i]!.word === '') { i++; continue; }
      // Longest trie walk from token i, skipping articles inside the span.
      let node = g.root;
      let best: { endTok: number; ends: Map<string, boolean> } | undefined;
      for (let j = i; j < tokens.length; j++) {
        const w = tokens[j]!.word;
        if (w === '') continue;
        let cur: TrieNode | undefined = node;
        for (const part of w.split(' ')) cur = cur?.next.get(part);
        if (!cur) break;
        node = cur;
        if (node.ends.size > 0) best = { endTok: j, ends: node.ends };
      }
      const startTok = tokens[i]!;
      const capitalText = /^\p{Lu}/u.test(startTok.raw);
      if (best) {
        const ids = [...best.ends].filter(([, cap]) => !cap || capitalText).map(([id]) => id);
        if (ids.length > 0) {
          const span = spanOf(text, tokens, i, best.endTok);
          // "pro-Assad militias": an adjective about Assad, not a mention of him.
          if (/(?:pro|anti)-$/i.test(text.slice(Math.max(0, span.start - 4), span.start))) { i = best.endTok + 1; continue; }
          const key = nameWords(span.text).join(' ');
          const earlierSense = senseOf.get(key);
          const pick = governorateInContext(s, span, ids, g)
            ?? (earlierSense ? { id: earlierSense, how: 'context' as const, confidence: 0.75 } : undefined)
            ?? resolve(ids, g, seen);
          if (pick && pick.how === 'context' && !ids.includes(pick.id)) senseOf.set(key, pick.id);
          if (pick) {
            const e = g.byId.get(pick.id)!;
            mentions.push({ entityId: pick.id, kind: e.kind, sentence: s.index, ...span, how: pick.how, confidence: pick.confidence });
            seen.add(pick.id);
            if (e.kind === 'person' && best.endTok > i) namedInFull.add(pick.id);
          } else {
            ambiguous.push({ sentence: s.index, ...span, candidates: ids });
          }
          i = best.endTok + 1;
          continue;
        }
      }
      // A surname alone, only if unambiguous in context.
      const people = g.surnames.get(startTok.word);
      if (capitalText && people && !g.fullKeys.has(startTok.word)) {
        const inContext = people.filter((id) => namedInFull.has(id));
        if (inContext.length === 1) {
          const span = spanOf(text, tokens, i, i);
          mentions.push({ entityId: inContext[0]!, kind: 'person', sentence: s.index, ...span, how: 'surname', confidence: 0.85 });
        }
      }
      i++;
    }
  }
  return { mentions, ambiguous };
}

/**
 * "the Tartus and Latakia Governorates", "the coastal provinces of Latakia and Tartus", "Hama
 * province": a city's name in a list governed by "governorate(s)/province(s)" names the
 * governorate, when the graph knows one called "<name> Governorate".
 */
function governorateInContext(s: Sentence, span: { start: number; end: number; text: string }, ids: string[], g: Gazetteer): { id: string; how: Mention['how']; confidence: number } | undefined {
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

function resolve(ids: string[], g: Gazetteer, seen: Set<string>): { id: string; how: Mention['how']; confidence: number } | undefined {
  if (ids.length === 1) return { id: ids[0]!, how: 'full', confidence: 0.95 };
  const state = stateOverTerritory(ids, g);
  if (state) return { id: state, how: 'state-over-territory', confidence: 0.9 };
  const earlier = ids.filter((id) => seen.has(id));
  if (earlier.length === 1) return { id: earlier[0]!, how: 'context', confidence: 0.7 };
  return undefined;
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
