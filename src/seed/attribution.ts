/**
 * The attribution rule (seed/README.md#attribution): where a document attributes what it says
 * ("according to SOHR", "SOHR reported", "reportedly", "X claimed", "allegedly"), the facts
 * built from those words carry that hedge as `certainty` and the named source as `claimedBy`.
 *
 * Cue → certainty, with the claimant named in the cue:
 *   according to X · X reported · X said · X stated · X told · it was reported · reportedly
 *                                                        → reported
 *   X claimed · (X claim)                                → claimed
 *   X alleged · allegedly · (alleged) · has been accused of → alleged
 * Scope: a cue governs its own sentence from where it stands (the last cue before the quote
 * wins). A cue that names its source in the first sentence of a paragraph ("On 15 December,
 * SOHR reported that…") governs the whole paragraph: later sentences without a cue of their own
 * inherit it, and one with an unnamed cue ("reportedly") inherits its claimant.
 * A source is named when an entity's name or alias occurs in the cue's subject (before the verb,
 * or after "according to"); "witnesses", "reports", "a war monitor" name no one.
 *
 * Checked on events, relations and claims (the facts), not on people, groups and places, whose
 * existence no source claims. Exempt: an entry whose every quote lies outside attributed text
 * (the document also states it plainly); a quote that only says who speaks ("said a spokesperson
 * for the UN Human Rights Office"); a REPORTED link, and a speech act of the source itself (what
 * it urged, condemned, accused, or its comment on an event: the document states that the source
 * said so); POSSIBLY_SAME_AS and `certainty: disputed` (the curator's judgements, not a source's
 * claim); an entry that records a hedge inside its own quote ("claiming affiliation") instead.
 */
import type { Dataset, Located } from './readDataset.js';
import type { SeedIssue } from './SeedValidationError.js';
import type { Citation } from './entrySchemas.js';
import { normalizeSpace, splitDocument, type Paragraph, type Sentence } from '../text/splitSentences.js';

export type AttributedCertainty = 'reported' | 'claimed' | 'alleged';

/** A cue found in a sentence. */
export interface Cue {
  certainty: AttributedCertainty;
  /** Document offsets of the cue word(s). */
  start: number;
  end: number;
  /** The words the cue takes its source from. */
  subject: string;
  /** Ids of the people and groups named in `subject` (empty: an unnamed source). */
  sources: string[];
  /** A report ("reported", "according to"): when it opens a paragraph it governs the paragraph. */
  opensParagraph: boolean;
  /**
   * Document offsets of the cue and its subject: words there say who speaks, not what is said,
   * so a quote that lies only there ("said a spokesperson for the UN Human Rights Office",
   * "Aron Lund from … Century International") is the document's own statement.
   */
  frame: [number, number];
  /** End of the content the cue introduces (before ", while …"). */
  clauseEnd: number;
}

/** What the rule expects of one quote. */
export interface Attribution {
  certainty: AttributedCertainty;
  sources: string[];
  cue: string;
}

interface Pattern {
  re: RegExp;
  certainty: AttributedCertainty;
  /** A report that, opening a paragraph, governs the whole paragraph. */
  report?: boolean;
  /** Where the subject is: the clause before the verb, the words after it, or none. */
  subject: 'before' | 'after' | 'inside' | 'none';
}

// Finite verbs only: "armed individuals claiming affiliation" is not a cue, "SOHR claimed" is.
const PATTERNS: Pattern[] = [
  { re: /\baccording to\b/gi, certainty: 'reported', subject: 'after', report: true },
  { re: /\b(?:is|are|was|were|been) (?:also |widely |soon )?(?:reported|said)\b/gi, certainty: 'reported', subject: 'none' },
  { re: /\breported\b/gi, certainty: 'reported', subject: 'before', report: true },
  { re: /\b(?:said|stated|told)\b/gi, certainty: 'reported', subject: 'before' },
  { re: /\breportedly\b/gi, certainty: 'reported', subject: 'none' },
  { re: /\((\w[\w\s.-]*?) claim\)/gi, certainty: 'claimed', subject: 'inside' },
  { re: /\bclaimed\b/gi, certainty: 'claimed', subject: 'before' },
  { re: /\balleged\b(?! massacres?)/gi, certainty: 'alleged', subject: 'before' },
  { re: /\ballegedly\b|\(alleged\)/gi, certainty: 'alleged', subject: 'none' },
  { re: /\b(?:has|have|had|was|were) (?:also )?(?:been )?accused of\b/gi, certainty: 'alleged', subject: 'none' },
];

