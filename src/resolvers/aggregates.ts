/**
 * Aggregates: casualty summaries grouped by month, week, governorate, district, perpetrator,
 * victim group, claimant or event type, under the analyst view and the events filter. The
 * arithmetic (never adding up overlapping figures) is src/analysis/casualties.ts; this module reads
 * the events and figures in ONE query and shapes the answer.
 */
import { aggregate, DIMENSIONS, type AggEvent, type AggSource, type Bucket, type Dimension } from '../analysis/casualties.js';
import { AppError, ErrorCode } from '../errors/index.js';
import type { RequestContext } from './context.js';
import { LIMITS, listArg } from './args.js';
import { filterParams, type EventFilter } from './events.js';
import { toClaim, type ClaimModel, type SourceNode } from './model.js';
import { inView, sourceDay, viewOf, type ViewArgs } from './view.js';

const MEASURES = ['killed', 'wounded', 'captured', 'displaced', 'kidnapped', 'arrested', 'executed', 'missing', 'rescued', 'casualties', 'seized', 'other'];
const VICTIMS = ['civilians', 'security_forces', 'insurgents', 'combatants', 'mixed', 'unspecified'];

interface CasualtiesArgs extends ViewArgs {
  groupBy: Dimension;
  measure?: string | null;
  victims?: string[] | null;
  filter?: EventFilter | null;
}

/** Documents as the rules need them: publication day and revision lineage. */
export function aggSources(sources: readonly SourceNode[]): Map<string, AggSource> {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const root = (s: SourceNode): { lineage: string; depth: number } => {
    let cur = s;
    let depth = 0;
    while (cur.revisionOfId && byId.has(cur.revisionOfId) && depth < sources.length) {
      cur = byId.get(cur.revisionOfId)!;
      depth++;
    }
    return { lineage: cur.id, depth };
  };
  return new Map(sources.map((s) => [s.id, { id: s.id, day: sourceDay(s) ?? '9999-12-31', ...root(s) }]));
}

function oneOf(name: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new AppError(ErrorCode.BAD_USER_INPUT, `"${name}" must be one of ${allowed.join(', ')}; got "${value}".`, { argument: name, allowed });
  return value;
}

/** This area's resolvers, merged in ./index.ts. */
export const aggregateResolvers = {
  Query: {
    casualties: async (_: unknown, args: CasualtiesArgs, ctx: RequestContext) => {
      const op = 'Query.casualties';
      const groupBy = oneOf('groupBy', args.groupBy, DIMENSIONS) as Dimension;
      const measure = oneOf('measure', args.measure ?? 'killed', MEASURES);
      const victims = [...listArg('victims', args.victims)].map((v) => oneOf('victims', v, VICTIMS));
      const view = await viewOf(ctx, args);
      const [filter, sources] = await Promise.all([filterParams(ctx, args.filter ?? {}, view), ctx.loaders.allSources()]);
      const rows = await ctx.read('aggregates.events', { ...filter, measure, victims, limit: LIMITS.aggregateEvents }, op);
      const claims = new Map<string, ClaimModel>();
      const events: AggEvent[] = rows.map((r) => {
        const e = r.event as Record<string, any>;
        return {
          id: String(e.id), name: String(e.name), eventType: e.eventType ?? null, placePrecision: e.placePrecision ?? null,
          startDate: String(e.startDate), endDate: String(e.endDate ?? e.startDate),
          ancestors: e.ancestors ?? [], places: e.places ?? [], perpetrators: e.perpetrators ?? [],
          // The aggregate counts the same claim the API answers with (ClaimModel is a ClaimFigure).
          claims: (e.claims ?? []).map((c: any) => {
            const claim = inView(toClaim(c), view);
            claims.set(claim.id, claim);
            return { ...claim, claimant: c.claimant ?? null };
          }),
        };
      });
      const { buckets, total } = aggregate(groupBy, events, aggSources(sources));
      const shape = (b: Bucket) => ({ ...b, claims: b.claims.map((u) => ({ ...u, claim: claims.get(u.claimId)! })) });
      return { groupBy, measure, victims, buckets: buckets.map(shape), total: shape(total), truncated: rows.length >= LIMITS.aggregateEvents };
    },
  },
};
