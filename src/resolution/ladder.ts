/**
 * The resolution ladder and its scorer: how well a typed name matches an entity, and which
 * entity (if any) a name answers. Pure functions over plain candidates; the database only finds
 * the candidates (by the keys of ./lookupKeys.ts), so search and resolution score alike.
 *
 * Steps, most exact first (a step counts only when every step before it found nothing):
 *   1. EXACT (the canonical name), ALIAS (a cited alias), COMMON_NAME (seed/common-names.yaml)
 *   2. REORDERED: the same content words in another order, small words ignored
 *   3. SPELLING: the same words under transliteration / British-American spelling folding
 *   4. PARTIAL: every typed word is a word of one name (surname, part of a name) — named
 *      entities only, and for events (whose names are sentences) at least half of the name
 *   5. DESCRIPTION: every typed word occurs in the entity's names, roles or description
 *   6. PARTIAL, loosely: three or more typed words, all but one of them in one name, and that
 *      one the initials of other words of the name (UN → United Nations)
 * One entity is answered only when it is the single match at its step and nothing contests it:
 * - a one-word name that is a word of several people's names ("Hasan", "al-Shami") contests;
 * - an alias, common name, reordering or respelling is contested by another entity of the same
 *   kind (not an event) whose canonical name holds all the typed words as at least two thirds of
 *   its words ("Syrian Army" vs "Syrian Arab Army");
 * - at steps 4–6 the best must score at least CLEAR_LEAD times the runner-up.
 * Otherwise the answer is AMBIGUOUS with the candidates ranked. The one documented exception:
 * a country place and the state it is the territory of (TERRITORY_OF) are one referent; the
 * state (the actor) is answered.
 */
import { closeSpelling } from './distance.js';
import { contentWords, foldedWords, nameVariants, plainWordKeys, spellingWord, wordKeys, type NameVariants } from './variants.js';

/** How a typed name matched an entity (the GraphQL enum NameMatchHow). FUZZY: search only. */
export type MatchHow = 'EXACT' | 'ALIAS' | 'COMMON_NAME' | 'REORDERED' | 'SPELLING' | 'PARTIAL' | 'DESCRIPTION' | 'FUZZY';

/** What the ladder needs to know about an entity. */
export interface NameCandidate {
  id: string;
  kind: string;
  name: string;
  aliases: readonly string[];
  commonNames?: readonly string[] | null;
  roles?: readonly string[] | null;
  description?: string | null;
  unnamed: boolean;
  groupType?: string | null;
  placeType?: string | null;
  /** Ids of the states this place is the territory of. */
  territoryOf?: readonly string[];
  /** The documents that state something about it: among equal matches, more rank first. */
  knownIn?: readonly string[] | null;
}

/** How one entity matched: the step, the name or text that matched, and a score in (0, 1]. */
export interface NameMatch {
  how: MatchHow;
  matchedName: string;
  score: number;
  /** The ladder step (1–6; 7 for search-only FUZZY). */
  step: number;
}

export interface RankedCandidate<C extends NameCandidate = NameCandidate> {
  candidate: C;
  match: NameMatch;
}

export type Resolution<C extends NameCandidate = NameCandidate> =
  | { status: 'ONE'; candidate: C; match: NameMatch }
  | { status: 'AMBIGUOUS'; ranked: RankedCandidate<C>[] }
  | { status: 'NONE' };

/** Scores per step; partial and description scores grow with how much of the name was typed. */
export const SCORES = { EXACT: 1, ALIAS: 0.95, COMMON_NAME: 0.9, REORDERED: 0.85, SPELLING: 0.8 } as const;
/** At steps 4–5 the best match is answered only at this multiple of the runner-up's score. */
export const CLEAR_LEAD = 1.5;
/** An alias is contested by a same-kind canonical name holding the typed words as this share of its words. */
export const CONTEST_COVERAGE = 2 / 3;
/** At most this many candidates in an AMBIGUOUS_NAME error. */
export const MAX_CANDIDATES = 10;

const STEP: Record<MatchHow, number> = { EXACT: 1, ALIAS: 1, COMMON_NAME: 1, REORDERED: 2, SPELLING: 3, PARTIAL: 4, DESCRIPTION: 5, FUZZY: 7 };

interface NamedVariants {
  text: string;
  how: 'EXACT' | 'ALIAS' | 'COMMON_NAME';
  v: NameVariants;
  keys: string[];
  /** Word skeleton → the folded words (or joined pairs) it came from. */
  folded: Map<string, string[]>;
}

