/**
 * Stage 5: relationship proposals. For two linked names in one sentence, the words between them
 * are matched against verb patterns, each tied to one vocabulary type ("ambushed" → AMBUSHED,
 * "urged" → URGED, "was established by" → ESTABLISHED reversed). The matched words are the
 * relationship's `predicate` — the document's own verb phrase. Types that the vocabulary does not
 * (yet) have are never proposed, and each type's end kinds are checked (a place cannot be killed).
 * Two places written "X, Y" give X LOCATED_IN Y ("Al-Zahraa, Homs").
 */
import { RELATION_TYPE_NAMES } from '../seed/vocabulary.js';
import type { EntityKind } from './knownEntities.js';
import type { Attribution } from './hedges.js';
import type { RelationProposal, Sentence } from './types.js';

/** Something a relationship can start or end at: a known entity or a new-entity candidate. */
export interface End {
  id: string;
  kind: EntityKind;
  subtype?: string;
  start: number;
  end: number;
  text: string;
}

type Kinds = readonly EntityKind[];
const ACTOR: Kinds = ['person', 'group'];
const PLACE: Kinds = ['place'];
const EVENT: Kinds = ['event'];
const ANY: Kinds = ['person', 'group', 'place', 'event'];

interface Pattern {
  re: RegExp;
  type: string;
  from: Kinds;
  to: Kinds;
  /** The written order is object-first ("X, led by Y": X LED_BY Y is written order; "Y led X" is reversed). */
  reverse?: boolean;
}

