/**
 * The pipeline from a document's text to a draft, without touching the disk: sentences →
 * known-entity mentions → new-entity candidates (+ near matches) → dates → figures →
 * relationship proposals. The CLI writes the result; the held-out bench calls this directly
 * with a dataset that lacks the document's own entries.
 */
import { nameKey } from '../text/normalizeName.js';
import type { Dataset } from '../seed/index.js';
import { findDates } from './dates.js';
import { eventActors, proposeEvents, type DraftEvent } from './events.js';
import { findFigures } from './figures.js';
import { buildGazetteer, knownName, matchMentions } from './gazetteer.js';
import { attribution, seedAttributionRule, type Attribution } from './hedges.js';
import { knownEntities, type KnownEntity } from './knownEntities.js';
import { nearMatches } from './nearMatches.js';
import { findCandidates } from './nerCandidates.js';
import { proposeRelations, type End } from './relationships.js';
import { splitSentences } from './splitSentences.js';
import type { AmbiguousMention, DateMention, Figure, Mention, NewEntityCandidate, RelationProposal, Sentence } from './types.js';

export interface DocumentMeta {
  id: string;
  asOf: string;
}

/** One new entity, merged over all the sentences that name it. */
export interface NewEntity {
  id: string;
  kind: 'person' | 'group' | 'place';
  name: string;
  sentences: number[];
  confidence: number;
  why: string;
  subtype: string;
  near: { entityId: string; reason: string; confidence: number }[];
}

export interface DraftModel {
  meta: DocumentMeta;
  sentences: Sentence[];
  mentions: Mention[];
  ambiguous: AmbiguousMention[];
  newEntities: NewEntity[];
  dates: DateMention[];
  /** Incidents the document reports, with their type, date and place (events.ts). */
  events: DraftEvent[];
  figures: Figure[];
  relations: RelationProposal[];
}

