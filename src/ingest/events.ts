/**
 * Stage 4b: incidents. A sentence that reports something happening — a cue word of an ACLED
 * event type ("clashes", "airstrikes", "were executed", "kidnapped", "protest", "arrested",
 * "looted") — and that is dated (its own date, or the date an earlier sentence of its paragraph
 * gave: "On 14 December, SOHR reported that… Two civilians were kidnapped…") proposes an event:
 *   type     the first cue in the order below (the more specific first: an airstrike before a
 *            clash, an execution before a killing); killings of civilians are violence against
 *            civilians, other killings and attacks are battles;
 *   date     chrono's date (dates.ts) with its precision;
 *   place    the most specific place linked in the sentence (village before city before
 *            governorate), `near` after "near", `region` for a governorate, region or country.
 * Sentences that repeat an incident (same type, date and place, or a follow-up with no date or
 * place of its own right after it) are one event with several quotes. Undated sentences
 * ("The clashes were triggered by…") are background, not incidents: no event.
 * Figures are then attached to the event of their sentence, else of the sentence before them in
 * the same paragraph (buildDraft.ts).
 */
import type { AcledEventType } from '../seed/vocabulary.js';
import type { Attribution } from './hedges.js';
import type { KnownEntity } from './knownEntities.js';
import type { DateMention, Mention, RelationProposal, Sentence } from './types.js';

export interface DraftEvent {
  id: string;
  name: string;
  eventType: AcledEventType;
  subEventType: string;
  start: string;
  datePrecision: DateMention['precision'];
  place?: string;
  placePrecision?: 'exact' | 'near' | 'region';
  partOf?: string;
  sentences: number[];
  /** The cue word and where it stands in its first sentence (for the actors' roles). */
  cue: { word: string; at: number };
  certainty: Attribution['certainty'];
  claimedBy?: string;
  confidence: number;
  why: string;
}

interface Cue {
  re: RegExp;
  type: AcledEventType;
  sub: string;
  /** What the event is called ("Airstrike in Beit Ana"). */
  noun: string;
}

const CIVILIANS = /\b(?:civilians?|residents?|villagers?|famil(?:y|ies)|children|women|worker|workers|farmers?|shepherds?|students?|judges?|teachers?|doctors?|young man|man|woman|brother|son|elders?|mukhtar|imam)\b/i;
const FORCES = /\b(?:security forces|security personnel|troops?|soldiers?|police(?:men)?|members? of (?:the )?(?:[A-Z][\w-]*\s?)+|checkpoints?|patrols?|convoy|army)\b/;