/** The word keys of a name with the folded words behind each (see wordKeys). */
function foldedByKey(text: string): Map<string, string[]> {
  const content = contentWords(text);
  const map = new Map<string, string[]>();
  const add = (w: string) => {
    const k = spellingWord(w);
    map.set(k, [...(map.get(k) ?? []), w]);
  };
  content.forEach(add);
  for (let i = 0; i + 1 < content.length; i++) add(content[i]! + content[i + 1]!);
  return map;
}

/** Is typed word i one of this name's words (same skeleton, close spelling)? */
const hasWord = (n: NamedVariants, typed: TypedName, i: number) =>
  n.folded.get(typed.words[i]!)?.some((f) => closeSpelling(f, typed.plain[i]!)) ?? false;

/** Are all typed words words of this name? */
const allWordsIn = (n: NamedVariants, typed: TypedName) => typed.words.length > 0 && typed.words.every((_, i) => hasWord(n, typed, i));

const cache = new WeakMap<NameCandidate, NamedVariants[]>();

/**
 * A name's variants, keys and folded words, by its text (read only, so shared). Candidates are new
 * objects on every request while their names recur (the same entities answer similar searches):
 * folding and skeletons were the larger part of a search's CPU. Bounded by clearing.
 */
const formsByText = new Map<string, Pick<NamedVariants, 'v' | 'keys' | 'folded'>>();
const FORMS_CACHE_MAX = 20_000;
function formsOf(text: string): Pick<NamedVariants, 'v' | 'keys' | 'folded'> {
  let forms = formsByText.get(text);
  if (forms === undefined) {
    if (formsByText.size >= FORMS_CACHE_MAX) formsByText.clear();
    // The word keys are the folded map's keys (wordKeys(text), without folding the text again).
    const folded = foldedByKey(text);
    forms = { v: nameVariants(text), keys: [...folded.keys()], folded };
    formsByText.set(text, forms);
  }
  return forms;
}

/** The candidate's names (canonical, aliases, common names) with their variants, cached per object. */
function namesOf(c: NameCandidate): NamedVariants[] {
  let list = cache.get(c);
  if (list === undefined) {
    const make = (text: string, how: NamedVariants['how']): NamedVariants => ({ text, how, ...formsOf(text) });
    list = [make(c.name, 'EXACT'), ...c.aliases.map((a) => make(a, 'ALIAS')), ...(c.commonNames ?? []).map((n) => make(n, 'COMMON_NAME'))];
    cache.set(c, list);
  }
  return list;
}

/** A name as written, for telling which of several same-key names was typed. */
const literalForm = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The typed text, prepared once for scoring many candidates. */
export interface TypedName {
  text: string;
  v: NameVariants;
  /** Word skeletons of the typed content words, distinct, in typed order. */
  words: string[];
  /** The same words as typed (folded, no skeleton), one per entry of `words`. */
  plain: string[];
}

export function typedName(text: string): TypedName {
  const v = nameVariants(text);
  const content = contentWords(text);
  const meaningful = content.length > 0 ? content : foldedWords(text);
  const words: string[] = [];
  const plain: string[] = [];
  meaningful.forEach((w, i) => {
    if (words.includes(v.words[i]!)) return;
    words.push(v.words[i]!);
    plain.push(w);
  });
  return { text, v, words, plain };
}


/**
 * How well a typed name matches one entity, at the highest step it reaches; null when it does not
 * match at all. With `incomplete`, search's extra level: some but not all typed words are words
 * of a name (FUZZY, scored by the share of typed words found).
 */