const slug = (s: string) =>
  s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’`]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');

function groupTypeOf(name: string): string {
  if (/Observatory|Monitor/i.test(name)) return 'monitor';
  if (/Ministry|Department|Office|Committee|Commission|Court|Administration|Council/i.test(name)) return 'government_body';
  if (/Army|Division|Brigades?|Battalion|Regiment|Corps/i.test(name)) return 'military';
  if (/Forces|Security|Police|Guard|Command/i.test(name)) return 'security_unit';
  if (/Front|Resistance|Saraya|Liwa|Jaysh|Shield|Militia|Tahrir|Ansar/i.test(name)) return 'armed_group';
  if (/News|Agency|Press|Television|TV/i.test(name)) return 'media';
  if (/Party|Movement/i.test(name)) return 'political';
  if (/Crescent|Cross|Organi[sz]ation|Society|Association|Network/i.test(name)) return 'ngo';
  return 'other';
}

function placeTypeOf(text: string, c: NewEntityCandidate): string {
  const around = text.slice(Math.max(0, c.start - 30), c.end + 25).toLowerCase();
  for (const t of ['village', 'town', 'city', 'governorate', 'district', 'neighbourhood', 'region', 'base', 'road'] as const) {
    if (around.includes(t)) return t;
  }
  if (/\bprovince\b/.test(around)) return 'governorate';
  if (/\bneighborhood\b/.test(around)) return 'neighbourhood';
  return 'other';
}

/**
 * The seed's rule decides certainty and claimant; our own reading adds only what the rule leaves
 * open by design: "the monitor said" after a named monitor (the rule names no one there), which
 * the curator sees in `why` and may reject.
 */
function combine(rule: Attribution | undefined, own: Attribution, notSubject: (id: string) => boolean = () => false): Attribution {
  // The rule takes a cue's subject as up to ten words before the verb, so in "…loyal to Bashar
  // al-Assad, a UK-based war monitor reported" it would name Assad: a new noun phrase after the
  // name and a comma ("…, a UK-based war monitor reported", "…, officials said") is the real subject.
  if (rule?.claimedBy && notSubject(rule.claimedBy)) {
    const { claimedBy: _dropped, ...rest } = rule;
    rule = { ...rest, cue: `${rule.cue} (no named claimant: the words before the verb name someone else)` };
  }
  if (rule) return rule.claimedBy || !own.claimedBy ? rule : { ...rule, claimedBy: own.claimedBy, claimantText: own.claimantText, cue: `${rule.cue}; claimant from "${own.cue}"` };
  // The rule reads infobox cells apart; "344+ civilians killed (SOHR claim)" may then reach us only.
  if (own.claimedBy || own.cue?.startsWith('the monitor')) return own;
  return { certainty: 'stated' };
}

/**
 * A report repeats its big toll — headline, lead, the monitor's sentence ("Over 70 Killed", "over
 * 70 fatalities", "SOHR … reported that the death toll has surpassed 70"): one claim with all its
 * quotes, attributed if any of them is. Small counts (under 20) are per incident and never merged.
 */
function mergeRepeatedTolls(figures: Figure[]): Figure[] {
  const out: Figure[] = [];
  for (const f of figures) {
    const same = f.value !== undefined && f.value >= 20
      ? out.find((o) => o.value === f.value && o.measure === f.measure && o.qualifier === f.qualifier && (o.claimedBy === f.claimedBy || !o.claimedBy || !f.claimedBy))
      : undefined;
    if (!same) { out.push({ ...f }); continue; }
    same.alsoIn = [...(same.alsoIn ?? []), f.sentence];
    if (!same.claimedBy && f.claimedBy) Object.assign(same, { claimedBy: f.claimedBy, claimantText: f.claimantText, certainty: f.certainty, why: `${f.why}; repeated in ${same.alsoIn.length + 1} sentences` });
    if (same.victims === 'unspecified') same.victims = f.victims;
    // The headline has no incident of its own; the lead that repeats its toll does.
    if (!same.about && f.about) same.about = f.about;
  }
  return out;
}

export function buildDraft(text: string, meta: DocumentMeta, ds: Dataset): DraftModel {
  const known = knownEntities(ds);
  return buildDraftFrom(text, meta, known, new Set([...ds.sources.map((s) => s.entry.id), ...ds.claims.map((c) => c.entry.id), ...ds.relations.map((r) => r.entry.id), ...known.map((k) => k.id)]));
}

export function buildDraftFrom(text: string, meta: DocumentMeta, known: KnownEntity[], takenIds: Set<string>): DraftModel {
  const sentences = splitSentences(text);
  const g = buildGazetteer(known);
  const { mentions, ambiguous } = matchMentions(text, sentences, g);

  // New entities: merge candidates by name key; a candidate whose key is known is a mention we missed.
  const byKey = new Map<string, NewEntity>();
  for (const c of findCandidates(sentences, mentions)) {
    const key = nameKey(c.name);
    if (key === '' || knownName(g, c.name)) continue;
    const prior = byKey.get(key);
    if (prior) {
      if (!prior.sentences.includes(c.sentence)) prior.sentences.push(c.sentence);
      prior.confidence = Math.max(prior.confidence, c.confidence);
      continue;
    }
    let id = slug(c.name);
    if (id === '' ) continue;
    if (takenIds.has(id)) id = `${id}-${meta.id}`;
    if (takenIds.has(id)) continue;
    takenIds.add(id);
    const subtype = c.kind === 'group' ? groupTypeOf(c.name) : c.kind === 'place' ? placeTypeOf(text, c) : '';
    byKey.set(key, { id, kind: c.kind, name: c.name, sentences: [c.sentence], confidence: c.confidence, why: c.why, subtype, near: nearMatches(c, known) });
  }
  const newEntities = [...byKey.values()];

  // Occurrences of new entities as relationship ends.
  const ends: End[] = mentions.map((m) => ({ id: m.entityId, kind: m.kind, subtype: g.byId.get(m.entityId)?.subtype, start: m.start, end: m.end, text: m.text }));
  for (const s of sentences) {
    for (const n of newEntities) {
      let at = s.text.indexOf(n.name);
      while (at >= 0) {
        const start = s.start + at;
        if (!ends.some((e) => e.start < start + n.name.length && e.end > start)) {
          ends.push({ id: n.id, kind: n.kind, subtype: n.subtype, start, end: start + n.name.length, text: n.name });
          if (!n.sentences.includes(s.index)) n.sentences.push(s.index);
        }
        at = s.text.indexOf(n.name, at + n.name.length);
      }
    }
  }
  ends.sort((a, b) => a.start - b.start);
  const actorMentions: Mention[] = ends
    .filter((e) => e.kind === 'person' || e.kind === 'group')
    .map((e) => ({ entityId: e.id, kind: e.kind, sentence: sentences.find((s) => e.start >= s.start && e.end <= s.end)?.index ?? -1, start: e.start, end: e.end, text: e.text, how: 'full', confidence: 0.5 }));

  const dates = findDates(sentences, meta.asOf);
  const figures: Figure[] = [];
  const relations: RelationProposal[] = [];
  let anaphor: { id: string; text: string } | undefined;
  const attributions: Attribution[] = [];
  const rule = seedAttributionRule(text, [
    ...known.filter((k) => k.kind === 'person' || k.kind === 'group').flatMap((k) => k.names.map((name) => ({ name, id: k.id }))),
    ...newEntities.filter((n) => n.kind !== 'place').map((n) => ({ name: n.name, id: n.id })),
  ]);
  for (const s of sentences) {
    const own = attribution(s, actorMentions, anaphor);
    const here = ends.filter((e) => e.start >= s.start && e.end <= s.end);
    const notSubject = (id: string) => {
      const last = here.filter((e) => e.id === id).at(-1);
      if (!last) return false; // inherited from the paragraph: the rule's call
      const rest = s.text.slice(last.end - s.start);
      const verb = /\b(?:said|says|reported|stated|told|claimed|alleged)\b/.exec(rest);
      // The subject is the words after the last comma before the verb, when there are any:
      // "…, a UK-based war monitor reported", "…, officials said" (not "SOHR, a monitor, said").
      const tail = verb === null ? '' : rest.slice(0, verb.index).split(',').slice(1).at(-1)?.trim() ?? '';
      return verb !== null && tail !== '';
    };
    const a = combine(rule(s.text), own, notSubject);
    attributions[s.index] = a;
    for (const m of mentions) if (m.sentence === s.index && g.byId.get(m.entityId)?.subtype === 'monitor') anaphor = { id: m.entityId, text: m.text };
    const events = mentions.filter((m) => m.sentence === s.index && m.kind === 'event');
    const about = events.length === 1 ? events[0]!.entityId : undefined;
    figures.push(...findFigures(s, { attribution: a, attributionOf: (from) => combine(rule(s.text, from, s.text.length), own, notSubject), mentions, ...(about ? { about } : {}), subtypeOf: (id) => g.byId.get(id)?.subtype }));
    const sDates = dates.filter((d) => d.sentence === s.index && d.precision !== 'year');
    relations.push(...proposeRelations(s, ends, a, sDates.length === 1 ? sDates[0]!.value : undefined));
  }
  // Incidents, then each figure's event: a known event its sentence names, else the drafted
  // event of its sentence, else of the nearest sentence before it in the same paragraph.
  const paragraphOf = (i: number) => sentences[i]!.paragraph ?? i;
  const sentenceAt = (at: number) => sentences.find((x) => at >= x.start && at < x.end)?.index ?? -1;
  const places = ends.filter((e) => e.kind === 'place').map((e) => ({ id: e.id, name: g.byId.get(e.id)?.name ?? e.text, subtype: e.subtype, sentence: sentenceAt(e.start), start: e.start, text: e.text }));
  const eventCounts = new Map<string, number>();
  for (const m of mentions) if (m.kind === 'event') eventCounts.set(m.entityId, (eventCounts.get(m.entityId) ?? 0) + 1);
  const ranked = [...eventCounts].sort((a, b) => b[1] - a[1]);
  // Most often named; a tie goes to the one named first (a report's title or lead names its subject).
  const mainEvent = ranked[0]?.[0];
  const events = proposeEvents(sentences, { mentions, places, ...(mainEvent ? { mainEvent } : {}), dates, byId: g.byId, paragraphOf, attributionOf: (i) => attributions[i] ?? { certainty: 'stated' }, docId: meta.id, takenIds });
  const eventOf = (i: number): DraftEvent | undefined => {
    for (let j = i; j >= 0 && paragraphOf(j) === paragraphOf(i); j--) {
      const e = events.find((x) => x.sentences.includes(j));
      if (e) return e;
    }
    return undefined;
  };
  for (const f of figures) {
    if (f.about) continue;
    const e = eventOf(f.sentence);
    if (e) Object.assign(f, { about: e.id, why: `${f.why}; about ${e.id} (${e.sentences.includes(f.sentence) ? 'its sentence' : 'the sentence before it'})` });
    else if (mainEvent) Object.assign(f, { about: mainEvent, why: `${f.why}; about ${mainEvent}, the event the document names most (no incident in its paragraph)` });
  }
  for (const e of events) relations.push(...eventActors(e, sentences, ends.map((x) => ({ ...x, sentence: sentenceAt(x.start) }))));
  const mergedFigures = mergeRepeatedTolls(figures);
  for (const n of newEntities) {
    for (const near of n.near) {
      relations.push({
        type: 'POSSIBLY_SAME_AS', from: n.id, to: near.entityId, sentence: n.sentences[0]!, predicate: '', certainty: 'stated',
        note: near.reason, confidence: near.confidence, why: `near match: ${near.reason}`,
      });
    }
  }
  return { meta, sentences, mentions, ambiguous, newEntities, dates, events, figures: mergedFigures, relations };
}
