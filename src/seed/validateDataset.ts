/**
 * Cross-entry checks over a parsed dataset: ids unique across all kinds, every reference
 * resolves to an entry of the right kind, every quote occurs verbatim in its document, and the
 * place hierarchy has no cycles. Returns every problem found, not just the first.
 */
import type { Dataset, Located } from './readDataset.js';
import type { SeedIssue } from './SeedValidationError.js';
import type { Citation } from './entrySchemas.js';
import { documentDay } from './knowledgeDates.js';
import { dateBounds } from './toGraphRows.js';

type Kind = 'source' | 'person' | 'group' | 'place' | 'event' | 'claim' | 'relation';

/** Which kinds each relation type may start and end at (undefined: any entity). */
const ENDPOINTS: Partial<Record<string, { from?: Kind[]; to?: Kind[] }>> = {
  LOCATED_IN: { from: ['place'], to: ['place'] },
  NEAR: { from: ['place'], to: ['place'] },
  OCCURRED_IN: { from: ['event'], to: ['place'] },
  CAPTURED_IN: { from: ['person', 'group'], to: ['place'] },
  FLED_TO: { from: ['person', 'group'], to: ['place'] },
  FLED_FROM: { from: ['person', 'group'], to: ['place'] },
  PARTICIPATED_IN: { from: ['person', 'group'], to: ['event'] },
  CLAIMED_RESPONSIBILITY_FOR: { from: ['person', 'group'], to: ['event'] },
  REPORTED: { from: ['person', 'group'], to: ['event'] },
  MEMBER_OF: { from: ['person', 'group'], to: ['group'] },
  RELATIVE_OF: { from: ['person'], to: ['person'] },
  HOMETOWN_OF: { from: ['place'], to: ['person'] },
  TOOK_CONTROL_OF: { to: ['place'] },
  ACTIVE_IN: { to: ['place'] },
  BASED_IN: { to: ['place'] },
  HOLDS_POSITION_IN: { from: ['person'], to: ['group'] },
  TRIGGERED: { to: ['event'] },
  IN_RESPONSE_TO: { to: ['event'] },
  LED_TO: { to: ['event', 'group'] },
  DEPLOYED_TO: { from: ['person', 'group'], to: ['place'] },
  ORDERED: { from: ['person', 'group'] },
  URGED: { from: ['person', 'group'] },
  THREATENED: { from: ['person', 'group'] },
  ESTABLISHED: { from: ['person', 'group'], to: ['group'] },
  INVESTIGATES: { from: ['person', 'group'] },
  SURRENDERED_TO: { from: ['person', 'group'], to: ['person', 'group'] },
  DEFECTED_FROM: { from: ['person', 'group'], to: ['group'] },
  EXPRESSED_SOLIDARITY_WITH: { from: ['person', 'group'] },
  SANCTIONED: { from: ['person', 'group'], to: ['person', 'group'] },
  ADVOCATED_LIFTING_SANCTIONS_ON: { from: ['person', 'group'], to: ['person', 'group'] },
  CONTROLS: { from: ['person', 'group'], to: ['place'] },
  TERRITORY_OF: { from: ['place'], to: ['group'] },
};

const ENTITY_KINDS: Kind[] = ['person', 'group', 'place', 'event'];

