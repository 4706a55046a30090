/**
 * Turning names typed by users into entities, through the resolution ladder of
 * src/resolution/ladder.ts (exact or alias → reordered → spelling → partial → description).
 * The database only finds candidates, by the lookup terms of src/resolution/lookupKeys.ts: one
 * statement for all the names of a request (every step, near names when nothing is found), and
 * a second only for the names whose reads were cut or whose hits the ladder all rejected.
 * No match → NOT_FOUND with near names; no clear answer → AMBIGUOUS_NAME with ranked candidates
 * (kind, short description, how each matched). Never a silent guess.
 */
import { fuzzySearchQuery } from '../cypher/lucene.js';
import { AppError, ErrorCode } from '../errors/index.js';
import {
  CONTEST_COVERAGE, couldChangeWithMore, keyQuery, looseWordQuery, MAX_CANDIDATES, rankCandidates, resolveName, shortDescription,
  tierQueries, typedName, wordQuery, laterWordQuery, type NameCandidate, type NameMatch, type RankedCandidate, type Resolution, type TypedName,
} from '../resolution/index.js';
import type { Row } from '../db/executor.js';
import type { RequestContext } from './context.js';
import { nameArg } from './args.js';
import { toEntity, type EntityNode } from './model.js';
import { FULL_VIEW, visible, type View } from './view.js';

/** A name argument to resolve: which argument it came from, and its text. */
export interface NameArg {
  argument: string;
  text: string;
}

/** An entity as a name candidate. */
export type Candidate = EntityNode & NameCandidate;

/** How a name argument matched its entity, as `Entity.match` shows it. */
export interface ResolvedMatch extends NameMatch {
  typed: string;
}

/** An entity resolved from a name; `nameMatch` says how (read by `Entity.match`). */
export type ResolvedEntity = EntityNode & { nameMatch?: ResolvedMatch };

/** Rows per index read (per coverage tier, per step) in the first pass. */
export const CANDIDATES_PER_READ = 50;
/**
 * Rows per read when a cut first read could change the answer (an alias that an unread entity
 * might contest; a partial match an unread one might tie): the name fields only, so reading this many stays
 * cheap. A read cut again at this size makes the answer AMBIGUOUS, marked incomplete.
 */
export const CANDIDATES_PER_REREAD = 500;

/**
 * A read that found at most this many candidates returns them whole (every property): a partial
 * or description answer is then answered without reading it again by id.
 */
export const WHOLE_UP_TO = 5;

const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function toCandidate(row: Row): Candidate {
  const e = toEntity(row.entity);
  return { ...e, commonNames: strList(e.commonNames), roles: strList(e.roles), territoryOf: strList(row.territoryOf) };
}

/** What reading candidates needs of a request. */
type Reader = Pick<RequestContext, 'read'>;

/** Row limits of the reads (the lookup benchmark's reference reads without a cut). */
export interface ReadLimits {
  perRead: number;
  perReread: number;
}
const LIMITS: ReadLimits = { perRead: CANDIDATES_PER_READ, perReread: CANDIDATES_PER_REREAD };

/** One index read of a lookup (see cypher/queries/entities.byLookupKeys.cypher). */
interface Lookup {
  i: number;
  /** Rows per read. */
  limit: number;
  keys: string | null;
  tiers: { tier: number; query: string }[];
  words: string | null;
  loose: string | null;
  /** The typed name's n: key, then its a: and c: keys (a canonical-only hit needs no tier read). */
  canonical: string[];
  oneWord: boolean;
  /** The last tier that can contest a whole-name hit that is not a canonical name. */
  contestTier: number;
  /** The fuzzy query of a NOT_FOUND's near names, read only when no other read finds anything… */
  suggest: string | null;
  /** … or whatever they find (a follow-up read of a name matched to nothing so far). */
  suggestAlways: boolean;
}