/** Order matters: the first pattern that matches the words between the two names wins. */
const PATTERNS: Pattern[] = [
  { re: /\b(?:was|were|has been|had been|been)\s+(?:established|formed|set up|founded|created)\s+by\b/i, type: 'ESTABLISHED', from: ACTOR, to: ['group'], reverse: true },
  { re: /\b(?:established|formed|set up|founded|created)\b/i, type: 'ESTABLISHED', from: ACTOR, to: ['group'] },
  { re: /\b(?:was|were)\s+(?:ambushed)\s+by\b/i, type: 'AMBUSHED', from: ACTOR, to: ACTOR, reverse: true },
  { re: /\b(?:was|were)\s+(?:attacked|targeted|assaulted)\s+by\b|\battack(?:s)? on\b[^,;]*\bby\b/i, type: 'ATTACKED', from: ACTOR, to: ANY, reverse: true },
  { re: /\b(?:was|were)\s+(?:killed|executed|shot dead|murdered)\s+by\b/i, type: 'KILLED', from: ACTOR, to: ACTOR, reverse: true },
  { re: /\b(?:was|were)\s+(?:kidnapped|abducted)\s+by\b/i, type: 'KIDNAPPED', from: ACTOR, to: ACTOR, reverse: true },
  { re: /\b(?:was|were)\s+(?:arrested|detained)\s+by\b/i, type: 'ARRESTED', from: ACTOR, to: ACTOR, reverse: true },
  { re: /\b(?:was|were)\s+(?:captured)\s+by\b/i, type: 'CAPTURED', from: ACTOR, to: ACTOR, reverse: true },
  { re: /\b(?:was|were)\s+(?:rescued)\s+by\b/i, type: 'RESCUED', from: ACTOR, to: ACTOR, reverse: true },
  { re: /\b(?:was|were)\s+(?:toppled|overthrown|ousted)\s+by\b/i, type: 'OVERTHREW', from: ACTOR, to: ACTOR, reverse: true },
  { re: /\b(?:was|were|is|are)\s+(?:led|commanded|headed)\s+by\b|,?\s*led by\b|\bunder (?:the )?(?:leadership|command) of\b/i, type: 'LED_BY', from: ['group', 'event'], to: ACTOR },
  { re: /\b(?:leader|commander|head|chief) of\b/i, type: 'LED_BY', from: ['group'], to: ['person'], reverse: true },
  { re: /\bambush(?:ed|es|ing)?\b/i, type: 'AMBUSHED', from: ACTOR, to: ACTOR },
  { re: /\b(?:seized|seizing|took|taking|regained|retook|retaking|regaining|gained) control of\b|\b(?:captured|seized|stormed|overran) (?:the )?(?:town|city|village)? ?(?:of )?$/i, type: 'TOOK_CONTROL_OF', from: ACTOR, to: PLACE },
  { re: /\b(?:controls|controlled|in control of)\b/i, type: 'CONTROLS', from: ACTOR, to: PLACE },
  { re: /\braid(?:ed|ing|s)?\b/i, type: 'RAIDED', from: ACTOR, to: ['place', 'group', 'person'] },
  { re: /\b(?:deployed|sent reinforcements|dispatched|sent troops|redeployed)\b/i, type: 'DEPLOYED_TO', from: ACTOR, to: PLACE },
  { re: /\battack(?:ed|ing)\b|\battacks? (?:on|against) (?:the )?$|\bassault(?:ed|ing)?\b|\bstormed\b|\btargeted\b|\bshelled\b|\bstruck\b|\bbombed\b|\bopened fire on\b/i, type: 'ATTACKED', from: ACTOR, to: ANY },
  { re: /\bkill(?:ed|ing|s)\b|\bexecuted\b|\bslew\b|\bmurdered\b|\bshot dead\b/i, type: 'KILLED', from: ACTOR, to: ACTOR },
  { re: /\bkidnap(?:ped|ping|s)?\b|\babduct(?:ed|ing|s)?\b/i, type: 'KIDNAPPED', from: ACTOR, to: ACTOR },
  { re: /\barrest(?:ed|ing|s)?\b|\bdetain(?:ed|ing|s)?\b/i, type: 'ARRESTED', from: ACTOR, to: ACTOR },
  { re: /\bcaptur(?:ed|ing|es)\b/i, type: 'CAPTURED', from: ACTOR, to: ACTOR },
  { re: /\brescu(?:ed|ing|es)\b/i, type: 'RESCUED', from: ACTOR, to: ACTOR },
  { re: /\b(?:toppled|overthrew|brought down)\b|\b(?:ousted|deposed) (?=the\b)/i, type: 'OVERTHREW', from: ACTOR, to: ACTOR },
  { re: /\bclaimed responsibility for\b/i, type: 'CLAIMED_RESPONSIBILITY_FOR', from: ACTOR, to: EVENT },
  { re: /\bcondemn(?:ed|s|ing)?\b|\bdenounced\b/i, type: 'CONDEMNED', from: ACTOR, to: ANY },
  { re: /\baccus(?:ed|es|ing)\b|\bblamed\b/i, type: 'ACCUSED', from: ACTOR, to: ANY },
  { re: /\b(?:urged|urges|urging|called on|calls on|demanded|appealed to|pressed)\b/i, type: 'URGED', from: ACTOR, to: ACTOR },
  { re: /\bordered\b|\bordering\b|\binstructed\b/i, type: 'ORDERED', from: ACTOR, to: ANY },
  { re: /\bthreaten(?:ed|s|ing)?\b/i, type: 'THREATENED', from: ACTOR, to: ['person', 'group', 'place'] },
  { re: /\binvestigat(?:e|es|ed|ing)\b|\binquiry into\b|\bprobe into\b/i, type: 'INVESTIGATES', from: ['group'], to: ANY },
  { re: /\bsurrender(?:ed|s|ing)? to\b/i, type: 'SURRENDERED_TO', from: ACTOR, to: ACTOR },
  { re: /\bdefect(?:ed|s|ing)? from\b/i, type: 'DEFECTED_FROM', from: ACTOR, to: ['group'] },
  { re: /\bsolidarity with\b/i, type: 'EXPRESSED_SOLIDARITY_WITH', from: ACTOR, to: ACTOR },
  { re: /\blifting of sanctions\b|\blift(?:ing)? (?:the )?sanctions\b/i, type: 'ADVOCATED_LIFTING_SANCTIONS_ON', from: ACTOR, to: ACTOR },
  { re: /\bsanction(?:ed|s|ing)?\b/i, type: 'SANCTIONED', from: ACTOR, to: ACTOR },
  { re: /\btriggered\b|\bsparked\b|\bprompted\b/i, type: 'TRIGGERED', from: ['event', 'person', 'group'], to: EVENT },
  { re: /\bin response to\b|\bin retaliation for\b/i, type: 'IN_RESPONSE_TO', from: EVENT, to: EVENT },
  { re: /\bled to\b|\bresulted in\b|\bresulting in\b/i, type: 'LED_TO', from: EVENT, to: EVENT },
  { re: /\b(?:loyal to|loyalists of|loyalist to)\b/i, type: 'LOYAL_TO', from: ACTOR, to: ACTOR },
  { re: /\b(?:allied with|allies of|ally of|alliance with|allies,?|allied to)\b/i, type: 'ALLIED_WITH', from: ACTOR, to: ACTOR },
  { re: /\baffiliated with\b|\blinked to\b|\bassociated with\b/i, type: 'AFFILIATED_WITH', from: ACTOR, to: ACTOR },
  { re: /\b(?:supported|backed|sponsored) by\b/i, type: 'SUPPORTED_BY', from: ACTOR, to: ACTOR },
  { re: /\b(?:supported|supports|backed|backs|sponsored)\b/i, type: 'SUPPORTED_BY', from: ACTOR, to: ACTOR, reverse: true },
  { re: /\b(?:member|members|fighters|commander|commanders|officer|officers|soldiers?) of\b|\bjoined\b/i, type: 'MEMBER_OF', from: ACTOR, to: ['group'] },
  { re: /\bfled (?:to|into|towards)\b|\bescaped to\b/i, type: 'FLED_TO', from: ACTOR, to: PLACE },
  { re: /\bfled(?: from)?\b|\bescaped from\b/i, type: 'FLED_FROM', from: ACTOR, to: PLACE },
  { re: /\b(?:occurred|took place|happened|erupted|broke out)\s+(?:in|near|at|around)\b/i, type: 'OCCURRED_IN', from: EVENT, to: PLACE },
  { re: /\bbased in\b|\bheadquartered in\b|\bstationed (?:in|at)\b|\bresident (?:from|of)\b|\bfrom\s*$/i, type: 'BASED_IN', from: ACTOR, to: PLACE },
  { re: /\breported\b|\bdocumented\b/i, type: 'REPORTED', from: ACTOR, to: EVENT },
  { re: /\bopposed\b|\bopposition to\b|\bfought\b|\bfighting\b|\bclashed with\b|\bclashes with\b/i, type: 'OPPOSED', from: ACTOR, to: ACTOR },
];

