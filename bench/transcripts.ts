/**
 * What the API sent to Neo4j for one request, recorded so the raw-Cypher contender can replay it:
 * the catalogued queries with their parameters, grouped into waves (queries that overlapped in
 * time ran concurrently; a wave starts once every query of the previous one had finished).
 */
import type { QueryName } from '../src/cypher/queries.js';

export interface RecordedQuery {
  query: QueryName;
  params: Record<string, unknown>;
  startMs: number;
  endMs: number;
}

export interface Transcript {
  waves: { query: QueryName; params: Record<string, unknown> }[][];
  queries: number;
}

export interface Transcripts {
  /** Query name → Cypher text (cypher/queries/<name>.cypher). */
  cypher: Record<string, string>;
  /** Workload → variant index → what the API ran for it. */
  workloads: Record<string, Transcript[]>;
}

/** Groups recorded queries into waves of overlapping queries, in start order. */
export function toWaves(recorded: readonly RecordedQuery[]): Transcript {
  const sorted = [...recorded].sort((a, b) => a.startMs - b.startMs);
  const waves: Transcript['waves'] = [];
  let waveEnd = -Infinity;
  for (const q of sorted) {
    if (waves.length === 0 || q.startMs >= waveEnd) {
      waves.push([]);
      waveEnd = q.endMs;
    } else {
      waveEnd = Math.max(waveEnd, q.endMs);
    }
    waves.at(-1)!.push({ query: q.query, params: q.params });
  }
  return { waves, queries: recorded.length };
}