/** What the reads found for one typed name. */
interface Found {
  byId: Map<string, Candidate>;
  /** Candidates read with every property (whole-name hits): an answer needs no second read. */
  whole: Set<string>;
  /** The reads that returned their limit (tier number; 0 for the whole-name, word and loose reads). */
  cut: { read: string; tier: number }[];
  /** Did the tier reads find anything at all (before the ladder's own checks)? */
  tierHits: boolean;
  /** Did the whole-name read find anything? */
  wholeHits: boolean;
  /** Did the description read find anything (which skips the loose and near-name reads)? */
  wordHits: boolean;
  /** Near names for a NOT_FOUND, when the statement read them (nothing else was found). */
  suggestions: Suggestion[] | null;
}

/** A near name a NOT_FOUND error suggests. */
export interface Suggestion {
  id: string;
  kind: string;
  name: string;
}

/** Near names a NOT_FOUND error suggests. */
const SUGGESTIONS = 5;

async function read(ctx: Reader, lookups: Lookup[], found: Found[], operation: string): Promise<Map<number, Found['cut']>> {
  const cuts = new Map<number, Found['cut']>();
  if (lookups.length === 0) return cuts;
  const rows = await ctx.read('entities.byLookupKeys', { lookups, wholeUpTo: WHOLE_UP_TO, suggestions: SUGGESTIONS }, operation);
  const readSome = new Set<number>();
  for (const row of rows) {
    const i = Number(row.i);
    const f = found[i]!;
    if (row.read !== 'suggest') readSome.add(i);
    if (row.read === 'suggest') {
      const e = toEntity(row.entity);
      (f.suggestions ??= []).push({ id: e.id, kind: e.kind, name: e.name });
      continue;
    }
    const c = toCandidate(row);
    if (row.whole === true) f.whole.add(c.id);
    if (!f.byId.has(c.id) || row.whole === true) f.byId.set(c.id, c);
    if (row.read === 'tier') f.tierHits = true;
    if (row.read === 'whole') f.wholeHits = true;
    if (row.read === 'words') f.wordHits = true;
    if (row.cut === true) {
      const list = cuts.get(i) ?? [];
      if (!list.some((x) => x.read === row.read && x.tier === Number(row.tier))) list.push({ read: String(row.read), tier: Number(row.tier) });
      cuts.set(i, list);
    }
  }
  // A lookup that read nothing (or always reads them) ran its near-name read, even when that found none.
  for (const l of lookups) if (l.suggest !== null && (l.suggestAlways || !readSome.has(l.i))) found[l.i]!.suggestions ??= [];
  return cuts;
}

/** The first-pass lookup of a typed name: every step's read at once. */
function firstLookup(t: TypedName, i: number, limit: number): Lookup {
  return { i, limit, keys: keyQuery(t), tiers: tierQueries(t), words: wordQuery(t), loose: looseWordQuery(t), ...contestShape(t), suggest: suggestQuery(t), suggestAlways: false };
}

/** One edit only: a 2-edit automaton over a million names' terms costs tens of ms (src/cypher/lucene.ts). */
const suggestQuery = (t: TypedName) => fuzzySearchQuery(t.text, 1);

/** What the statement needs to skip the tier reads a whole-name hit makes useless (see Lookup). */
function contestShape(t: TypedName): Pick<Lookup, 'canonical' | 'oneWord' | 'contestTier'> {
  return {
    canonical: [`n:${t.v.exact}`, `a:${t.v.exact}`, `c:${t.v.exact}`],
    oneWord: t.words.length === 1,
    contestTier: Math.floor(t.words.length / CONTEST_COVERAGE),
  };
}

/** One name's decision, with whether a cut read left it possibly incomplete. */
export interface NameDecision {
  resolution: Resolution<Candidate>;
  candidates: Candidate[];
  /** A read was cut: an AMBIGUOUS list may leave out equally good candidates. */
  incomplete: boolean;
  /** Ids of the candidates read with every property. */
  whole: ReadonlySet<string>;
  /** A NOT_FOUND's near names, when the reads already brought them. */
  suggestions: Suggestion[] | null;
}

/**
 * The ladder's decision for each typed name, in at most two statements. The first reads every
 * step of every name (later steps only when earlier ones found nothing). A second, for the names
 * that need it, does both follow-ups at once, each at CANDIDATES_PER_REREAD rows:
 * - a read was cut and the answer is one that an unread candidate could change (see
 *   couldChangeWithMore): the cut reads again, wider;
 * - the index found words but the ladder matched none of them: the description and loose reads
 *   the first statement skipped (wide at once: a name whose every hit was a skeleton collision
 *   would otherwise need a third read).
 * A name still matched to nothing reads its near names in that statement too. Cut again, an
 * answer becomes AMBIGUOUS (marked incomplete) and nothing found stays NOT_FOUND.
 */
