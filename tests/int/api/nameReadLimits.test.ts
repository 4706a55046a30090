/**
 * The read limits of name resolution (src/resolvers/names.ts) on the seed, made tiny so that
 * nearly every read is cut: the follow-up statement and the "still cut" rule then run for most
 * names of the lookup benchmark (at the real limits they run only on a 1M graph). Whatever the
 * limits, an answer may become AMBIGUOUS, never wrong: one entity only if the ladder over every
 * candidate answers that entity, NOT_FOUND only if it finds nothing; and never more than two
 * statements per lookup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLookupSet } from '../../../bench/lookup/evaluate.js';
import type { QueryEvent } from '../../../src/db/executor.js';
import { typedName } from '../../../src/resolution/index.js';
import { resolveAll, type NameDecision, type ReadLimits } from '../../../src/resolvers/names.js';
import { startApi, type Api } from './apiHarness.js';

const UNCUT: ReadLimits = { perRead: 1_000_000, perReread: 1_000_000 };
const names = loadLookupSet().map((i) => i.name);
let api: Api;
const ctx = { read: (q: Parameters<Api['executor']['read']>[0], p: Record<string, unknown>, operation: string) => api.executor.read(q, p, { operation }) };
/** Each name's answer over every candidate (no read cut), read once for all the limits below. */
const uncut = new Map<string, string>();
beforeAll(async () => {
  api = await startApi();
  for (const name of names) uncut.set(name, show((await resolveAll(ctx, [typedName(name)], 'test.readLimits', UNCUT))[0]!));
});
afterAll(async () => api?.close());

const show = (d: NameDecision) => {
  const r = d.resolution;
  return r.status === 'ONE' ? r.candidate.id : r.status;
};

describe('cut reads never make a wrong answer', () => {
  it.each<[number, number]>([[1, 2], [2, 5], [4, 12]])('reads of %i rows, re-reads of %i: AMBIGUOUS at worst, in at most two statements', async (perRead, perReread) => {
    let events: QueryEvent[] = [];
    const off = api.executor.onQuery((e) => events.push(e));
    const wrong: string[] = [];
    let followedUp = 0;
    let incomplete = 0;
    try {
      for (const name of names) {
        events = [];
        const [cut] = await resolveAll(ctx, [typedName(name)], 'test.readLimits', { perRead, perReread });
        const statements = events.length;
        expect(statements, name).toBeLessThanOrEqual(2);
        if (statements === 2) followedUp++;
        if (cut!.incomplete) incomplete++;
        const r = cut!.resolution;
        if (r.status === 'ONE' && uncut.get(name) !== r.candidate.id) wrong.push(`${name}: ${r.candidate.id}, uncut ${uncut.get(name)}`);
        if (r.status === 'NONE' && uncut.get(name) !== 'NONE') wrong.push(`${name}: NOT_FOUND, uncut ${uncut.get(name)}`);
      }
    } finally {
      off();
    }
    expect(wrong).toEqual([]);
    // The limits did cut: the test ran the paths it is about.
    console.info(`[read limits ${perRead}/${perReread}] ${names.length} names: ${followedUp} followed up, ${incomplete} still cut`);
    expect(followedUp).toBeGreaterThan(perRead === 1 ? 20 : 2);
    if (perRead === 1) expect(incomplete).toBeGreaterThan(5);
  }, 180_000); // 201 lookups one by one: generous for a busy 2-core machine, not a speed check
});