const KNOWN_TYPES = new Set<string>(RELATION_TYPE_NAMES);

/** The verb phrase as written: the matched words, with an auxiliary right before them. */
function predicateOf(middle: string, m: RegExpExecArray): string {
  const before = middle.slice(0, m.index);
  const aux = /\b((?:has|have|had|was|were|is|are|has been|have been)\s+)$/i.exec(before);
  return ((aux ? aux[1] : '') + m[0]).replace(/^[\s,]+|[\s,]+$/g, '');
}

export function proposeRelations(s: Sentence, ends: readonly End[], a: Attribution, date?: string): RelationProposal[] {
  const inS = ends.filter((e) => e.start >= s.start && e.end <= s.end).sort((x, y) => x.start - y.start);
  const out: RelationProposal[] = [];
  const seen = new Set<string>();
  const push = (p: RelationProposal) => {
    const key = `${p.type} ${p.from} ${p.to}`;
    if (seen.has(key) || p.from === p.to) return;
    seen.add(key);
    out.push(p);
  };
  const hedge = { certainty: a.certainty, ...(a.claimedBy ? { claimedBy: a.claimedBy } : {}), ...(date ? { date } : {}) };
  for (let i = 0; i < inS.length; i++) {
    const x = inS[i]!;
    for (let j = i + 1; j < Math.min(inS.length, i + 4); j++) {
      const y = inS[j]!;
      const middle = s.text.slice(x.end - s.start, y.start - s.start);
      if (middle.length > 90) break;
      // "Al-Zahraa, Homs": a place and the larger place it is in.
      // Not a list ("Latakia, Tartus, Hama and Homs"), and the second place is the larger kind.
      const afterY = inS[j + 1] ? s.text.slice(y.end - s.start, inS[j + 1]!.start - s.start) : '';
      const larger = ['governorate', 'district', 'subdistrict', 'region', 'country'].includes(y.subtype ?? '')
        || (y.subtype === 'city' && ['village', 'town', 'neighbourhood', 'site', 'base', 'road'].includes(x.subtype ?? ''));
      if (j === i + 1 && x.kind === 'place' && y.kind === 'place' && /^,\s*$/.test(middle) && larger && !/^(?:,\s*|\s+and\s+)$/.test(afterY) && KNOWN_TYPES.has('LOCATED_IN')) {
        push({ type: 'LOCATED_IN', from: x.id, to: y.id, sentence: s.index, predicate: '', certainty: 'stated', confidence: 0.7, why: `"${x.text}, ${y.text}": a place written with the place it is in` });
        break;
      }
      // The claimant is not a party to what it reports ("SOHR said that … members of …").
      if (/^\)?\s*(?:\([^)]*\)\s*)?(?:,[^,]*,)?\s*(?:has |have |had )?(?:said|says|reported|stated|announced|claimed|added|told)\b/i.test(middle)) continue;
      // "Syria’s new authorities": a possessive name modifies the next one; the pair is with that one.
      const next = inS[j + 1];
      if (next && /^[\u2019']s\s+(?:[\w-]+\s+){0,2}$/.test(s.text.slice(y.end - s.start, next.start - s.start))) continue;
      let matched = false;
      for (const p of PATTERNS) {
        if (!KNOWN_TYPES.has(p.type)) continue;
        const m = p.re.exec(middle);
        if (!m) continue;
        const [from, to] = p.reverse ? [y, x] : [x, y];
        if (!p.from.includes(from.kind) || !p.to.includes(to.kind)) continue;
        const before = middle.slice(0, m.index);
        // "have been killed" without "by …": a passive with no agent is no relationship of x.
        if (!p.reverse && /\b(?:been|was|were|being|is|are)\s+$/i.test(before) && /ed\b/.test(m[0])) continue;
        // Attributive links ("loyal to", "members of", "based in") bind the name right before them.
        if (['LOYAL_TO', 'MEMBER_OF', 'BASED_IN', 'AFFILIATED_WITH'].includes(p.type) && (before.split(/\s+/).filter(Boolean).length > 3 || /\d/.test(before))) continue;
        const predicate = predicateOf(middle, m);
        const distance = j - i;
        push({
          type: p.type, from: from.id, to: to.id, sentence: s.index, predicate, ...hedge,
          confidence: Math.max(0.3, 0.75 - 0.15 * (distance - 1) - (middle.length > 50 ? 0.1 : 0)),
          why: `"${x.text}" … "${predicate}" … "${y.text}" matches the ${p.type} pattern${p.reverse ? ' (passive: order reversed)' : ''}${a.cue ? `; hedge "${a.cue}"` : ''}`,
        });
        matched = true;
        break;
      }
      if (matched) break;
    }
  }
  return out;
}