export async function resolveAll(ctx: Reader, typed: readonly TypedName[], operation: string, limits: ReadLimits = LIMITS): Promise<NameDecision[]> {
  const found: Found[] = typed.map(() => ({ byId: new Map(), whole: new Set<string>(), cut: [], tierHits: false, wholeHits: false, wordHits: false, suggestions: null }));
  const addCuts = (cuts: Map<number, Found['cut']>) => { for (const [i, c] of cuts) found[i]!.cut.push(...c); };
  addCuts(await read(ctx, typed.map((t, i) => firstLookup(t, i, limits.perRead)), found, operation));
  const decide = (i: number) => resolveName(typed[i]!, [...found[i]!.byId.values()]);
  let resolutions = typed.map((_, i) => decide(i));

  const followUps = typed.flatMap((t, i) => followUpLookups(t, i, found[i]!, resolutions[i]!, limits.perReread));
  const stillCut = new Map<number, Found['cut']>();
  if (followUps.length > 0) {
    // The cut reads are read again: what they were cut to no longer counts.
    for (const i of new Set(followUps.filter((l) => l.rereads).map((l) => l.i))) found[i]!.cut = [];
    for (const [i, c] of await read(ctx, followUps.map((l) => l.lookup), found, operation)) stillCut.set(i, c);
    addCuts(stillCut);
    for (const i of new Set(followUps.map((l) => l.i))) resolutions[i] = decide(i);
  }
  resolutions = resolutions.map((r, i) => {
    if (!stillCut.has(i) || !changeable(typed[i]!, r, stillCut.get(i)!)) return r;
    // Still cut: never a guess. The candidates read, ranked, as an AMBIGUOUS answer.
    const ranked = rankCandidates(typed[i]!, [...found[i]!.byId.values()]).slice(0, MAX_CANDIDATES);
    return ranked.length === 0 ? r : { status: 'AMBIGUOUS', ranked };
  });
  return resolutions.map((resolution, i) => ({
    resolution, candidates: [...found[i]!.byId.values()], incomplete: found[i]!.cut.length > 0, whole: found[i]!.whole, suggestions: found[i]!.suggestions,
  }));
}

/**
 * Could candidates a cut read left out change this answer? Those of ladder.ts's
 * couldChangeWithMore, and any answer at all when the whole-name read was cut (an unread entity
 * of the very same name would make it AMBIGUOUS).
 */
const changeable = (t: TypedName, r: Resolution<Candidate>, cut: Found['cut']) => couldChangeWithMore(t, r) || cut.some((c) => c.read === 'whole');

/** A follow-up read of one name; `rereads`: it reads cut reads of the first statement again. */
interface FollowUp {
  i: number;
  lookup: Lookup;
  rereads: boolean;
}

