/**
 * Turning names typed by users into entities, through the resolution ladder of
 * src/resolution/ladder.ts (exact or alias → reordered → spelling → partial → description).
 * The database only finds candidates, by the lookup terms of src/resolution/lookupKeys.ts: one
 * query for all the names of a request (whole-name keys and words), a second only for names of
 * 3+ words that matched nothing (ladder step 6), and the suggestions of a NOT_FOUND.
 * No match → NOT_FOUND with near names; no clear answer → AMBIGUOUS_NAME with ranked candidates
 * (kind, short description, how each matched). Never a silent guess.
 */
import { fuzzySearchQuery } from '../cypher/lucene.js';
import { AppError, ErrorCode } from '../errors/index.js';
import {
  candidateQuery, looseWordQuery, rankCandidates, resolveName, shortDescription, typedName,
  type NameCandidate, type NameMatch, type RankedCandidate, type Resolution, type TypedName,
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

/** Candidates read from the index per typed name. */
export const CANDIDATES_PER_NAME = 50;

const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function toCandidate(row: Row): Candidate {
  const e = toEntity(row.entity);
  return { ...e, commonNames: strList(e.commonNames), roles: strList(e.roles), territoryOf: strList(row.territoryOf) };
}

/** Runs one candidate query for the typed names that have a Lucene query; adds to `into`. */
async function readCandidates(ctx: RequestContext, queries: (string | null)[], into: Candidate[][], operation: string): Promise<void> {
  const lookups = queries.flatMap((query, i) => (query === null ? [] : [{ i, query }]));
  if (lookups.length === 0) return;
  const rows = await ctx.read('entities.byLookupKeys', { lookups, limit: CANDIDATES_PER_NAME }, operation);
  for (const row of rows) into[Number(row.i)]!.push(toCandidate(row));
}

/** The ladder's decision for each typed name, with every candidate considered. */
async function resolveAll(ctx: RequestContext, typed: readonly TypedName[], operation: string): Promise<{ resolution: Resolution<Candidate>; candidates: Candidate[] }[]> {
  const found: Candidate[][] = typed.map(() => []);
  await readCandidates(ctx, typed.map(candidateQuery), found, operation);
  let resolutions = typed.map((t, i) => resolveName(t, found[i]!));
  if (resolutions.some((r) => r.status === 'NONE')) {
    await readCandidates(ctx, typed.map((t, i) => (resolutions[i]!.status === 'NONE' ? looseWordQuery(t) : null)), found, operation);
    resolutions = typed.map((t, i) => (resolutions[i]!.status === 'NONE' ? resolveName(t, found[i]!) : resolutions[i]!));
  }
  ctx.loaders.primeEntities(found.flat().map(plainEntity));
  return resolutions.map((resolution, i) => ({ resolution, candidates: found[i]! }));
}

/** The entity node without the candidate-only fields, as the loaders hold it. */
function plainEntity(c: Candidate): EntityNode {
  const { territoryOf: _t, ...rest } = c;
  return rest as EntityNode;
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

/** Near names for a NOT_FOUND error (one extra query, only on failure). */
async function suggestions(ctx: RequestContext, text: string, operation: string) {
  const query = fuzzySearchQuery(text, 2);
  if (query === null) return [];
  const rows = await ctx.read('search.fulltext', { query, kinds: [], candidates: 5, first: 5 }, operation);
  return rows.map((r) => {
    const e = toEntity(r.entity);
    return { id: e.id, kind: e.kind, name: e.name };
  });
}

function ambiguous(n: NameArg, ranked: RankedCandidate<Candidate>[]): AppError {
  const list = ranked.map((r) => `${r.candidate.name} (${r.candidate.kind}, id ${r.candidate.id}; ${r.match.how.toLowerCase().replace('_', ' ')} "${r.match.matchedName}")`);
  return new AppError(
    ErrorCode.AMBIGUOUS_NAME,
    `"${n.text}" could name ${ranked.length === 10 ? 'at least 10' : ranked.length} entities: ${list.join('; ')}. Use a more specific name or entityById.`,
    { argument: n.argument, name: n.text, candidates: ranked.map(candidateInfo) },
  );
}

async function notFound(ctx: RequestContext, n: NameArg, operation: string, message = `No entity is called "${n.text}".`): Promise<AppError> {
  const near = await suggestions(ctx, n.text, operation);
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
    results.map(async ({ resolution: r }, i) => {
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
        return { ...plainEntity(r.candidate), nameMatch: { ...r.match, typed: n.text } };
      }
      if (r.status === 'AMBIGUOUS') {
        const kept = view.sourceIds === null ? r.ranked : r.ranked.filter((x) => known(x.candidate));
        if (kept.length === 1) return { ...plainEntity(kept[0]!.candidate), nameMatch: { ...kept[0]!.match, typed: n.text } };
        if (kept.length === 0) throw notKnown();
        throw ambiguous(n, kept);
      }
      throw await notFound(ctx, n, operation);
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
  for (const [i, { resolution, candidates }] of results.entries()) {
    const n = { argument, text: byName[i]! };
    if (resolution.status === 'NONE') throw await notFound(ctx, n, operation, `"${argument}": no entity is called or has the id "${n.text}".`);
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
      throw ambiguous(n, resolution.ranked);
    }
  }
  return [...ids];
}
