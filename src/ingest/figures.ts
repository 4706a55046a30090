/**
 * Stage 4: casualty figures. A figure is a number (digits, "2,005+", or a number word) with
 * what happened to whom: the measure is the nearest measure word governing the number ("killing
 * one troop", "two members … dead", "three attackers being killed"), the victims are the noun
 * it counts, the qualifier comes from the words before it ("at least", "more than", "an
 * estimated"), and the claimant from the sentence's attribution (hedges.ts). "an estimated 125
 * out of 140 civilians" gives two figures, 125 (about) and 140, as the curators read it.
 */
import type { Attribution } from './hedges.js';
import type { Figure, Mention, Sentence } from './types.js';

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};

const MEASURES: [RegExp, string][] = [
  [/^(?:killing or wounding|killed or wounded|casualties|casualty)$/i, 'casualties'],
  [/^(?:killed|killing|kills|dead|deaths?|died|slain|murdered|fatalities|lives|death toll|shot dead|found dead)$/i, 'killed'],
  [/^(?:wounded|wounding|injured|injuring|injuries|injury|sustaining injuries)$/i, 'wounded'],
  [/^(?:executed|executing|executions?)$/i, 'executed'],
  [/^(?:kidnapped|kidnapping|abducted|abducting)$/i, 'kidnapped'],
  [/^(?:arrested|arresting|detained|detaining)$/i, 'arrested'],
  [/^(?:captured|capturing)$/i, 'captured'],
  [/^(?:displaced|displacing)$/i, 'displaced'],
  [/^(?:missing)$/i, 'missing'],
  [/^(?:rescued|rescuing|rescue)$/i, 'rescued'],
  [/^(?:injury|injuries)$/i, 'wounded'],
  [/^(?:killings|massacres?|murders?)$/i, 'killed'],
  [/^(?:kidnapping|abduction)$/i, 'kidnapped'],
  [/^(?:arrests?|detention)$/i, 'arrested'],
  [/^(?:capture)$/i, 'captured'],
  [/^(?:displacement)$/i, 'displaced'],
];
const MEASURE_WORD = /\b(?:killing or wounding|killed or wounded|death toll|shot dead|found dead|sustaining injuries|casualt(?:y|ies)|killed|killing|kills|dead|deaths?|died|slain|murdered|fatalities|lives|wounded|wounding|injured|injuring|injur(?:y|ies)|executed|executing|executions|kidnapped|kidnapping|abducted|abducting|arrested|arresting|detained|detaining|captured|capturing|displaced|displacing|missing|rescued|rescuing)\b/gi;

const VICTIMS: [RegExp, string][] = [
  [/^(?:civilians?|residents|children|women|men|protesters?|villagers|family members|workers|judges|shrine attendants|alawites|christians|druze)$/i, 'civilians'],
  [/^(?:security (?:forces?|personnel|members?|force members?)|troops?|soldiers?|policemen|police(?:men| officers)?|officers|members?|personnel|forces)$/i, 'security_forces'],
  [/^(?:gunm[ae]n|militants?|insurgents?|attackers?|fighters?|loyalists?|rebels?|assailants?|shabiha)$/i, 'insurgents'],
  [/^(?:combatants)$/i, 'combatants'],
];