/** The second statement's reads of one typed name (none when its first answer stands). */
function followUpLookups(t: TypedName, i: number, f: Found, r: Resolution<Candidate>, limit: number): FollowUp[] {
  const out: FollowUp[] = [];
  const first = firstLookup(t, i, limit);
  const none = { keys: null, tiers: [], words: null, loose: null, suggest: null, suggestAlways: false };
  if (f.cut.length > 0 && changeable(t, r, f.cut)) {
    // A whole-name answer (steps 1–3) is contested only by a same-kind name of at most 1.5× the
    // typed words — unless it is a one-word name of a person (any person with that word).
    const contestTiers = r.status === 'ONE' && r.match.step <= 3 && !(t.words.length === 1 && r.candidate.kind === 'Person')
      ? Math.floor(t.words.length / CONTEST_COVERAGE) : Infinity;
    // The conditional reads (words, loose) run only when the earlier ones find nothing: with
    // `keys`/`tiers` left out, they do, so words and loose are read when asked for.
    const again: Lookup = {
      ...first,
      ...none,
      keys: f.cut.some((c) => c.read === 'whole') ? first.keys : null,
      tiers: first.tiers.filter((q) => q.tier <= contestTiers && f.cut.some((c) => c.read === 'tier' && c.tier === q.tier)),
      words: f.cut.some((c) => c.read === 'words') ? first.words : null,
      loose: f.cut.some((c) => c.read === 'loose') ? first.loose : null,
    };
    // (Nothing that matters was cut: no read.)
    if (again.keys !== null || again.tiers.length > 0 || again.words !== null || again.loose !== null) out.push({ i, lookup: again, rereads: true });
  }
  // Words found, none matched: the later steps, which the first statement did not read (the
  // description read when names were found — after every tier read, only what they did not
  // cover —, the loose one when anything was).
  if (r.status === 'NONE' && (f.wholeHits || f.tierHits || f.wordHits)) {
    const words = f.wholeHits ? first.words : f.tierHits ? laterWordQuery(t) : null;
    out.push({ i, lookup: { ...first, ...none, words, loose: first.loose }, rereads: false });
  }
  // Matched to nothing so far: the near names of a NOT_FOUND in the same statement.
  const last = out.at(-1);
  if (r.status === 'NONE' && last) last.lookup = { ...last.lookup, suggest: first.suggest, suggestAlways: true };
  return out;
}

/** The entity node without the candidate-only fields, as the loaders hold it. */
function plainEntity(c: Candidate): EntityNode {
  const { territoryOf: _t, ...rest } = c;
  return rest as EntityNode;
}

/** The whole entity node (partial-match candidates carry only the name fields: read it by id). */
async function wholeEntity(ctx: RequestContext, c: Candidate, whole: ReadonlySet<string>): Promise<EntityNode> {
  if (whole.has(c.id)) return plainEntity(c);
  const e = await ctx.loaders.entity.load(c.id);
  return e ?? plainEntity(c);
}

/** A candidate as AMBIGUOUS_NAME lists it: what it is and why it matched. */
const candidateInfo = (r: RankedCandidate<Candidate>) => ({
  id: r.candidate.id,
  kind: r.candidate.kind,
  name: r.candidate.name,
  description: shortDescription(r.candidate),
  how: r.match.how,
  matchedName: r.match.matchedName,
  score: Math.round(r.match.score * 1000) / 1000,
});

/** Near names for a NOT_FOUND error: those the reads brought, else one extra query. */
async function suggestions(ctx: RequestContext, text: string, operation: string, read: Suggestion[] | null): Promise<Suggestion[]> {
  if (read !== null) return read;
  const query = suggestQuery(typedName(text));
  if (query === null) return [];
  const rows = await ctx.read('search.fulltext', { query, kinds: [], candidates: SUGGESTIONS, first: SUGGESTIONS }, operation);
  return rows.map((r) => {
    const e = toEntity(r.entity);
    return { id: e.id, kind: e.kind, name: e.name };
  });
}

/**
 * AMBIGUOUS_NAME with the ranked candidates; `incomplete` when more entities may match than were
 * read (a cut read) or listed (MAX_CANDIDATES): the message then says "at least".
 */
function ambiguous(n: NameArg, ranked: RankedCandidate<Candidate>[], incomplete: boolean): AppError {
  const list = ranked.map((r) => `${r.candidate.name} (${r.candidate.kind}, id ${r.candidate.id}; ${r.match.how.toLowerCase().replace('_', ' ')} "${r.match.matchedName}")`);
  const more = incomplete || ranked.length >= MAX_CANDIDATES;
  return new AppError(
    ErrorCode.AMBIGUOUS_NAME,
    `"${n.text}" could name ${more ? `at least ${ranked.length}` : ranked.length} entities: ${list.join('; ')}. Use a more specific name or entityById.`,
    { argument: n.argument, name: n.text, candidates: ranked.map(candidateInfo), moreCandidates: more },
  );
}

async function notFound(ctx: RequestContext, n: NameArg, operation: string, read: Suggestion[] | null, message = `No entity is called "${n.text}".`): Promise<AppError> {
  const near = await suggestions(ctx, n.text, operation, read);
  const hint = near.length > 0 ? ` Did you mean: ${near.map((s) => s.name).join('; ')}?` : '';
  return new AppError(ErrorCode.NOT_FOUND, `${message}${hint}`, { argument: n.argument, name: n.text, suggestions: near });
}