export function matchName(typed: TypedName, c: NameCandidate, opts: { incomplete?: boolean } = {}): NameMatch | null {
  const names = namesOf(c);
  const pick = (how: MatchHow, pred: (n: NamedVariants) => boolean): NameMatch | null => {
    const n = names.find(pred);
    return n ? { how, matchedName: n.text, score: SCORES[how as keyof typeof SCORES], step: STEP[how] } : null;
  };
  // Step 1: of the names with the typed key, the one written exactly as typed, else the first.
  const sameKey = names.filter((n) => n.v.exact === typed.v.exact);
  if (sameKey.length > 0) {
    const literal = sameKey.find((n) => literalForm(n.text) === literalForm(typed.text)) ?? sameKey[0]!;
    return { how: literal.how, matchedName: literal.text, score: SCORES[literal.how], step: 1 };
  }
  const reordered = pick('REORDERED', (n) => n.v.reordered === typed.v.reordered);
  if (reordered) return reordered;
  const spelling = pick('SPELLING', (n) => n.v.spellingJoined === typed.v.spellingJoined || n.v.spellingSorted === typed.v.spellingSorted);
  if (spelling) return spelling;
  if (c.unnamed) return null; // an unnamed entity answers only to its own description, whole

  // PARTIAL: all typed words in one name; the larger the share of that name, the better.
  let best: NameMatch | null = null;
  for (const n of names) {
    if (!allWordsIn(n, typed)) continue;
    const coverage = Math.min(1, typed.words.length / Math.max(1, n.v.words.length));
    if (c.kind === 'Event' && coverage < 0.5) continue;
    const inOrder = isSubsequence(typed.v.words, n.v.words);
    // An event's name is a sentence that embeds other entities' names: it ranks below them.
    const score = (0.3 + 0.4 * coverage) * (inOrder ? 1 : 0.9) * (n.how === 'EXACT' ? 1 : 0.95) * (c.kind === 'Event' ? 0.7 : 1);
    if (best === null || score > best.score) best = { how: 'PARTIAL', matchedName: n.text, score, step: 4 };
  }
  if (best) return best;

  // DESCRIPTION: all typed words among the entity's names (skeletons), roles and description (as typed).
  const roles = c.roles ?? [];
  const plainBag = new Set([...roles.flatMap(plainWordKeys), ...plainWordKeys(c.description ?? '')]);
  const inBag = (i: number) => plainBag.has(typed.plain[i]!) || names.some((n) => hasWord(n, typed, i));
  if (typed.words.length > 0 && typed.words.every((_, i) => inBag(i))) {
    const plainIn = (text: string) => { const ws = new Set(plainWordKeys(text)); return typed.plain.every((p) => ws.has(p)); };
    // A role or title the typed words are most of ("Secretary of State") is nearly a name.
    const inRole = roles.filter(plainIn);
    const roleWords = (r: string) => contentWords(r).filter((w) => w.length > 1).length; // "U.S." is no two words
    const role = inRole.find((r) => typed.words.length / Math.max(1, roleWords(r)) >= CONTEST_COVERAGE);
    if (role) return { how: 'DESCRIPTION', matchedName: role, score: 0.3, step: 5 };
    const matchedName = inRole[0] ?? (plainIn(c.description ?? '') ? (c.description ?? c.name) : c.name);
    const bagSize = plainBag.size + names.reduce((k, n) => k + n.keys.length, 0);
    return { how: 'DESCRIPTION', matchedName, score: 0.1 + 0.15 * Math.min(1, typed.words.length / bagSize), step: 5 };
  }

  // Step 6: three or more typed words, all but one of them words of one name, and that one
  // the initials of other words of the name ("UN Human Rights Office" → United Nations …).
  let found = 0;
  let most: NamedVariants = names[0]!;
  for (const n of names) {
    const k = typed.words.filter((_, i) => hasWord(n, typed, i)).length;
    if (k > found) [found, most] = [k, n];
  }
  if (typed.words.length >= 3 && found === typed.words.length - 1) {
    const missing = typed.plain.filter((_, i) => !hasWord(most, typed, i));
    if (missing.length === 1 && isAcronymIn(missing[0]!, contentWords(most.text))) {
      return { how: 'PARTIAL', matchedName: most.text, score: 0.1 + 0.2 * (found / Math.max(1, most.v.words.length)), step: 6 };
    }
  }
  if (opts.incomplete && found > 0) return { how: 'FUZZY', matchedName: most.text, score: 0.05 * (found / typed.words.length), step: 7 };
  return null;
}

/** True when `word` spells the initials of consecutive words of `words` ("un" in united nations …). */
function isAcronymIn(word: string, words: readonly string[]): boolean {
  if (word.length < 2 || word.length > 5) return false;
  for (let i = 0; i + word.length <= words.length; i++) {
    if (words.slice(i, i + word.length).every((w, k) => w[0] === word[k])) return true;
  }
  return false;
}

function isSubsequence(needle: readonly string[], hay: readonly string[]): boolean {
  let i = 0;
  for (const w of hay) if (w === needle[i]) i++;
  return i === needle.length;
}

/**
 * Orders matches: step, score, then — among equal matches — the entity more documents state
 * something about (knownIn: the one a reader more likely means, and never a made-up signal),
 * then the shorter canonical name, then id.
 */
export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  return a.match.step - b.match.step || b.match.score - a.match.score
    || documentsOf(b.candidate) - documentsOf(a.candidate)
    || a.candidate.name.length - b.candidate.name.length || (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0);
}

const documentsOf = (c: NameCandidate) => c.knownIn?.length ?? 0;