const CUES: Cue[] = [
  { re: /\b(?:air ?strikes?|airstrikes?|air raids?|drone strikes?|helicopter (?:strikes|attacks)|bombarded by (?:warplanes|helicopters))\b/i, type: 'Explosions/Remote violence', sub: 'Air/drone strike', noun: 'Air strikes' },
  { re: /\b(?:shell(?:ed|ing)|artillery|mortars?|missiles?|rocket attacks?|RPG)\b/i, type: 'Explosions/Remote violence', sub: 'Shelling/artillery/missile attack', noun: 'Shelling' },
  { re: /\bsuicide (?:bomb(?:ing|er)?|attack)\b/i, type: 'Explosions/Remote violence', sub: 'Suicide bomb', noun: 'Suicide bombing' },
  { re: /\b(?:car bomb|roadside bomb|IEDs?|landmines?|explosive devices?|explosions?|blasts?)\b/i, type: 'Explosions/Remote violence', sub: 'Remote explosive/landmine/IED', noun: 'Explosion' },
  { re: /\b(?:massacres?|executed|executions?|field execution)\b/i, type: 'Violence against civilians', sub: 'Attack', noun: 'Executions' },
  { re: /\b(?:kidnapped|kidnappings?|abducted|abductions?|forced disappearances?|taken as hostages?)\b/i, type: 'Violence against civilians', sub: 'Abduction/forced disappearance', noun: 'Abduction' },
  { re: /\b(?:protests?|protesters|demonstrations?|demonstrators|rall(?:y|ies)|sit-ins?)\b/i, type: 'Protests', sub: 'Peaceful protest', noun: 'Protest' },
  { re: /\b(?:riots?|rioters|mob)\b/i, type: 'Riots', sub: 'Mob violence', noun: 'Riot' },
  { re: /\b(?:regained control|regain(?:ed|ing)? control|retook|recaptured|retaken|restored control)\b/i, type: 'Battles', sub: 'Government regains territory', noun: 'Territory regained' },
  { re: /\b(?:seized control|seizing control|took control|taken control|overran|captured (?:the )?(?:town|city|village|base))\b/i, type: 'Battles', sub: 'Non-state actor overtakes territory', noun: 'Territory seized' },
  { re: /\b(?:clash(?:es|ed)?|fighting|battles?|ambush(?:ed|es)?|firefights?|gunfights?|offensive|counteroffensive|attack(?:ed|s)?|assaults?|assaulted|opened fire|gunfire)\b/i, type: 'Battles', sub: 'Armed clash', noun: 'Clashes' },
  { re: /\b(?:killed|killing|shot dead|murdered|slain|found dead|bodies|dead|deaths|death toll|fatalities|lost their lives)\b/i, type: 'Violence against civilians', sub: 'Attack', noun: 'Killing' },
  { re: /\b(?:arrest(?:ed|s)?|arrest campaign|detained|detentions?)\b/i, type: 'Strategic developments', sub: 'Arrests', noun: 'Arrests' },
  { re: /\b(?:looted|looting|set fire|burn(?:ed|t|ing) (?:down )?(?:homes|houses|shops)|torched|vandali[sz]ed)\b/i, type: 'Strategic developments', sub: 'Looting/property destruction', noun: 'Looting' },
  { re: /\b(?:curfews?|deployed|reinforcements|security campaign|security operation|combing operation)\b/i, type: 'Strategic developments', sub: 'Other', noun: 'Security operation' },
  { re: /\b(?:ceasefire|truce|agreement)\b/i, type: 'Strategic developments', sub: 'Agreement', noun: 'Agreement' },
];

/** Place types from the most specific down, for choosing an event's place. */
const SPECIFIC = ['site', 'base', 'road', 'neighbourhood', 'village', 'town', 'city', 'subdistrict', 'district', 'governorate', 'region', 'country', 'other'];
const REGION = new Set(['governorate', 'region', 'country', 'district', 'subdistrict']);