/**
 * Resolves each name to exactly one entity, carrying how it matched (`nameMatch`); throws
 * NOT_FOUND or AMBIGUOUS_NAME for the first name that does not resolve.
 */
export async function resolveNames(ctx: RequestContext, names: readonly NameArg[], operation: string, view: View = FULL_VIEW): Promise<ResolvedEntity[]> {
  const typed = names.map((n) => typedName(nameArg(n.argument, n.text).text));
  const results = await resolveAll(ctx, typed, operation);
  return Promise.all(
    results.map(async ({ resolution: r, incomplete, whole, suggestions: near }, i) => {
      const n = names[i]!;
      // Under an analyst view only entities some admitted document mentions can be named.
      const known = (c: Candidate) => visible(view, (c as unknown as EntityNode).knownIn);
      const notKnown = () => {
        const when = [view.asOf ? `as of ${view.asOf}` : null, view.sources ? `in ${view.sources.join(', ')}` : null].filter(Boolean).join(' ');
        return new AppError(ErrorCode.NOT_FOUND, `"${n.text}" is not known ${when}: no admitted document mentions it.`, {
          argument: n.argument, name: n.text, asOf: view.asOf, sources: view.sources, suggestions: [],
        });
      };
      if (r.status === 'ONE') {
        if (!known(r.candidate)) throw notKnown();
        return { ...(await wholeEntity(ctx, r.candidate, whole)), nameMatch: { ...r.match, typed: n.text } };
      }
      if (r.status === 'AMBIGUOUS') {
        const kept = view.sourceIds === null ? r.ranked : r.ranked.filter((x) => known(x.candidate));
        if (kept.length === 1) return { ...(await wholeEntity(ctx, kept[0]!.candidate, whole)), nameMatch: { ...kept[0]!.match, typed: n.text } };
        if (kept.length === 0) throw notKnown();
        throw ambiguous(n, kept, incomplete);
      }
      throw await notFound(ctx, n, operation, near);
    }),
  );
}

/**
 * Resolves a list of names or ids where every match counts (hub exclusions): a value may be an
 * id, or a name. A name matching several entities at one whole-name step (1–3) excludes them all
 * (a country and its state; two places of one name); a name the ladder finds ambiguous for any
 * other reason ("Hasan") is AMBIGUOUS_NAME. Values matching nothing are a NOT_FOUND, so a typo
 * does not silently exclude nothing. Returns the matching ids.
 */
export async function resolveIdsOrNames(ctx: RequestContext, argument: string, values: readonly string[], operation: string): Promise<string[]> {
  if (values.length === 0) return [];
  for (const v of values) nameArg(argument, v);
  const byId = await ctx.loaders.entity.loadMany(values);
  const ids = new Set<string>();
  const byName: string[] = [];
  values.forEach((v, i) => {
    const e = byId[i];
    if (e && !(e instanceof Error)) ids.add(e.id);
    else byName.push(v);
  });
  const typed = byName.map((v) => typedName(v));
  const results = await resolveAll(ctx, typed, operation);
  for (const [i, { resolution, candidates, incomplete, suggestions: near }] of results.entries()) {
    const n = { argument, text: byName[i]! };
    if (resolution.status === 'NONE') throw await notFound(ctx, n, operation, near, `"${argument}": no entity is called or has the id "${n.text}".`);
    // Every entity matched at the best whole-name step counts (a country and its state; two
    // places of one name); an answer contested from a later step ("Hasan") is ambiguous.
    const ranked = rankCandidates(typed[i]!, candidates);
    const best = ranked[0]!.match.step;
    const sameStep = ranked.filter((r) => r.match.step === best);
    if (resolution.status === 'ONE') {
      ids.add(resolution.candidate.id);
      if (best <= 3) for (const r of sameStep) ids.add(r.candidate.id);
    } else if (best <= 3 && resolution.ranked.every((r) => r.match.step === best)) {
      for (const r of sameStep) ids.add(r.candidate.id);
    } else {
      throw ambiguous(n, resolution.ranked, incomplete);
    }
  }
  return [...ids];
}
