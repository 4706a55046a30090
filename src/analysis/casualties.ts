/**
 * Casualty aggregates that never add up overlapping figures (the rules, with the UCDP GED and
 * ACLED practice they follow, are in docs/aggregates.md). Pure functions over the events and
 * figures the resolver read (cypher/queries/aggregates.events.cypher):
 *
 * 1. Same count, several reports (one event, measure and victims): a later revision of the same
 *    article, or the same claimant's later figure, SUPERSEDES the earlier one; of the rest (two
 *    monitors counting the same deaths) the range runs from the lowest to the highest figure and
 *    the best is the most conservative (lowest) one. Never summed.
 * 2. One event, several victim groups: disjoint groups (civilians, security forces, insurgents) add
 *    up; a figure for a wider group (combatants; mixed or unspecified victims) contains them, so
 *    the larger of the two counts, never the sum.
 * 3. Events inside events: a sub-event (PART_OF) or an event that may lie inside another (its dates
 *    within the other's, and its place inside the other's place or the other located only by
 *    region) is part of that total: best and low are the total's (or one part's, if larger); the
 *    sum of the parts only raises the high. Parts are never added on top of a total.
 * 4. Everything else in a bucket (events that cannot overlap) adds up.
 */
import type { ClaimFigure } from './figure.js';

/** A figure as the aggregate needs it: the claim model's figure, with the claimant's name. */
export interface AggClaim extends ClaimFigure {
  /** The claimant's name, or null when the document states the figure itself. */
  claimant: string | null;
}

/** A place an event occurred in, with the places it lies inside. */
export interface AggPlace {
  id: string;
  name: string;
  placeType: string | null;
  within: { id: string; name: string; placeType: string | null }[];
}

/** An event with what grouping and the overlap rules need. */
export interface AggEvent {
  id: string;
  name: string;
  eventType: string | null;
  startDate: string;
  endDate: string;
  placePrecision: string | null;
  /** Events it is PART_OF, transitively. */
  ancestors: string[];
  places: AggPlace[];
  perpetrators: string[];
  claims: AggClaim[];
}

/** What the rules need to know of a document. */
export interface AggSource {
  id: string;
  /** The day it counts from (its knownFrom, YYYY-MM-DD). */
  day: string;
  /** The first revision of the article it is a revision of (itself when it revises nothing). */
  lineage: string;
  /** REVISION_OF steps to `lineage`. */
  depth: number;
}