/** Collapses runs of whitespace so quotes may wrap differently from the document. */
export function normalizeWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function validateDataset(ds: Dataset, invalidIds: ReadonlySet<string> = new Set()): SeedIssue[] {
  const issues: SeedIssue[] = [];
  const kindOf = new Map<string, Kind>();
  const definedAt = new Map<string, string>();
  const at = (l: Located<{ id: string }>, field: string | undefined, message: string): SeedIssue => ({
    file: l.file, line: l.line, entry: l.entry.id, field, message,
  });

  const register = (kind: Kind, list: Located<{ id: string }>[]) => {
    for (const l of list) {
      const prior = kindOf.get(l.entry.id);
      if (prior !== undefined) {
        issues.push(at(l, 'id', `duplicate id: also a ${prior} at ${definedAt.get(l.entry.id)}`));
      } else {
        kindOf.set(l.entry.id, kind);
        definedAt.set(l.entry.id, `${l.file}:${l.line}`);
      }
    }
  };
  register('source', ds.sources);
  register('person', ds.people);
  register('group', ds.groups);
  register('place', ds.places);
  register('event', ds.events);
  register('claim', ds.claims);
  register('relation', ds.relations);

  const documents = new Map(ds.sources.map((s) => [s.entry.id, normalizeWhitespace(s.text)]));

  const ref = (l: Located<{ id: string }>, field: string, target: string | undefined, kinds: Kind[]) => {
    if (target === undefined) return;
    const kind = kindOf.get(target);
    if (kind === undefined && invalidIds.has(target)) return; // already reported where it is defined
    if (kind === undefined) issues.push(at(l, field, `refers to unknown id "${target}"`));
    else if (!kinds.includes(kind)) issues.push(at(l, field, `refers to "${target}", a ${kind}; expected ${kinds.join(' or ')}`));
  };

  const checkCitations = (l: Located<{ id: string; cite: Citation[] }>) => {
    l.entry.cite.forEach((c, i) => {
      const text = documents.get(c.source);
      if (text === undefined) {
        issues.push(at(l, `cite[${i}].source`, `refers to unknown source "${c.source}"`));
      } else if (!text.includes(normalizeWhitespace(c.quote))) {
        issues.push(at(l, `cite[${i}].quote`, `is not verbatim in ${c.source}: "${truncate(c.quote)}"`));
      }
    });
  };

  const groupType = new Map(ds.groups.map((g) => [g.entry.id, g.entry.groupType]));
  for (const s of ds.sources) ref(s, 'revisionOf', s.entry.revisionOf, ['source']);
  checkSourceDates(ds, at, issues);
  for (const list of [ds.people, ds.groups, ds.places, ds.events] as Located<{ id: string; cite: Citation[]; claimedBy?: string | undefined }>[][]) {
    for (const l of list) {
      checkCitations(l);
      ref(l, 'claimedBy', l.entry.claimedBy, ['person', 'group']);
    }
  }
  for (const l of ds.places) ref(l, 'locatedIn', l.entry.locatedIn, ['place']);
  for (const l of ds.events) {
    ref(l, 'place', l.entry.place, ['place']);
    ref(l, 'partOf', l.entry.partOf, ['event']);
  }
  for (const l of ds.claims) {
    checkCitations(l);
    ref(l, 'about', l.entry.about, ['event']);
    ref(l, 'claimedBy', l.entry.claimedBy, ['person', 'group']);
    ref(l, 'source', l.entry.source, ['source']);
    if (!l.entry.cite.some((c) => c.source === l.entry.source)) {
      issues.push(at(l, 'cite', `must quote its own source ${l.entry.source}`));
    }
  }
  for (const l of ds.relations) {
    const r = l.entry;
    checkCitations(l);
    const ends = ENDPOINTS[r.type];
    ref(l, 'from', r.from, ends?.from ?? ENTITY_KINDS);
    ref(l, 'to', r.to, ends?.to ?? ENTITY_KINDS);
    ref(l, 'event', r.event, ['event']);
    ref(l, 'claimedBy', r.claimedBy, ['person', 'group']);
    // A territory belongs to a state actor, not to any group (states-as-actors rule).
    if (r.type === 'TERRITORY_OF') {
      const state = groupType.get(r.to);
      if (state !== undefined && state !== 'state') issues.push(at(l, 'to', `TERRITORY_OF must point at a state (groupType: state); "${r.to}" is ${state}`));
    }
  }

  issues.push(...placeCycles(ds));
  return issues;
}

/** A place inside itself would make "everything inside X" queries loop or lie. */
function placeCycles(ds: Dataset): SeedIssue[] {
  const parents = new Map<string, string[]>();
  const add = (child: string, parent: string) => parents.set(child, [...(parents.get(child) ?? []), parent]);
  for (const p of ds.places) if (p.entry.locatedIn) add(p.entry.id, p.entry.locatedIn);
  for (const r of ds.relations) if (r.entry.type === 'LOCATED_IN') add(r.entry.from, r.entry.to);
  const issues: SeedIssue[] = [];
  for (const p of ds.places) {
    const seen = new Set<string>();
    const stack = [...(parents.get(p.entry.id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === p.entry.id) {
        issues.push({ file: p.file, line: p.line, entry: p.entry.id, field: 'locatedIn', message: 'is (transitively) located inside itself' });
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(parents.get(next) ?? []));
    }
  }
  return issues;
}

function truncate(s: string, n = 90): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/**
 * A document's date and its basis: `notBefore` lies inside `asOf`; every `asOfBasis` quote is
 * verbatim in the document; a later revision cannot count from before the revision it revises.
 */
function checkSourceDates(
  ds: Dataset,
  at: (l: Located<{ id: string }>, field: string | undefined, message: string) => SeedIssue,
  issues: SeedIssue[],
): void {
  const byId = new Map(ds.sources.map((s) => [s.entry.id, s]));
  for (const s of ds.sources) {
    const { asOf, notBefore, asOfBasis, revisionOf } = s.entry;
    if (notBefore !== undefined) {
      const { first, last } = dateBounds(asOf);
      if (notBefore < first || notBefore > last) issues.push(at(s, 'notBefore', `${notBefore} is not inside asOf ${asOf}`));
    }
    const text = normalizeWhitespace(s.text);
    asOfBasis?.quotes.forEach((q, i) => {
      if (!text.includes(normalizeWhitespace(q))) issues.push(at(s, `asOfBasis.quotes[${i}]`, `is not verbatim in ${s.entry.id}: "${truncate(q)}"`));
    });
    const earlier = revisionOf === undefined ? undefined : byId.get(revisionOf);
    if (earlier && documentDay(s.entry) < documentDay(earlier.entry)) {
      issues.push(at(s, 'asOf', `a later revision of ${revisionOf} cannot count from ${documentDay(s.entry)}, before ${revisionOf} (${documentDay(earlier.entry)})`));
    }
  }
}