const slug = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’`]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');

/** The first cue of a sentence (in CUES order), with where it stands. */
function cueOf(text: string): { cue: Cue; word: string; at: number } | undefined {
  for (const cue of CUES) {
    const m = cue.re.exec(text);
    if (m) return { cue: refine(cue, m[0], text), word: m[0], at: m.index };
  }
  return undefined;
}

/** A protest met with force; an attack on civilians; a killing of forces. */
function refine(cue: Cue, word: string, text: string): Cue {
  if (cue.sub === 'Peaceful protest') {
    if (/\b(?:opened fire|shot|killed|live ammunition|tear gas)\b/i.test(text)) return { ...cue, sub: 'Excessive force against protesters' };
    if (/\b(?:dispers\w*|intervened|broke up|arrested)\b/i.test(text)) return { ...cue, sub: 'Protest with intervention' };
  }
  if (cue.noun === 'Clashes' && /^(?:attack|assault|opened fire|gunfire)/i.test(word) && CIVILIANS.test(text) && !FORCES.test(text)) {
    return { ...cue, type: 'Violence against civilians', sub: 'Attack', noun: 'Attack' };
  }
  // A killing is a battle when forces, and no civilians, are named; else violence against civilians.
  if (cue.noun === 'Killing' && !CIVILIANS.test(text) && FORCES.test(text)) return { ...cue, type: 'Battles', sub: 'Armed clash', noun: 'Attack' };
  return cue;
}

/** A place named in the text: a known one or a new-entity candidate. */
export interface PlaceEnd {
  id: string;
  name: string;
  subtype?: string;
  sentence: number;
  start: number;
  text: string;
}

export interface EventContext {
  mentions: readonly Mention[];
  /** Places named in each sentence, known or new (an incident's village is often new). */
  places: readonly PlaceEnd[];
  /** The known event the document is about (named most often), if any: the incidents' partOf. */
  mainEvent?: string;
  dates: readonly DateMention[];
  byId: ReadonlyMap<string, KnownEntity>;
  /** The paragraph (line) of each sentence. */
  paragraphOf: (sentence: number) => number;
  attributionOf: (sentence: number) => Attribution;
  docId: string;
  takenIds: Set<string>;
}

export function proposeEvents(sentences: readonly Sentence[], ctx: EventContext): DraftEvent[] {
  const out: DraftEvent[] = [];
  let paragraphDate: { paragraph: number; date: DateMention } | undefined;
  let last: { event: DraftEvent; sentence: number } | undefined;
  let lastDate: DateMention | undefined;
  for (const s of sentences) {
    const p = ctx.paragraphOf(s.index);
    const own = ctx.dates.filter((d) => d.sentence === s.index && d.precision !== 'year');
    const earlier = lastDate;
    if (own.length > 0) { paragraphDate = { paragraph: p, date: own[0]! }; lastDate = own[0]!; }
    // A report's incidents told without a date ("Gunmen seized Qardaha") happened around the last
    // date it gave: that month, no more precise.
    const inherited = earlier && own.length === 0 && paragraphDate?.paragraph !== p
      ? { ...earlier, value: earlier.value.slice(0, 7), precision: 'month' as const, text: earlier.text } : undefined;
    const date = own[0] ?? (paragraphDate?.paragraph === p ? paragraphDate.date : inherited);
    // The cue inside a known event's name ("Western Syria clashes") is that event, not a new one.
    const eventSpans = ctx.mentions.filter((m) => m.sentence === s.index && m.kind === 'event').map((m) => [m.start - s.start, m.end - s.start] as const);
    const masked = eventSpans.reduce((t, [a, b]) => t.slice(0, a) + ' '.repeat(b - a) + t.slice(b), s.text);
    const found = cueOf(masked);
    // An infobox row ("| 312 security forces killed |") sums up the conflict; it reports no incident.
    if (!found || !date || s.kind === 'infobox') continue;
    const places = ctx.places
      .filter((m) => m.sentence === s.index)
      .map((m) => ({ m, rank: SPECIFIC.indexOf(m.subtype ?? 'other') }))
      .sort((a, b) => a.rank - b.rank || a.m.start - b.m.start);
    const place = places[0];
    const subtype = place ? place.m.subtype ?? 'other' : undefined;
    const near = place && /\bnear\s+(?:the\s+)?(?:(?:port\s+)?(?:city|town|village)\s+of\s+)?$/i.test(s.text.slice(0, place.m.start - s.start));
    const a = ctx.attributionOf(s.index);
    // One incident told in several sentences: same type, date and place; or the very next
    // sentence of the paragraph, with no date or place of its own, of the same type.
    const same = out.find((e) => e.eventType === found.cue.type && e.subEventType === found.cue.sub && e.start === date.value && e.place === place?.m.id);
    // The next sentence with no date or place of its own continues the incident: of the same type
    // in its paragraph, or any casualty count right after it ("The monitor said 15 … were killed").
    const casualties = found.cue.noun === 'Killing' || found.cue.noun === 'Attack';
    const followUp = last && last.sentence === s.index - 1 && own.length === 0 && !place
      && ((ctx.paragraphOf(last.sentence) === p && last.event.eventType === found.cue.type) || casualties) ? last.event : undefined;
    const merged = same ?? followUp;
    if (merged) {
      merged.sentences.push(s.index);
      last = { event: merged, sentence: s.index };
      continue;
    }
    const placeName = place?.m.name;
    const name = `${found.cue.noun}${placeName ? ` ${near ? 'near' : 'in'} ${placeName}` : ''}, ${date.value}`;
    let id = `${ctx.docId}-${slug(found.cue.noun)}${place ? `-${slug(placeName!)}` : ''}-${date.value}`;
    for (let n = 2; ctx.takenIds.has(id); n++) id = `${ctx.docId}-${slug(found.cue.noun)}${place ? `-${slug(placeName!)}` : ''}-${date.value}-${n}`;
    ctx.takenIds.add(id);
    const event: DraftEvent = {
      id, name, eventType: found.cue.type, subEventType: found.cue.sub, start: date.value, datePrecision: date.precision,
      ...(place ? { place: place.m.id, placePrecision: near ? 'near' as const : REGION.has(subtype!) ? 'region' as const : 'exact' as const } : {}),
      ...(ctx.mainEvent ? { partOf: ctx.mainEvent } : {}),
      sentences: [s.index], cue: { word: found.word, at: found.at }, certainty: a.certainty, ...(a.claimedBy ? { claimedBy: a.claimedBy } : {}),
      confidence: (own.length > 0 ? 0.6 : date === inherited ? 0.35 : 0.45) + (place ? 0.1 : 0),
      why: `cue "${found.word}" → ${found.cue.type} / ${found.cue.sub}; date ${own.length > 0 ? `"${date.text}"` : date === inherited ? `the month of "${date.text}", the last date before it` : `"${date.text}" from earlier in the paragraph`} (${date.precision})${ctx.mainEvent ? `; part of ${ctx.mainEvent}, the event the document names most` : ''}${place ? `; place "${place.m.text}" (${subtype}${near ? ', near' : ''})` : '; no place named'}`,
    };
    out.push(event);
    last = { event, sentence: s.index };
  }
  return out;
}

/** Someone named in an incident's sentence: a known entity or a new candidate. */
export interface ActorEnd {
  id: string;
  kind: string;
  sentence: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Who took part, from the incident's first sentence: whoever reports it REPORTED it (the
 * sentence's claimant); an actor after "against", "on", "targeting" is the target; one before the
 * cue is the perpetrator of an attack, killing, abduction, strike or arrest, a participant of a
 * clash, protest or other development; anyone else named there is a participant — except the
 * speaker ("according to X", "X said") and a name that only describes a party ("gunmen loyal to
 * Bashar Assad").
 */
export function eventActors(e: DraftEvent, sentences: readonly Sentence[], actors: readonly ActorEnd[]): RelationProposal[] {
  const s = sentences[e.sentences[0]!]!;
  const out: RelationProposal[] = [];
  const hedge = { certainty: e.certainty, ...(e.claimedBy ? { claimedBy: e.claimedBy } : {}) };
  if (e.claimedBy) {
    out.push({ type: 'REPORTED', from: e.claimedBy, to: e.id, sentence: s.index, predicate: '', certainty: e.certainty, confidence: 0.5, why: `the claimant of the sentence that reports ${e.id}` });
  }
  const oneSided = e.eventType !== 'Battles' && e.eventType !== 'Protests' && e.subEventType !== 'Other' && e.subEventType !== 'Agreement';
  for (const a of actors) {
    if (a.sentence !== s.index || a.id === e.claimedBy || (a.kind !== 'person' && a.kind !== 'group')) continue;
    if (out.some((r) => r.from === a.id)) continue;
    const at = a.start - s.start;
    const before = s.text.slice(0, at);
    // The speaker of "X said …" / "according to X" is no party to what it reports.
    // "gunmen loyal to Bashar Assad", "a group affiliated with Suhayl al-Hasan": a description of a party, not one.
    if (/\b(?:loyal to|loyalists? (?:of|to)|aligned with|affiliated with|linked to|associated with|backed by|supporters of)\s+(?:(?:the|former|ousted|deposed|late|president|leader)\s+)*$/i.test(before)) continue;
    if (/\baccording to\s+(?:the\s+)?$/i.test(before) || /^\s*(?:\([^)]*\)\s*)?(?:,[^,]*,\s*)?(?:said|says|reported|stated|announced|claimed|told)\b/i.test(s.text.slice(a.end - s.start))) continue;
    const role = /\b(?:against|on|targeting|targeted|at)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}$/i.test(before) ? 'target'
      : at < e.cue.at && oneSided ? 'perpetrator' : 'participant';
    out.push({
      type: 'PARTICIPATED_IN', from: a.id, to: e.id, role, sentence: s.index, predicate: '', ...hedge, confidence: 0.4,
      why: `"${a.text}" named in the sentence of ${e.id}; role ${role} (${role === 'target' ? 'after "against/on/targeting"' : role === 'perpetrator' ? `before the cue "${e.cue.word}"` : 'named in it'})`,
    });
  }
  return out;
}