/** Every candidate that matches, once each, best first (step, then score). */
export function rankCandidates<C extends NameCandidate>(typed: TypedName, candidates: readonly C[], opts: { incomplete?: boolean } = {}): RankedCandidate<C>[] {
  const seen = new Set<string>();
  const ranked: RankedCandidate<C>[] = [];
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const match = matchName(typed, c, opts);
    if (match) ranked.push({ candidate: c, match });
  }
  return ranked.sort(compareRanked);
}

/**
 * Decides what a typed name answers from every candidate the database found for it (by keys and
 * by words): one entity, AMBIGUOUS with ranked candidates, or NONE.
 */
export function resolveName<C extends NameCandidate>(typed: TypedName, candidates: readonly C[]): Resolution<C> {
  const ranked = rankCandidates(typed, candidates);
  if (ranked.length === 0) return { status: 'NONE' };
  const step = ranked[0]!.match.step;
  const atStep = ranked.filter((r) => r.match.step === step);
  const top = atStep[0]!;

  const state = stateOverTerritory(atStep);
  if (state) return { status: 'ONE', candidate: state.candidate, match: state.match };

  const contenders = ranked.filter((r) => r !== top && !atStep.includes(r) && contests(typed, top, r));
  const lead = atStep.length === 1 || (step >= 4 && top.match.score >= CLEAR_LEAD * atStep[1]!.match.score && !atStep.slice(1).some((r) => contests(typed, top, r)));
  if (lead && contenders.length === 0) return { status: 'ONE', candidate: top.candidate, match: top.match };
  return { status: 'AMBIGUOUS', ranked: [...atStep, ...contenders].slice(0, MAX_CANDIDATES) };
}

/**
 * Could more candidates change this decision? The database reads candidates with a limit; when a
 * read was cut, the resolver may keep the answer only when no entity left unread could change it:
 * - AMBIGUOUS stays AMBIGUOUS (more candidates only add contenders; the list may grow);
 * - an EXACT canonical name is never contested, except a one-word name of a person (other
 *   people with that word contest it);
 * - anything else (an alias, a reordering, a respelling, a partial or description match, NONE)
 *   could be contested or outscored by an unread candidate.
 */
export function couldChangeWithMore(typed: TypedName, r: Resolution): boolean {
  if (r.status === 'AMBIGUOUS') return false;
  if (r.status === 'NONE') return true;
  return !(r.match.how === 'EXACT' && !(typed.words.length === 1 && r.candidate.kind === 'Person'));
}

/** Does `other` contest `top` as the answer (see the file comment)? */
function contests(typed: TypedName, top: RankedCandidate, other: RankedCandidate): boolean {
  const o = other.candidate;
  if (o.unnamed) return false;
  if (typed.words.length === 1 && top.candidate.kind === 'Person' && o.kind === 'Person') {
    return namesOf(o).some((n) => hasWord(n, typed, 0));
  }
  // Events do not contest: their names are sentences that embed the names of others.
  if (top.match.how === 'EXACT' || o.kind !== top.candidate.kind || o.kind === 'Event') return false;
  if (top.match.step >= 4) return false; // steps 4–6 compare scores instead
  const canonical = namesOf(o)[0]!;
  return allWordsIn(canonical, typed) && typed.words.length / Math.max(1, canonical.v.words.length) >= CONTEST_COVERAGE;
}

/** A country place and the state it is the territory of, matched alike: the state. */
function stateOverTerritory<C extends NameCandidate>(atStep: RankedCandidate<C>[]): RankedCandidate<C> | null {
  if (atStep.length !== 2) return null;
  const place = atStep.find((r) => r.candidate.kind === 'Place' && r.candidate.placeType === 'country');
  const state = atStep.find((r) => r.candidate.kind === 'Group' && r.candidate.groupType === 'state');
  if (!place || !state || place.match.how !== state.match.how) return null;
  return place.candidate.territoryOf?.includes(state.candidate.id) ? state : null;
}

/** A short description of a candidate for an AMBIGUOUS_NAME error. */
export function shortDescription(c: NameCandidate & { eventType?: unknown; start?: unknown }): string {
  const first = (c.description ?? '').split(/(?<=\.)\s/)[0]!.trim();
  if (first !== '') return first.length > 120 ? `${first.slice(0, 117)}…` : first;
  if (c.roles && c.roles.length > 0) return c.roles.slice(0, 3).join('; ');
  const type = c.groupType ?? c.placeType ?? (typeof c.eventType === 'string' ? c.eventType : null);
  const when = typeof c.start === 'string' ? `, ${c.start}` : '';
  return `${c.kind.toLowerCase()}${type ? ` (${type.replace(/_/g, ' ')})` : ''}${when}`;
}
