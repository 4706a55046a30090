/**
 * Who says it, and how sure the sentence is: the attribution rule of seed/README.md applied to
 * one sentence. "according to X" / "X reported that" name a claimant; cue words set certainty:
 *   reportedly, reports indicate, it was reported, according to → reported
 *   claimed, claims, asserted, announced (by a party about itself or its foes) → claimed
 *   allegedly, alleged, accused → alleged
 *   disputed, denied → disputed
 * Otherwise the document states it (`stated`).
 */
import { attributionAt, sentenceCues } from '../seed/attribution.js';
import { normalizeSpace, splitDocument } from '../text/splitSentences.js';
import type { Mention, Sentence } from './types.js';

export type Certainty = 'stated' | 'reported' | 'claimed' | 'alleged' | 'disputed';

export interface Attribution {
  certainty: Certainty;
  claimedBy?: string;
  claimantText?: string;
  cue?: string;
}

const CLAIMANT_VERBS = /^\)?(?:\s*\([^)]{1,20}\))?(?:,[^,]{0,60},)?\s*(?:has |have |had |also |later |then )*(said|says|reported|reports|stated|announced|claimed|claims|asserted|documented|confirmed|alleged|accused|estimated|counted|recorded)\b/i;

function certaintyOfVerb(verb: string): Certainty {
  const v = verb.toLowerCase();
  if (v.startsWith('claim') || v === 'asserted' || v === 'announced') return 'claimed';
  if (v === 'alleged' || v === 'accused') return 'alleged';
  return 'reported';
}

/** A mention that can be a claimant: a person or group (a monitor, a ministry, a spokesperson). */
const canClaim = (m: Mention) => m.kind === 'person' || m.kind === 'group';

export function attribution(s: Sentence, mentions: readonly Mention[], anaphor?: { id: string; text: string }): Attribution {
  const text = s.text;
  const rel = (m: Mention) => ({ start: m.start - s.start, end: m.end - s.start });
  const inSentence = mentions.filter((m) => m.sentence === s.index && canClaim(m));

  const acc = /\baccording to\s+(?:the\s+)?/gi;
  for (const m of text.matchAll(acc)) {
    const after = m.index + m[0].length;
    const who = inSentence.find((x) => rel(x).start >= after && rel(x).start <= after + 2);
    if (who) return { certainty: 'reported', claimedBy: who.entityId, claimantText: who.text, cue: 'according to' };
    if (anaphor && /^(?:the\s+)?(?:monitor|observatory|war monitor)\b/i.test(text.slice(m.index + 'according to '.length))) {
      return { certainty: 'reported', claimedBy: anaphor.id, claimantText: anaphor.text, cue: 'according to (anaphor)' };
    }
  }
  for (const who of inSentence) {
    const v = CLAIMANT_VERBS.exec(text.slice(rel(who).end));
    if (v) return { certainty: certaintyOfVerb(v[1]!), claimedBy: who.entityId, claimantText: who.text, cue: v[1]!.toLowerCase() };
  }
  for (const who of inSentence) {
    // "344+ civilians killed (SOHR claim)": an infobox's attribution in brackets.
    if (/^\s*claims?\)/i.test(text.slice(rel(who).end)) && text[rel(who).start - 1] === '(') return { certainty: 'claimed', claimedBy: who.entityId, claimantText: who.text, cue: '(… claim)' };
  }
  if (anaphor) {
    const a = /\bthe (?:[\w-]+ )?(?:war )?(?:monitor|observatory)\s+(said|says|reported|stated|documented|added)\b/i.exec(text);
    if (a) return { certainty: 'reported', claimedBy: anaphor.id, claimantText: anaphor.text, cue: `the monitor ${a[1]}` };
  }
  if (/\ballegedly\b|\balleged\b|\baccused\b/i.test(text)) return { certainty: 'alleged', cue: 'alleged' };
  if (/\bclaimed\b|\bclaims\b/i.test(text)) return { certainty: 'claimed', cue: 'claimed' };
  if (/\breportedly\b|\breports? (?:indicate|say|suggest)|\bit was reported\b|\baccording to reports\b|\bwere reported\b|\bwas reported\b/i.test(text)) {
    return { certainty: 'reported', cue: 'reportedly' };
  }
  if (/\bdenied\b|\bdisputed\b/i.test(text)) return { certainty: 'disputed', cue: 'denied' };
  return { certainty: 'stated' };
}

/**
 * The seed's own attribution rule (src/seed/attribution.ts, seed/README.md#attribution) applied
 * to the new document, so that a draft's certainty and claimedBy are what `seed:check` expects:
 * its paragraph scope ("On 15 December, SOHR reported that…" governs the paragraph) and its
 * naming rule ("a war monitor" names no one). `names` are the people and groups that can claim.
 */
export function seedAttributionRule(text: string, names: readonly { name: string; id: string }[]): (sentence: string, from?: number, to?: number) => Attribution | undefined {
  const sorted = names.filter((n) => n.name.length >= 3).map((n) => ({ name: n.name.toLowerCase(), id: n.id })).sort((a, b) => b.name.length - a.name.length);
  const paragraphs = splitDocument(text);
  const cues = new Map<number, ReturnType<typeof sentenceCues>>();
  for (const p of paragraphs) for (const s of p.sentences) cues.set(s.index, sentenceCues(s, sorted));
  const doc = { paragraphs, cues, text: normalizeSpace(text) };
  // The quote is the sentence, or the part of it from `from` to `to` (the figure, the two names):
  // the rule's "last cue before the quote" then scopes exactly as for a curated quote.
  return (sentence, from = 0, to = sentence.length) => {
    const n = normalizeSpace(sentence);
    const at = doc.text.indexOf(n);
    if (at < 0) return undefined;
    const start = at + normalizeSpace(sentence.slice(0, from)).length + (from > 0 && /\s/.test(sentence[from - 1] ?? '') ? 1 : 0);
    const end = Math.min(at + n.length, start + normalizeSpace(sentence.slice(from, to)).length);
    const r = attributionAt(doc, start, Math.max(end, start + 1));
    if (r === undefined) return undefined;
    return { certainty: r.certainty, ...(r.sources.length === 1 ? { claimedBy: r.sources[0]! } : {}), cue: r.cue.trim() };
  };
}