const CHRONICLE_LEAD = /^\s*(?:(?:On|By|In|Since|As of|Later)\s[^,]{1,40},\s*)?$/;
const CHRONICLE_SUBJECT = /^\s*(?:On|By|In|Since|As of|Later)\s[^,]{1,40},\s*[^,;:"“”]{1,100}$/;

/** Where the reported content of a cue ends: the sentence end, or a contrasting clause (", while"). */
function clauseEnd(text: string, from: number): number {
  const m = /,\s+(?:while|whereas|but)\s/.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

/** Lower-cased names and aliases of every person and group, longest first. */
function claimantNames(ds: Dataset): { name: string; id: string }[] {
  const out: { name: string; id: string }[] = [];
  for (const l of [...ds.people, ...ds.groups]) {
    for (const n of [l.entry.name, ...l.entry.aliases]) if (n.length >= 3) out.push({ name: n.toLowerCase(), id: l.entry.id });
  }
  return out.sort((a, b) => b.name.length - a.name.length);
}

/** Ids of the entities named in `text` (whole words, case-insensitive, longest names first). */
function namedIn(text: string, names: { name: string; id: string }[]): string[] {
  let hay = ` ${text.toLowerCase()} `;
  const ids = new Set<string>();
  for (const { name, id } of names) {
    const at = hay.indexOf(name);
    if (at < 0) continue;
    const before = hay[at - 1] ?? ' ';
    const after = hay[at + name.length] ?? ' ';
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    ids.add(id);
    hay = hay.slice(0, at) + ' '.repeat(name.length) + hay.slice(at + name.length);
  }
  return [...ids].sort();
}

/** The cues of one sentence, in order. */
export function sentenceCues(s: Sentence, names: { name: string; id: string }[]): Cue[] {
  const cues: Cue[] = [];
  const taken: [number, number][] = [];
  for (const p of PATTERNS) {
    for (const m of s.text.matchAll(p.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue; // "it was reported" beats "reported"
      taken.push([start, end]);
      let subject = '';
      let frame: [number, number] = [start, end];
      const after = () => {
        subject = /^[^,.;:()"“”]*/.exec(s.text.slice(end))![0];
        frame = [start, end + subject.length];
      };
      if (p.subject === 'after') after();
      else if (p.subject === 'inside') subject = m[1] ?? '';
      else if (p.subject === 'before') {
        // "“…,” said a spokesperson for X": the speaker follows the verb.
        if (/["”’],?\s*$/.test(s.text.slice(0, start))) after();
        else {
          subject = subjectBefore(s.text.slice(0, start), cues.filter((c) => c.end - s.start <= start).at(-1)?.end, s.start);
          frame = [start - subject.length - 1, end];
        }
      }
      // A chronicle's opening: the sentence starts with the cue clause (after a date at most) and
      // reports speech ("SOHR reported that", "According to SOHR,").
      const lead = s.text.slice(0, Math.max(0, Math.min(frame[0], start)));
      // The ten-word subject may reach back into the date ("On 14 December, UK-based Syrian
      // Observatory of Human Rights (SOHR) NGO reported that"): a date, a comma, then only the subject.
      const chronicle = CHRONICLE_LEAD.test(lead) || (p.subject === 'before' && CHRONICLE_SUBJECT.test(s.text.slice(0, start)));
      const opensParagraph = p.report === true && chronicle && (p.subject === 'after' || /^\s+that\b/.test(s.text.slice(end)));
      cues.push({
        certainty: p.certainty, start: s.start + start, end: s.start + end, subject: normalizeSpace(subject),
        sources: subject ? namedIn(subject, names) : [], opensParagraph,
        clauseEnd: s.start + clauseEnd(s.text, end),
        frame: [s.start + Math.max(0, frame[0]), s.start + frame[1]],
      });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

/**
 * The subject of "X reported/said/claimed": the last words before the verb (at most ten, not
 * back past a previous cue or a semicolon). After a relative pronoun ("posts that claimed") the
 * subject is the noun phrase before the pronoun.
 */
function subjectBefore(prefix: string, prevCueEnd: number | undefined, sentenceStart: number): string {
  let text = prevCueEnd === undefined ? prefix : prefix.slice(prevCueEnd - sentenceStart);
  text = text.slice(text.lastIndexOf(';') + 1);
  const and = text.lastIndexOf(' and ');
  if (and >= 0 && text.slice(and + 5).trim() !== '') text = text.slice(and + 5);
  const relative = /\s(?:that|which|who)\s*$/i.exec(text);
  if (relative) text = text.slice(0, relative.index).split(',').at(-1)!.split(/\s+/).slice(-4).join(' ');
  return text.trim().split(/\s+/).slice(-10).join(' ');
}

interface DocumentCues {
  paragraphs: Paragraph[];
  cues: Map<number, Cue[]>;
  text: string;
}

/**
 * What the rule expects of the quote at [start, end) of the document, or undefined where the
 * document states it plainly.
 */
export function attributionAt(doc: DocumentCues, start: number, end: number): Attribution | undefined {
  const sentence = doc.paragraphs.flatMap((p) => p.sentences).find((s) => start < s.end && end > s.start);
  if (sentence === undefined) return undefined;
  const paragraph = doc.paragraphs[sentence.paragraph]!;
  // Only a report opens a chronicle ("On 15 December, SOHR reported that…"); "X said" covers what X said.
  const opening = (doc.cues.get(paragraph.sentences[0]!.index) ?? []).find((c) => c.sources.length > 0 && c.opensParagraph);
  // A cue governs the quote if the quote says more than who speaks (reaches outside the frame).
  const own = (doc.cues.get(sentence.index) ?? []).filter((c) => c.start < end && start < c.clauseEnd && wordsOutside(doc.text, start, Math.min(end, c.clauseEnd), c.frame));
  // The last cue before the quote; else the first inside it ("SOHR reported that …" quoted whole).
  const cue = own.filter((c) => c.start <= start).at(-1) ?? own[0];
  const describe = (c: Cue) => {
    const s = doc.paragraphs.flatMap((p) => p.sentences).find((x) => c.start >= x.start && c.start < x.end)!;
    return doc.text.slice(Math.max(s.start, c.start - 40), Math.min(s.end, c.end + 20));
  };
  if (cue !== undefined) {
    const sources = cue.sources.length > 0 ? cue.sources : opening ? opening.sources : [];
    return { certainty: cue.certainty, sources, cue: describe(cue) };
  }
  if (opening !== undefined && sentence.index !== paragraph.sentences[0]!.index) {
    return { certainty: opening.certainty, sources: opening.sources, cue: describe(opening) };
  }
  return undefined;
}

/** Does [start, end) of text hold a word outside `frame`? */
function wordsOutside(text: string, start: number, end: number, frame: [number, number]): boolean {
  const before = text.slice(start, Math.min(end, frame[0]));
  const after = text.slice(Math.max(start, frame[1]), end);
  return /[\p{L}\p{N}]{2,}/u.test(before.replace(/\[\d+\]/g, '')) || /[\p{L}\p{N}]{2,}/u.test(after.replace(/\[\d+\]/g, ''));
}

/** Cues of every sentence of every document, for attributionAt. */
export function documentCues(ds: Dataset): Map<string, DocumentCues> {
  const names = claimantNames(ds);
  const out = new Map<string, DocumentCues>();
  for (const { entry, text } of ds.sources) {
    const paragraphs = splitDocument(text);
    const cues = new Map<number, Cue[]>();
    for (const p of paragraphs) for (const s of p.sentences) cues.set(s.index, sentenceCues(s, names));
    out.set(entry.id, { paragraphs, cues, text: normalizeSpace(text) });
  }
  return out;
}

/** Link types that state what someone said or announced. */
const SPEECH_ACTS = new Set(['REPORTED', 'ACCUSED', 'CONDEMNED', 'CLAIMED_RESPONSIBILITY_FOR', 'URGED', 'THREATENED', 'EXPRESSED_SOLIDARITY_WITH', 'ADVOCATED_LIFTING_SANCTIONS_ON', 'OPPOSED']);

/** PARTICIPATED_IN roles that are the participant's own words about the event. */
const SPEAKER_ROLES = new Set(['commentator', 'reporter', 'claimant']);

/**
 * A hedge inside the quote itself ("armed individuals claiming affiliation with the new
 * government", within SOHR's report) may be what the entry records: the inner claim, with the
 * inner claimant, is the weaker and more precise statement.
 */
const INNER_HEDGE: Record<string, RegExp> = {
  claimed: /\bclaim(?:s|ed|ing)?\b/i,
  alleged: /\ballege(?:s|d|dly)?\b|\baccused\b/i,
};

type Fact = Located<{ id: string; cite: Citation[]; certainty: string; claimedBy?: string | undefined; from?: string; type?: string; role?: string }>;

/** Every entry that disagrees with the attribution rule, as file/line/entry/field issues. */
export function checkAttribution(ds: Dataset): SeedIssue[] {
  const docs = documentCues(ds);
  const issues: SeedIssue[] = [];
  const facts: Fact[] = [...ds.events, ...ds.relations, ...ds.claims] as Fact[];
  for (const l of facts) {
    const e = l.entry;
    // Identity is the curator's judgement, disputes a cross-document one: neither is a source's claim.
    if (e.certainty === 'disputed' || e.type === 'POSSIBLY_SAME_AS') continue;
    const expected: Attribution[] = [];
    let plain = false;
    for (const c of e.cite) {
      const doc = docs.get(c.source);
      if (doc === undefined) continue;
      const q = normalizeSpace(c.quote);
      const at = doc.text.indexOf(q);
      if (at < 0) continue; // reported by the verbatim check
      const a = attributionAt(doc, at, at + q.length);
      // A speech act of the speaker itself (it reported, accused, urged…) is the document's statement.
      // ("The group claimed that it killed nine soldiers" is the group's claim, not a speech act.)
      const speechAct = SPEECH_ACTS.has(e.type ?? '') || (e.type === 'PARTICIPATED_IN' && SPEAKER_ROLES.has(e.role ?? ''));
      const speaker = e.from !== undefined && speechAct && (a?.sources.includes(e.from) || a?.sources.length === 0);
      if (a === undefined || speaker || e.type === 'REPORTED') plain = true;
      else expected.push(a);
    }
    if (plain || expected.length === 0) continue;
    const inner = INNER_HEDGE[e.certainty];
    if (inner !== undefined && e.cite.some((c) => inner.test(c.quote))) continue;
    const at = (field: string, message: string): SeedIssue => ({ file: l.file, line: l.line, entry: e.id, field, message });
    const certainties = [...new Set(expected.map((a) => a.certainty))];
    if (!certainties.includes(e.certainty as AttributedCertainty)) {
      issues.push(at('certainty', `is ${e.certainty}, but the quote is attributed ("…${expected[0]!.cue}…"): the rule gives ${certainties.join(' or ')}`));
    }
    const named = [...new Set(expected.flatMap((a) => a.sources))];
    if (named.length > 0 && (e.claimedBy === undefined || !named.includes(e.claimedBy))) {
      const has = e.claimedBy === undefined ? 'has no claimedBy' : `has claimedBy ${e.claimedBy}`;
      issues.push(at('claimedBy', `${has}, but the quote is attributed to ${named.join(' or ')} ("…${expected[0]!.cue}…")`));
    }
  }
  return issues;
}

/** How seed:check treats attribution problems: errors, printed warnings, or not at all. */
export type AttributionMode = 'enforce' | 'report' | 'off';

/** The mode `npm run seed:check` uses unless `--attribution` says otherwise. */
export const DEFAULT_ATTRIBUTION_MODE: AttributionMode = 'enforce';

/**
 * Files whose attribution problems stay warnings even when enforcing, while their curation is
 * under way (each listed here is a debt: see seed/README.md#attribution).
 */
export const ATTRIBUTION_REPORT_ONLY_FILES: readonly string[] = [];

/** Splits attribution issues into errors and warnings for a mode. */
export function attributionVerdict(issues: SeedIssue[], mode: AttributionMode, reportOnly: readonly string[] = ATTRIBUTION_REPORT_ONLY_FILES): { errors: SeedIssue[]; warnings: SeedIssue[] } {
  if (mode === 'off') return { errors: [], warnings: [] };
  if (mode === 'report') return { errors: [], warnings: issues };
  const lenient = (i: SeedIssue) => reportOnly.some((f) => i.file === f || i.file.endsWith(`/${f}`));
  return { errors: issues.filter((i) => !lenient(i)), warnings: issues.filter(lenient) };
}