/** Words after a number that make it something other than a count of people. */
const NOT_PEOPLE = /^(?:years?|days?|hours?|weeks?|months?|km|kilometres?|kilometers?|miles?|percent|per cent|%|houses|homes|vehicles?|million|billion|pills|times|o'clock|am|pm|st|nd|rd|th|-year|of (?:the|them))\b/i;
const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const MONTH_BEFORE = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+$/;
/** A measure named as a noun right before the number: "the injury of 10 people", "the rescue of two soldiers". */
const NOMINAL_BEFORE = /\b(injury|injuries|injuring|wounding|death|deaths|killing|killings|massacres?|murders?|execution|executions|kidnapping|abduction|arrest|arrests|detention|rescue|capture|displacement)\s+of\s+(?:(?:at least|more than|an estimated|nearly|about|over|some)\s+)?$/i;
/** "bodies of six civilians were found", "six bodies … were found": the dead. */
const SECOND_MEASURE = /^(?:\s+by\s+[^,.;]{1,60})?(?:\s+and|,?\s+(?:who|which)\s+(?:were|was)|\s+before being)\s+(?:(?:were|was)\s+)?(?:later\s+|then\s+|subsequently\s+)?(shot dead|found dead|killed|executed|murdered|kidnapped|abducted|arrested|wounded|injured)\b/i;
const BODIES = /\bbod(?:y|ies)\s+of\s+(?:(?:at least|more than|an estimated|nearly|about|over|some)\s+)?$/i;

const NUMBER = new RegExp(
  String.raw`(?<![\[\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\+)?(?![\w\]]|\.\d|,\d)|\b(${Object.keys(WORD_NUMBERS).join('|')})\b`,
  'gi',
);

const QUALIFIERS: [RegExp, Figure['qualifier']][] = [
  [/(?:at least|no fewer than|a minimum of)\s*$/i, 'at_least'],
  [/(?:more than|over|upwards of|in excess of|surpassed|exceeded|exceeding|above)\s*$/i, 'more_than'],
  [/(?:an estimated|estimated|nearly|almost|about|around|approximately|roughly|some|close to)\s*$/i, 'about'],
  [/(?:up to|at most|no more than|fewer than|less than)\s*$/i, 'at_most'],
];

function measureOf(word: string): string | undefined {
  for (const [re, m] of MEASURES) if (re.test(word.trim().replace(/\s+/g, ' '))) return m;
  return undefined;
}

interface NumberHit {
  value: number;
  start: number;
  end: number;
  plus: boolean;
  word: boolean;
}

function numbersIn(text: string): NumberHit[] {
  const out: NumberHit[] = [];
  for (const m of text.matchAll(NUMBER)) {
    if (m[1] !== undefined) out.push({ value: Number(m[1].replace(/,/g, '')), start: m.index, end: m.index + m[1].length + (m[2] ? 1 : 0), plus: m[2] !== undefined, word: false });
    else out.push({ value: WORD_NUMBERS[m[3]!.toLowerCase()]!, start: m.index, end: m.index + m[3]!.length, plus: false, word: true });
  }
  return out;
}

/**
 * "a civilian was killed", "killing one troop and injuring another": one person, written with an
 * article. Only with a person noun ("a member of…", "a protester"), so "a curfew" never counts.
 */
const ONE_PERSON = /\b(?:a|an|another)\s+(?=(?:[\w-]+\s+){0,2}?(?:civilian|member|soldier|troop|policeman|police officer|fighter|gunman|protester|child|man|woman|commander|officer|resident|student|doctor|teacher|cleric|imam|worker)s?\b)|\banother\b(?=[\s.,;])/gi;

function singlesIn(text: string): NumberHit[] {
  return [...text.matchAll(ONE_PERSON)].map((m) => ({ value: 1, start: m.index, end: m.index + m[0].trimEnd().length, plus: false, word: true }));
}

export interface FigureContext {
  attribution: Attribution;
  /** The attribution of the part of the sentence from..to (the figure itself), when known. */
  attributionOf?: (from: number, to: number) => Attribution;
  mentions: readonly Mention[];
  /** Known event the sentence (or document) is about, if one was linked. */
  about?: string;
  subtypeOf: (id: string) => string | undefined;
}

export function findFigures(s: Sentence, ctx: FigureContext): Figure[] {
  const text = s.text;
  const hits = [...numbersIn(text), ...singlesIn(text)].sort((a, b) => a.start - b.start);
  const out: Figure[] = [];
  let prevEnd: number | undefined;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    const before = text.slice(0, h.start);
    const after = text.slice(h.end);
    if (NOT_PEOPLE.test(after.trimStart()) || MONTHS.test(after.trimStart()) || /(?:^|\s)(?:On|on|in|In|since|of)\s+(?:\d{1,2}\s+)?$/.test(before) && !h.word && h.value > 31) continue;
    // A year, unless it counts someone ("2,005+ civilians", "2005 civilians").
    if (!h.word && h.value >= 1900 && h.value <= 2100 && !h.plus && !text.slice(h.start, h.end).includes(',') && !/^\s*(?:civilians|people|persons|members|fighters|soldiers)\b/i.test(after)) continue;
    if (MONTH_BEFORE.test(before)) continue; // "March 6" (not "On 24 December, three judges")
    // "killed by two unidentified gunmen": the agent after "by" is who did it, not a count of victims.
    if (/\bby\s+(?:(?:at least|some|about|nearly)\s+)?$/i.test(before)) continue;
    const outOf = /^\s*out of\s+(\d[\d,]*)/i.exec(after);
    // "125 out of 140 civilians": both numbers count the noun after the second.
    const nounFrom = outOf ? h.end + outOf[0].length : h.end;
    const nextStart = hits[k + (outOf ? 2 : 1)]?.start ?? text.length;
    const windowAfter = text.slice(nounFrom, Math.min(nextStart, nounFrom + 90));
    // The counted noun: the first victims word among the next few ("745 mostly Alawite civilians",
    // "148 pro Assad fighters", "two members of the Military Operations Command").
    const words = [...windowAfter.matchAll(/[A-Za-z]+(?:\s+(?:force members?|forces?|personnel|members?|officers|attendants))?/g)].slice(0, 5);
    let noun: RegExpMatchArray | undefined;
    let victims = 'unspecified';
    for (const w of words) {
      const hit = VICTIMS.find(([re]) => re.test(w[0]));
      if (hit) { noun = [w[0], w[0]] as unknown as RegExpMatchArray; victims = hit[1]; break; }
      if (/^(?:and|or|of|who|which|were|was|have|has|had|in|on|at|by|from|since|with)$/i.test(w[0])) break;
    }
    if (!noun && words[0]) noun = [words[0][0], words[0][0]] as unknown as RegExpMatchArray;
    if (victims === 'security_forces' && /^members?$/i.test(noun?.[1] ?? '')) {
      const of = ctx.mentions.find((m) => m.sentence === s.index && m.start - s.start >= h.end && m.start - s.start <= h.end + 40);
      const sub = of ? ctx.subtypeOf(of.entityId) : undefined;
      const bodyWords = /^\s*members? of (?:the )?[^,.;]{0,40}?\b(?:Ministr|[Ss]ecurity|[Aa]rmy|[Pp]olice|[Ff]orces|Command)/.test(windowAfter);
      victims = bodyWords || (sub && ['security_unit', 'military', 'government', 'government_body'].includes(sub)) ? 'security_forces' : 'unspecified';
    }
    // The measure: a verb right before the number ("killing one"), else the nearest after it.
    let measure: string | undefined;
    let measureWhy = '';
    /** Where the measure word ends, when it follows the number (for a second measure: "kidnapped and shot dead"). */
    let measureEnd: number | undefined;
    const justBefore = /(\b[a-z]+(?: or [a-z]+)?)\s+(?:(?:at least|more than|an estimated|nearly|about|over)\s+)?$/i.exec(before);
    const nextWords = /^\+?\s*([A-Za-z]+)(?:\s+([A-Za-z]+))?/.exec(text.slice(h.end));
    const measureRightAfter = nextWords ? [nextWords[1], nextWords[2]].find((w) => w && measureOf(w)) : undefined;
    const nominal = NOMINAL_BEFORE.exec(before);
    if (nominal) {
      // "the rescue of two kidnapped soldiers": the noun before says what happened, not the participle after.
      measure = measureOf(nominal[1]!.replace(/^deaths?$/i, 'deaths'));
      measureWhy = `"${nominal[0].trim()}" before the number`;
    } else if (BODIES.test(before) || /^\s*bodies\b/i.test(text.slice(h.end))) {
      measure = 'killed';
      measureWhy = '"bodies" (found dead)';
    } else if (measureRightAfter) {
      measure = measureOf(measureRightAfter);
      measureWhy = `"${measureRightAfter}" right after the number`;
      measureEnd = h.end + nextWords![0].length;
    } else if (justBefore && /ing$|ed$/.test(justBefore[1]!) && measureOf(justBefore[1]!)) {
      measure = measureOf(justBefore[1]!);
      measureWhy = `"${justBefore[1]} ${h.word ? text.slice(h.start, h.end) : h.value}"`;
    }
    const toll = /\b(death toll|toll|deaths|fatalities|casualties)\s+(?:[\w\s]{0,40}?\s)?(?:has |have |had )?(?:now |since )?(?:surpassed|exceeded|reached|risen to|rose to|climbed to|stood at|stands at|is|was|of)\s*(?:more than |over |at least |nearly |about )?$/i.exec(before);
    if (!measure && toll) {
      measure = measureOf(toll[1] === 'toll' ? 'death toll' : toll[1]!);
      measureWhy = `"${toll[0].trim()}" before the number`;
    }
    if (!measure) {
      const scope = text.slice(nounFrom, nextStart);
      MEASURE_WORD.lastIndex = 0;
      let m = MEASURE_WORD.exec(scope);
      let from = nounFrom;
      if (!m) { MEASURE_WORD.lastIndex = 0; m = MEASURE_WORD.exec(after); from = h.end; }
      if (m && m.index < 120) {
        measure = measureOf(m[0]);
        measureWhy = `"${m[0]}" after the number`;
        measureEnd = from + m.index + m[0].length;
      }
    }
    if (!measure) {
      const m = /\b(death toll|deaths|casualties|fatalities|killed|dead)\b[^.;]{0,40}$/i.exec(before);
      if (m) { measure = measureOf(m[1]!); measureWhy = `"${m[1]}" before the number`; }
    }
    // "the deaths of a member of the Command and a local gunman": a count joined by "and" to
    // the one before it, with no measure of its own, shares that one's measure.
    const prev = out.at(-1);
    if (!measure && prev && prevEnd !== undefined && /^[^.;]*\band\s+$/.test(text.slice(prevEnd, h.start)) && !/\b(?:were|was|are|is|has|have|had)\b/.test(text.slice(prevEnd, h.start))) {
      measure = prev.measure;
      measureWhy = `shared with "${prev.text}" before it ("… and ${text.slice(h.start, h.end)}")`;
    }
    if (!measure) continue;
    if (/^another$/i.test(text.slice(h.start, h.end))) {
      if (!measureWhy.startsWith(`"${justBefore?.[1]}`)) continue;
      // "killing one troop and injuring another": another of the same.
      if (victims === 'unspecified' && out.length > 0) { victims = out.at(-1)!.victims; noun = ['another', out.at(-1)!.victims] as unknown as RegExpMatchArray; }
    }
    // A number word counts people only with a people noun after it ("two civilians", "three
    // others", "the two were killed"), not "one family", "one group", "one of the".
    if (h.word && victims === 'unspecified' && !/^another$/i.test(text.slice(h.start, h.end)) && !/^\s*(?:(?:more|other|armed|local|unidentified)\s+)?(?:people|persons|individuals|others|bodies|members?|men|women|commanders?|were|was|went|more|brothers|sons|relatives|security force members?|killed|dead|wounded|injured|kidnapped|arrested|executed)\b/i.test(windowAfter)) continue;
    let qualifier: Figure['qualifier'] = 'exact';
    for (const [re, q] of QUALIFIERS) if (re.test(before)) { qualifier = q; break; }
    if (h.plus) qualifier = 'at_least';
    const a = ctx.attributionOf ? ctx.attributionOf(h.start, h.end) : ctx.attribution;
    const base = {
      sentence: s.index, measure, victims,
      ...(a.claimedBy ? { claimedBy: a.claimedBy, claimantText: a.claimantText } : {}),
      ...(ctx.about ? { about: ctx.about } : {}),
      certainty: a.certainty === 'stated' ? ('stated' as const) : a.certainty,
    };
    const why = `number ${text.slice(h.start, h.end)}, measure ${measureWhy}, victims "${noun?.[1] ?? '?'}"${qualifier !== 'exact' ? `, qualifier ${qualifier}` : ''}${a.cue ? `, attribution "${a.cue}"` : ''}`;
    const confidence = (h.word ? 0.6 : 0.75) + (victims !== 'unspecified' ? 0.1 : 0) + (a.claimedBy ? 0.05 : 0);
    out.push({ ...base, text: text.slice(h.start, h.end), value: h.value, qualifier, confidence, why });
    prevEnd = h.end;
    // "were kidnapped and shot dead", "were kidnapped by gunmen, who were later found dead": the
    // same people, a second measure.
    const second = measureEnd === undefined ? null : SECOND_MEASURE.exec(text.slice(measureEnd));
    const measure2 = second ? measureOf(second[1]!) : undefined;
    if (second && measure2 && measure2 !== measure) {
      out.push({ ...base, measure: measure2, text: text.slice(h.start, h.end), value: h.value, qualifier, confidence: confidence - 0.1, why: `${why}; then "${second[0].trim()}": the same people, a second measure` });
    }
    if (outOf) {
      out.push({ ...base, text: outOf[1]!, value: Number(outOf[1]!.replace(/,/g, '')), qualifier: 'exact', confidence: confidence - 0.2, why: `the total of "${text.slice(h.start, h.end)} out of ${outOf[1]}" (how the two relate is for the curator)` });
      k++;
      prevEnd = h.end + (outOf[0]?.length ?? 0);
    }
  }
  // "without any casualties": a figure of nought.
  for (const m of text.matchAll(/\bwithout (?:any )?(casualties|deaths|fatalities|injuries)\b/gi)) {
    const a = ctx.attributionOf ? ctx.attributionOf(m.index, m.index + m[0].length) : ctx.attribution;
    out.push({
      sentence: s.index, measure: measureOf(m[1]!)!, victims: 'unspecified', ...(a.claimedBy ? { claimedBy: a.claimedBy, claimantText: a.claimantText } : {}),
      ...(ctx.about ? { about: ctx.about } : {}), certainty: a.certainty, text: m[0], value: 0, qualifier: 'exact', confidence: 0.6, why: `"${m[0]}": none`,
    });
  }
  return out;
}
