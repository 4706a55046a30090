/**
 * The lookup benchmark's measure, shared by `npm run bench:lookup` (bench/lookup/run.ts) and its
 * test (tests/int/api/lookupBench.test.ts): every name of bench/lookup/names.yaml looked up with
 * `entity(name:)` over real HTTP, one request at a time, and scored against what it must answer.
 *
 * - top-1: share of names answered right — the expected entity; AMBIGUOUS_NAME listing every
 *   expected candidate; NOT_FOUND where nothing is called that.
 * - ambiguity precision: of the AMBIGUOUS_NAME answers, the share that the set expects (with the
 *   expected candidates listed).
 * - silent wrong: an entity answered where the set expects another entity, ambiguity or nothing.
 * - latency: per request, client-side (HTTP included), over all measured rounds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Executor, QueryEvent } from '../../src/db/executor.js';

export const NAMES_FILE = path.resolve(import.meta.dirname, 'names.yaml');

const itemSchema = z.strictObject({
  name: z.string().min(1),
  expect: z.string().optional(),
  ambiguous: z.array(z.string()).min(1).optional(),
  notFound: z.literal(true).optional(),
  why: z.string().min(1),
}).refine((i) => [i.expect, i.ambiguous, i.notFound].filter((x) => x !== undefined).length === 1, 'needs exactly one of expect, ambiguous, notFound');

export type LookupItem = z.infer<typeof itemSchema>;

export function loadLookupSet(file = NAMES_FILE): LookupItem[] {
  return z.strictObject({ names: z.array(itemSchema).min(1) }).parse(parse(readFileSync(file, 'utf8'))).names;
}

/** Every entity id the set refers to. */
export const referencedIds = (items: readonly LookupItem[]) => [...new Set(items.flatMap((i) => [...(i.expect ? [i.expect] : []), ...(i.ambiguous ?? [])]))];

export type Outcome =
  | { kind: 'ONE'; id: string; how: string; matchedName: string }
  | { kind: 'AMBIGUOUS'; ids: string[] }
  | { kind: 'NOT_FOUND' }
  | { kind: 'ERROR'; message: string };

export interface Scored {
  item: LookupItem;
  outcome: Outcome;
  right: boolean;
  silentWrong: boolean;
  ms: number;
}

export interface Summary {
  names: number;
  top1: number;
  right: number;
  ambiguousAnswers: number;
  ambiguousExpected: number;
  ambiguityPrecision: number;
  silentWrong: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Each measured round's p95 (the spread says how steady the service was). */
  roundP95: number[];
  requests: number;
  misses: Scored[];
  /** Every name's first measured answer. */
  scored: Scored[];
}

/** Sends one GraphQL request and returns its JSON body. */
export type Post = (query: string, variables: Record<string, unknown>) => Promise<{ data?: any; errors?: { message: string; extensions?: any }[] }>;

const LOOKUP = 'query Lookup($name: String!) { entity(name: $name) { id match { how matchedName } } }';

/** One lookup and what it answered. */
export async function lookup(post: Post, name: string): Promise<{ outcome: Outcome; ms: number }> {
  const t0 = performance.now();
  const body = await post(LOOKUP, { name });
  const ms = performance.now() - t0;
  const err = body.errors?.[0];
  if (!err) {
    const e = body.data?.entity;
    return { ms, outcome: e ? { kind: 'ONE', id: e.id, how: e.match?.how, matchedName: e.match?.matchedName } : { kind: 'ERROR', message: 'null entity' } };
  }
  const code = err.extensions?.code;
  if (code === 'AMBIGUOUS_NAME') return { ms, outcome: { kind: 'AMBIGUOUS', ids: (err.extensions.candidates as { id: string }[]).map((c) => c.id) } };
  if (code === 'NOT_FOUND') return { ms, outcome: { kind: 'NOT_FOUND' } };
  return { ms, outcome: { kind: 'ERROR', message: `${code}: ${err.message}` } };
}

export function score(item: LookupItem, outcome: Outcome): { right: boolean; silentWrong: boolean } {
  switch (outcome.kind) {
    case 'ONE':
      return { right: item.expect === outcome.id, silentWrong: item.expect !== outcome.id };
    case 'AMBIGUOUS':
      return { right: item.ambiguous !== undefined && item.ambiguous.every((id) => outcome.ids.includes(id)), silentWrong: false };
    case 'NOT_FOUND':
      return { right: item.notFound === true, silentWrong: false };
    default:
      return { right: false, silentWrong: false };
  }
}

const percentile = (sorted: readonly number[], p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);

/**
 * Runs the set: `warmup` unmeasured rounds, then `rounds` measured ones (accuracy from the
 * first measured round; latency over all of them).
 */