/** The ways to group. */
export const DIMENSIONS = ['month', 'week', 'governorate', 'district', 'perpetrator', 'victims', 'claimant', 'eventType'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** How a figure was used. */
export type ClaimUse = 'counted' | 'alternative' | 'superseded' | 'covered';

export interface ClaimInBucket {
  claimId: string;
  use: ClaimUse;
  /** Why, in words (e.g. "superseded by doc000-… (later revision of the same article)"). */
  reason: string;
}

/** One bucket of an aggregate. */
export interface Bucket {
  key: string;
  /** True when an event of the bucket spans several buckets of the dimension (two months, two governorates…). */
  spans: boolean;
  /** Events in the bucket (with or without figures). */
  events: number;
  low: number | null;
  best: number | null;
  high: number | null;
  /** True when some figure behind `high` is open-ended ("more than 344"): the true high may be larger. */
  highOpen: boolean;
  /** The rules that produced `best`, in words. */
  bestRule: string;
  claimants: string[];
  /** Independent documents behind the figures (revisions of one article count once). */
  documents: number;
  claims: ClaimInBucket[];
}

interface Estimate {
  low: number;
  best: number;
  high: number;
  highOpen: boolean;
  rules: Set<string>;
}

const OPEN = new Set(['at_least', 'more_than']);

/** A single figure as low / best / high (conservative best: the lower end of a range). */
export function claimInterval(c: Pick<AggClaim, 'value' | 'low' | 'high' | 'qualifier'>): { low: number; best: number; high: number } | null {
  if (c.value !== null) return c.qualifier === 'at_most' ? { low: 0, best: c.value, high: c.value } : { low: c.value, best: c.value, high: c.value };
  if (c.low !== null || c.high !== null) {
    const lo = c.low ?? 0;
    const hi = c.high ?? lo;
    return { low: lo, best: lo, high: hi };
  }
  return null;
}

const claimantOf = (c: AggClaim) => c.claimant ?? `stated by ${c.sourceId ?? 'its document'}`;

/** Rule 1: the reports of one count → the current ones, and how every report was used. */
function combineReports(claims: AggClaim[], sources: Map<string, AggSource>, uses: Map<string, ClaimInBucket>): Estimate | null {
  const src = (c: AggClaim) => (c.sourceId ? sources.get(c.sourceId) : undefined);
  const order = (c: AggClaim) => `${src(c)?.day ?? '9999'}|${String(src(c)?.depth ?? 0).padStart(3, '0')}|${c.asOf ?? ''}|${c.id}`;
  const current: AggClaim[] = [];
  for (const c of claims) {
    const later = claims.find((o) => {
      if (o === c || order(o) <= order(c)) return false;
      const sameArticle = src(o) && src(c) && src(o)!.lineage === src(c)!.lineage && src(o)!.depth > src(c)!.depth;
      const sameClaimant = c.claimedById !== null && o.claimedById === c.claimedById && o.sourceId !== c.sourceId;
      return sameArticle || sameClaimant;
    });
    if (later) {
      const why = src(later)!.lineage === src(c)?.lineage && src(later)!.depth > (src(c)?.depth ?? 0) ? 'a later revision of the same article' : 'the same claimant’s later figure';
      uses.set(c.id, { claimId: c.id, use: 'superseded', reason: `superseded by ${later.id} (${why})` });
    } else current.push(c);
  }
  const all = current.map((c) => ({ c, i: claimInterval(c) })).filter((x) => x.i !== null) as { c: AggClaim; i: { low: number; best: number; high: number } }[];
  if (all.length === 0) return null;
  // One report (document and claimant) with several figures for one count gives a total and a part
  // of it ("more than 2005 civilians, 1897 of whom … in sectarian violence"): the larger stands.
  const reports = new Map<string, typeof all>();
  for (const x of all) reports.set(`${x.c.sourceId}|${x.c.claimedById}`, [...(reports.get(`${x.c.sourceId}|${x.c.claimedById}`) ?? []), x]);
  const rules = new Set<string>();
  const intervals: typeof all = [];
  for (const figures of reports.values()) {
    const top = figures.reduce((a, b) => (b.i.best > a.i.best ? b : a));
    intervals.push(top);
    for (const x of figures) {
      if (x === top) continue;
      rules.add('a smaller figure of the same report is part of its larger one');
      uses.set(x.c.id, { claimId: x.c.id, use: 'covered', reason: `part of the larger figure ${top.c.id} of the same report` });
    }
  }
  const best = Math.min(...intervals.map((x) => x.i.best));
  const chosen = intervals.find((x) => x.i.best === best)!;
  for (const x of intervals) {
    uses.set(x.c.id, x === chosen
      ? { claimId: x.c.id, use: 'counted', reason: intervals.length > 1 ? 'the most conservative of several reports of the same count' : 'the only current report of this count' }
      : { claimId: x.c.id, use: 'alternative', reason: `another report of the same count (range only; best is ${chosen.c.id})` });
  }
  if (current.length < claims.length) rules.add('later figures supersede earlier ones');
  if (intervals.length > 1) rules.add('most conservative of several reports of the same count');
  const high = Math.max(...intervals.map((x) => x.i.high));
  return {
    low: Math.min(...intervals.map((x) => x.i.low)),
    best,
    high,
    highOpen: intervals.some((x) => OPEN.has(x.c.qualifier) && x.i.high === high),
    rules,
  };
}

const add = (a: Estimate | null, b: Estimate | null): Estimate | null =>
  !a ? b : !b ? a : { low: a.low + b.low, best: a.best + b.best, high: a.high + b.high, highOpen: a.highOpen || b.highOpen, rules: new Set([...a.rules, ...b.rules]) };

/** The larger of a total and the sum of its parts (a wider figure contains narrower ones). */
function contain(total: Estimate | null, parts: Estimate | null, rule: string): Estimate | null {
  if (!total || !parts) return total ?? parts;
  return {
    low: Math.max(total.low, parts.low),
    best: Math.max(total.best, parts.best),
    high: Math.max(total.high, parts.high),
    highOpen: total.highOpen || parts.highOpen,
    rules: new Set([...total.rules, ...parts.rules, rule]),
  };
}

const DISJOINT = ['civilians', 'security_forces', 'insurgents'];

/** Rule 2: one event's estimate over its victim groups. */
function eventEstimate(claims: AggClaim[], sources: Map<string, AggSource>, uses: Map<string, ClaimInBucket>): Estimate | null {
  const by = (v: string) => combineReports(claims.filter((c) => c.victims === v), sources, uses);
  const fighters = contain(by('combatants'), add(by('security_forces'), by('insurgents')), 'a figure for combatants contains those for each side');
  const specific = add(by('civilians'), fighters);
  const wide = [by('mixed'), by('unspecified')].reduce<Estimate | null>((a, b) => contain(a, b, 'figures for mixed or unspecified victims overlap'), null);
  return contain(wide, specific, 'a figure for mixed or unspecified victims contains the figures per victim group');
}

/** Whether `b` may lie inside `a` by dates and place (rule 3, without PART_OF). */
function mayContain(a: AggEvent, b: AggEvent): boolean {
  if (!(a.startDate <= b.startDate && b.endDate <= a.endDate)) return false;
  const aPlaces = new Set(a.places.map((p) => p.id));
  const placeInside = b.places.length > 0 && b.places.every((p) => aPlaces.has(p.id) || p.within.some((w) => aPlaces.has(w.id)));
  return placeInside || a.placePrecision === 'region';
}

/** Whether event `a` contains event `b` (rule 3): 'certain' for PART_OF, 'possible' by dates and place. */
function containment(a: AggEvent, b: AggEvent): 'certain' | 'possible' | null {
  if (a.id === b.id || a.ancestors.includes(b.id)) return null;
  if (b.ancestors.includes(a.id)) return 'certain';
  if (!mayContain(a, b)) return null;
  // Same span and place both ways (two incidents of one day in one town): only the lower id
  // holds the other, so that they are compared, not added, and there is no cycle.
  if (mayContain(b, a) && b.id < a.id) return null;
  return 'possible';
}

const days = (e: AggEvent) => (Date.parse(e.endDate) - Date.parse(e.startDate)) / 86_400_000;

/** Rules 3 and 4 over the events of one bucket (each with the figures that fall in the bucket). */
export function bucketEstimate(entries: { event: AggEvent; claims: AggClaim[] }[], sources: Map<string, AggSource>): { estimate: Estimate | null; uses: Map<string, ClaimInBucket> } {
  const uses = new Map<string, ClaimInBucket>();
  const own = new Map(entries.map((x) => [x.event.id, eventEstimate(x.claims, sources, uses)] as const));
  const events = entries.map((x) => x.event);
  // Each event's nearest container in the bucket: the one of shortest span, PART_OF before "possible".
  const parent = new Map<string, { id: string; kind: 'certain' | 'possible' }>();
  for (const b of events) {
    const containers = events
      .map((a) => ({ a, kind: containment(a, b) }))
      .filter((x): x is { a: AggEvent; kind: 'certain' | 'possible' } => x.kind !== null)
      .sort((x, y) => days(x.a) - days(y.a) || (x.kind === y.kind ? 0 : x.kind === 'certain' ? -1 : 1) || x.a.ancestors.length - y.a.ancestors.length);
    // A container of b that b also contains would make a cycle; PART_OF and the id tie-break prevent it,
    // but a chain must still end: skip containers that are (transitively) inside b.
    for (const c of containers) {
      let up: string | undefined = c.a.id;
      let cycle = false;
      for (let guard = 0; up && guard < events.length; guard++) {
        if (up === b.id) { cycle = true; break; }
        up = parent.get(up)?.id;
      }
      if (!cycle) { parent.set(b.id, { id: c.a.id, kind: c.kind }); break; }
    }
  }
  const children = new Map<string, { id: string; kind: 'certain' | 'possible' }[]>();
  for (const [child, p] of parent) children.set(p.id, [...(children.get(p.id) ?? []), { id: child, kind: p.kind }]);
  const subtreeClaims = (id: string): string[] =>
    [...(entries.find((x) => x.event.id === id)?.claims.map((c) => c.id) ?? []), ...(children.get(id) ?? []).flatMap((c) => subtreeClaims(c.id))];
  const cover = (ids: string[], why: string) => {
    for (const id of ids) {
      const u = uses.get(id);
      if (u && u.use === 'counted') uses.set(id, { claimId: id, use: 'covered', reason: why });
    }
  };

  const tree = (id: string, depth = 0): Estimate | null => {
    const kids = depth > events.length ? [] : children.get(id) ?? [];
    const mine = own.get(id) ?? null;
    const parts = kids.map((k) => ({ k, t: tree(k.id, depth + 1) }));
    const sum = parts.reduce<Estimate | null>((acc, p) => add(acc, p.t), null);
    if (!mine || !sum) return mine ?? sum;
    const name = events.find((e) => e.id === id)!.name;
    // A total is taken as given: the figures of what lies inside it are in it (best and low are the
    // total's, or a single part's when that is larger); the parts only raise the high, as the
    // total may undercount. Parts are never added on top of the total.
    const largest = parts.reduce<{ k: { id: string; kind: 'certain' | 'possible' }; t: Estimate | null } | null>(
      (a, p) => (!a || (p.t?.best ?? -1) > (a.t?.best ?? -1) ? p : a), null);
    const partWins = (largest?.t?.best ?? -1) > mine.best;
    if (partWins) cover(entries.find((x) => x.event.id === id)?.claims.map((c) => c.id) ?? [], `a part of it (${largest!.k.id}) has a larger figure, which is counted instead`);
    cover(kids.filter((k) => !partWins || k.id !== largest!.k.id).flatMap((k) => subtreeClaims(k.id)), `inside the total for ${name}, which is counted instead`);
    return {
      low: Math.max(mine.low, ...parts.map((p) => p.t?.low ?? 0)),
      best: Math.max(mine.best, largest?.t?.best ?? 0),
      high: Math.max(mine.high, sum.high),
      highOpen: mine.highOpen || sum.highOpen,
      rules: new Set([...mine.rules, ...sum.rules, parts.some((p) => p.k.kind === 'possible')
        ? 'a total and the incidents that may lie inside it (dates and place): the total counts, the parts only raise the high'
        : 'a total and its sub-events (PART_OF): the total counts, the parts only raise the high']),
    };
  };
  const roots = events.filter((e) => !parent.has(e.id));
  const estimate = roots.reduce<Estimate | null>((acc, r) => add(acc, tree(r.id)), null);
  if (roots.length > 1 && estimate) estimate.rules.add('events that cannot overlap add up');
  return { estimate, uses };
}

/** ISO week (YYYY-Www) of a YYYY-MM-DD day. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow + 3);
  const year = d.getUTCFullYear();
  const week = 1 + Math.round((d.getTime() - Date.UTC(year, 0, 4)) / 604_800_000 - ((new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7 - 3) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The places of a given placeType an event lies in (its own places, or what they lie inside). */
function placesOfType(e: AggEvent, type: string): string[] {
  const names = new Set<string>();
  for (const p of e.places) {
    if (p.placeType === type) names.add(p.name);
    for (const w of p.within) if (w.placeType === type) names.add(w.name);
  }
  return [...names].sort();
}

/** The bucket key of an event (and, for claim-level dimensions, of a claim) and whether it spans. */
export function bucketKey(dim: Dimension, e: AggEvent, c: AggClaim | null): { key: string; spans: boolean } {
  const span = (parts: string[], none: string) =>
    parts.length === 0 ? { key: none, spans: false } : { key: parts.join(' + '), spans: parts.length > 1 };
  switch (dim) {
    case 'month': {
      const a = e.startDate.slice(0, 7);
      const b = e.endDate.slice(0, 7);
      return a === b ? { key: a, spans: false } : { key: `${a}..${b}`, spans: true };
    }
    case 'week': {
      const a = isoWeek(e.startDate);
      const b = isoWeek(e.endDate);
      return a === b ? { key: a, spans: false } : { key: `${a}..${b}`, spans: true };
    }
    case 'governorate': return span(placesOfType(e, 'governorate'), 'no governorate given');
    case 'district': return span(placesOfType(e, 'district'), 'no district given');
    case 'perpetrator': return span([...new Set(e.perpetrators)].sort(), 'no perpetrator named');
    case 'eventType': return { key: e.eventType ?? 'unknown', spans: false };
    case 'victims': return { key: c?.victims ?? 'unspecified', spans: false };
    case 'claimant': return { key: c ? claimantOf(c) : 'none', spans: false };
  }
}

const CLAIM_LEVEL: ReadonlySet<Dimension> = new Set(['victims', 'claimant']);

function toBucket(key: string, spans: boolean, entries: { event: AggEvent; claims: AggClaim[] }[], sources: Map<string, AggSource>): Bucket {
  const { estimate, uses } = bucketEstimate(entries, sources);
  const claims = entries.flatMap((x) => x.claims);
  const kept = claims.filter((c) => uses.get(c.id)?.use !== 'superseded');
  return {
    key,
    spans,
    events: entries.length,
    low: estimate?.low ?? null,
    best: estimate?.best ?? null,
    high: estimate?.high ?? null,
    highOpen: estimate?.highOpen ?? false,
    bestRule: estimate ? [...estimate.rules].join('; ') || 'one figure' : 'no figures',
    claimants: [...new Set(claims.map(claimantOf))].sort(),
    documents: new Set(kept.map((c) => (c.sourceId ? sources.get(c.sourceId)?.lineage ?? c.sourceId : 'none'))).size,
    claims: claims.map((c) => uses.get(c.id) ?? { claimId: c.id, use: 'alternative', reason: 'no figure' }),
  };
}

/** The buckets of `dim` (ordered by key) and the overall total, under rules 1–4. */
export function aggregate(dim: Dimension, events: AggEvent[], sources: Map<string, AggSource>): { buckets: Bucket[]; total: Bucket } {
  const groups = new Map<string, { spans: boolean; entries: Map<string, { event: AggEvent; claims: AggClaim[] }> }>();
  const put = (k: { key: string; spans: boolean }, e: AggEvent, c: AggClaim | null) => {
    const g = groups.get(k.key) ?? { spans: k.spans, entries: new Map() };
    const entry = g.entries.get(e.id) ?? { event: e, claims: [] };
    if (c) entry.claims.push(c);
    g.entries.set(e.id, entry);
    groups.set(k.key, g);
  };
  for (const e of events) {
    if (CLAIM_LEVEL.has(dim)) for (const c of e.claims) put(bucketKey(dim, e, c), e, c);
    else put(bucketKey(dim, e, null), e, null), e.claims.forEach((c) => put(bucketKey(dim, e, null), e, c));
  }
  const buckets = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => toBucket(key, g.spans, [...g.entries.values()], sources));
  const total = toBucket('total', false, events.map((e) => ({ event: e, claims: e.claims })), sources);
  return { buckets, total };
}
