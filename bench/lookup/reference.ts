/**
 * The lookup benchmark's check that the candidate limits never change an answer: every name of
 * the set resolved again by the same ladder over EVERY candidate the index holds for its keys
 * (the service's reads with no limit that can cut), compared with what `entity(name:)` answered.
 * A difference is an answer the limits made wrong (or a candidate they left out); the service
 * must have none. Slow on purpose (a common word reads thousands of candidates): bench only.
 */
import type { Executor } from '../../src/db/executor.js';
import { resolveAll } from '../../src/resolvers/names.js';
import { typedName } from '../../src/resolution/index.js';
import type { Outcome, Scored } from './evaluate.js';

/** Effectively no limit: no read of the set returns this many rows. */
const UNCUT = 1_000_000;

export interface ReferenceDiff {
  name: string;
  service: string;
  reference: string;
}

const show = (o: Outcome) => (o.kind === 'ONE' ? o.id : o.kind === 'AMBIGUOUS' ? `AMBIGUOUS [${o.ids.join(', ')}]` : o.kind);

/**
 * Compares each scored answer with the uncut ladder's. ONE must be the same entity, NOT_FOUND
 * the same; an AMBIGUOUS answer must be AMBIGUOUS there too and list every candidate the
 * reference ranks within the first `listed` (ties at the cut aside: a list of 10 out of 6,000
 * equal matches is any 10 of them).
 */
export async function compareWithReference(executor: Executor, scored: readonly Scored[]): Promise<{ diffs: ReferenceDiff[]; checked: number }> {
  const ctx = { read: (q: Parameters<Executor['read']>[0], p: Record<string, unknown>, operation: string) => executor.read(q, p, { operation }) };
  const diffs: ReferenceDiff[] = [];
  for (const s of scored) {
    const [d] = await resolveAll(ctx, [typedName(s.item.name)], 'bench.lookup.reference', { perRead: UNCUT, perReread: UNCUT });
    const r = d!.resolution;
    const ref: Outcome = r.status === 'ONE' ? { kind: 'ONE', id: r.candidate.id, how: r.match.how, matchedName: r.match.matchedName }
      : r.status === 'AMBIGUOUS' ? { kind: 'AMBIGUOUS', ids: r.ranked.map((x) => x.candidate.id) } : { kind: 'NOT_FOUND' };
    const o = s.outcome;
    let same = o.kind === ref.kind;
    if (same && o.kind === 'ONE' && ref.kind === 'ONE') same = o.id === ref.id;
    if (same && o.kind === 'AMBIGUOUS' && ref.kind === 'AMBIGUOUS' && r.status === 'AMBIGUOUS') {
      // The reference's candidates that rank strictly above the weakest one listed must be listed.
      const last = r.ranked.at(-1)!.match;
      const strictlyBetter = r.ranked.filter((x) => x.match.step < last.step || (x.match.step === last.step && x.match.score > last.score));
      same = strictlyBetter.every((x) => o.ids.includes(x.candidate.id));
    }
    if (!same) diffs.push({ name: s.item.name, service: show(o), reference: show(ref) });
  }
  return { diffs, checked: scored.length };
}