export async function runLookupBench(post: Post, items: readonly LookupItem[], opts: { rounds?: number; warmup?: number } = {}): Promise<Summary> {
  const rounds = opts.rounds ?? 1;
  for (let w = 0; w < (opts.warmup ?? 0); w++) for (const item of items) await lookup(post, item.name);
  const times: number[] = [];
  const roundP95: number[] = [];
  let scored: Scored[] = [];
  for (let r = 0; r < rounds; r++) {
    const round: Scored[] = [];
    for (const item of items) {
      const { outcome, ms } = await lookup(post, item.name);
      times.push(ms);
      round.push({ item, outcome, ms, ...score(item, outcome) });
    }
    roundP95.push(percentile(round.map((x) => x.ms).sort((a, b) => a - b), 95));
    if (r === 0) scored = round;
  }
  const ambiguousAnswers = scored.filter((s) => s.outcome.kind === 'AMBIGUOUS');
  const sorted = [...times].sort((a, b) => a - b);
  const right = scored.filter((s) => s.right).length;
  return {
    names: items.length,
    right,
    top1: right / items.length,
    ambiguousAnswers: ambiguousAnswers.length,
    ambiguousExpected: ambiguousAnswers.filter((s) => s.right).length,
    ambiguityPrecision: ambiguousAnswers.length === 0 ? 1 : ambiguousAnswers.filter((s) => s.right).length / ambiguousAnswers.length,
    silentWrong: scored.filter((s) => s.silentWrong).length,
    errors: scored.filter((s) => s.outcome.kind === 'ERROR').length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    roundP95,
    requests: times.length,
    misses: scored.filter((s) => !s.right),
    scored,
  };
}

/** The summary as printed lines. */
export function formatSummary(s: Summary): string[] {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const lines = [
    `names: ${s.names}; top-1 ${pct(s.top1)} (${s.right}/${s.names}); ambiguity precision ${pct(s.ambiguityPrecision)} (${s.ambiguousExpected}/${s.ambiguousAnswers}); silent wrong ${s.silentWrong}; errors ${s.errors}`,
    `entity(name:) latency at one connection over ${s.requests} requests: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (p99 ${s.p99.toFixed(1)}, max ${s.max.toFixed(1)}; p95 of each round: ${s.roundP95.map((x) => x.toFixed(1)).join(', ')} ms)`,
  ];
  for (const m of s.misses) {
    const o = m.outcome;
    const got = o.kind === 'ONE' ? `${o.id} (${o.how} "${o.matchedName}")` : o.kind === 'AMBIGUOUS' ? `AMBIGUOUS [${o.ids.join(', ')}]` : o.kind === 'ERROR' ? `ERROR ${o.message}` : 'NOT_FOUND';
    const want = m.item.expect ?? (m.item.ambiguous ? `AMBIGUOUS ⊇ [${m.item.ambiguous.join(', ')}]` : 'NOT_FOUND');
    lines.push(`  miss${m.silentWrong ? ' (SILENT WRONG)' : ''}: "${m.item.name}" → ${got}; expected ${want}`);
  }
  return lines;
}

/**
 * One more round, one name at a time, recording the statements each lookup ran (the executor's
 * query events: time including the Bolt round trip, rows): the slowest names with their
 * statements, and how many statements and rows a lookup takes. What is not in a statement is
 * HTTP, GraphQL and the ladder's own work.
 */
export async function profileLookups(post: Post, executor: Executor, items: readonly LookupItem[], show = 25): Promise<string[]> {
  let events: QueryEvent[] = [];
  const off = executor.onQuery((e) => events.push(e));
  const runs: { name: string; ms: number; events: QueryEvent[] }[] = [];
  try {
    for (const item of items) {
      events = [];
      const { ms } = await lookup(post, item.name);
      runs.push({ name: item.name, ms, events });
    }
  } finally {
    off();
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const byStatements = new Map<number, number>();
  for (const r of runs) byStatements.set(r.events.length, (byStatements.get(r.events.length) ?? 0) + 1);
  const total = sum(runs.map((r) => r.ms));
  const inDb = sum(runs.flatMap((r) => r.events.map((e) => e.durationMs)));
  const lines = [
    `profile: ${runs.length} lookups, ${total.toFixed(0)} ms, of which ${inDb.toFixed(0)} ms in statements (${((100 * inDb) / total).toFixed(0)} %); statements per lookup: ${[...byStatements].sort((a, b) => a[0] - b[0]).map(([n, k]) => `${n}×${k}`).join(', ')}; rows per lookup: mean ${(sum(runs.flatMap((r) => r.events.map((e) => e.rows))) / runs.length).toFixed(0)}`,
  ];
  for (const r of [...runs].sort((a, b) => b.ms - a.ms).slice(0, show)) {
    lines.push(`  ${r.ms.toFixed(1)} ms "${r.name}": ${r.events.map((e) => `${e.query} ${e.durationMs.toFixed(1)} ms/${e.rows} rows`).join(', ')}`);
  }
  return lines;
}
