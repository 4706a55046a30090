/**
 * Exports: the whole graph or a subgraph, under an analyst view, streamed to a Writable in one of
 * the formats real tools open (docs/analyst.md): GraphML, GEXF 1.3, neo4j-admin node and
 * relationship CSV, ACLED-like events CSV, FollowTheMoney JSON lines. Bounded in rows (each stream
 * at most EXPORT_LIMITS.rows) and time (each query at most EXPORT_LIMITS.queryTimeoutMs); nothing is
 * held in memory beyond a few rows.
 */
import type { Writable } from 'node:stream';
import type { Executor } from '../db/executor.js';
import type { Plain } from '../db/toPlain.js';
import { aggSources } from '../resolvers/aggregates.js';
import { createRequestContext } from '../resolvers/context.js';
import { toSource } from '../resolvers/model.js';
import { writeAcledEvents } from './acledCsv.js';
import { writeFtm } from './ftm.js';
import { writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';
import type { ExportData, ExportNode, ExportRelationship } from './model.js';
import { writeNeo4jNodes, writeNeo4jRelationships } from './neo4jCsv.js';
import { resolveSelection, type ExportOptions, type Selection } from './selection.js';
import { Sink } from './sink.js';

export type { ExportOptions } from './selection.js';

/** The bounds of one export. */
export const EXPORT_LIMITS = { rows: 200_000, queryTimeoutMs: 120_000 } as const;

/** Each format: its file name, content type, and whether it holds documents and figures too. */
export const FORMATS = {
  graphml: { file: 'clashgraph.graphml', type: 'application/graphml+xml; charset=utf-8' },
  gexf: { file: 'clashgraph.gexf', type: 'application/gexf+xml; charset=utf-8' },
  'neo4j-nodes': { file: 'nodes.csv', type: 'text/csv; charset=utf-8' },
  'neo4j-relationships': { file: 'relationships.csv', type: 'text/csv; charset=utf-8' },
  events: { file: 'events.csv', type: 'text/csv; charset=utf-8' },
  ftm: { file: 'clashgraph.ftm.jsonl', type: 'application/x-ndjson; charset=utf-8' },
} as const;
export type ExportFormat = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as ExportFormat[];

/** What an export wrote. */
export interface ExportResult {
  format: ExportFormat;
  selection: string;
  nodes?: number;
  relationships?: number;
  events?: number;
  bytes: number;
  ms: number;
}

/** Under a view, a row's citations are cut to the admitted documents (as the API shows them). */
function cutCitations<T extends { props: Record<string, Plain> }>(row: T, sourceIds: string[] | null): T {
  if (sourceIds === null || !Array.isArray(row.props.citationSources)) return row;
  const sources = row.props.citationSources as string[];
  const quotes = (row.props.citationQuotes ?? []) as string[];
  const keep = sources.map((s, i) => i).filter((i) => sourceIds.includes(sources[i]!));
  return { ...row, props: { ...row.props, citationSources: keep.map((i) => sources[i]!), citationQuotes: keep.map((i) => quotes[i] ?? '') } };
}

function exportData(executor: Executor, sel: Selection, withRecords: boolean, scope: { operation: string; requestId?: string }): ExportData {
  const params = { withRecords, ids: sel.ids, sourceIds: sel.view.sourceIds, from: sel.from, to: sel.to, limit: EXPORT_LIMITS.rows };
  const t = EXPORT_LIMITS.queryTimeoutMs;
  const v = sel.view.sourceIds;
  return {
    nodes: (onNode) => executor.stream('export.nodes', params, scope, (row) => onNode(cutCitations(row as unknown as ExportNode, v)), t),
    relationships: (onRel) => executor.stream('export.relationships', params, scope, (row) => onRel(cutCitations(row as unknown as ExportRelationship, v)), t),
    async propertyTypes() {
      const out = { node: new Map<string, string[]>(), relationship: new Map<string, string[]>() };
      await executor.stream('export.propertyTypes', params, scope, (row) => {
        out[row.element === 'node' ? 'node' : 'relationship'].set(String(row.key), (row.types as string[]) ?? []);
      }, t);
      return out;
    },
    async events(onEvent) {
      const wanted = sel.ids === null ? null : new Set(sel.ids);
      let n = 0;
      await executor.stream('aggregates.events', {
        types: [], subEventTypes: [], from: sel.from, to: sel.to, placeIds: null, participantIds: null,
        sourceIds: sel.view.sourceIds, measure: 'killed', victims: [], limit: EXPORT_LIMITS.rows,
      }, scope, async (row) => {
        const e = row.event as Record<string, any>;
        if (wanted && !wanted.has(String(e.id))) return;
        n++;
        await onEvent(cutCitations({ props: e }, v).props);
      }, t);
      return n;
    },
    async sources() {
      const rows = await executor.read('sources.all', {}, scope);
      return aggSources(rows.map((r) => toSource(r.source)));
    },
  };
}

/** Runs one export into `out` (not ended here). Bad options throw AppError before anything is written. */
export async function runExport(
  executor: Executor, format: ExportFormat, options: ExportOptions, out: Writable,
  { requestId = 'export', beforeFirstByte }: { requestId?: string; beforeFirstByte?: () => void } = {},
): Promise<ExportResult> {
  const started = performance.now();
  const ctx = createRequestContext(executor, requestId);
  const sel = await resolveSelection(ctx, options);
  const scope = { operation: `export.${format}`, requestId };
  // The neo4j-admin set of the whole graph holds documents and figures too, so it imports as the graph.
  const data = exportData(executor, sel, sel.ids === null && format.startsWith('neo4j-'), scope);
  const sink = new Sink(out, beforeFirstByte);
  let counts: Partial<ExportResult>;
  switch (format) {
    case 'graphml': counts = await writeGraphml(data, sink); break;
    case 'gexf': counts = await writeGexf(data, sink); break;
    case 'neo4j-nodes': counts = await writeNeo4jNodes(data, sink); break;
    case 'neo4j-relationships': counts = await writeNeo4jRelationships(data, sink); break;
    case 'events': counts = await writeAcledEvents(data, sink); break;
    case 'ftm': {
      const docs = (await executor.read('sources.all', {}, scope))
        .map((r) => ({ labels: ['Source'], props: r.source as Record<string, never> }))
        .filter((d) => sel.view.sourceIds === null || sel.view.sourceIds.includes(String(d.props.id)));
      counts = await writeFtm(data, sink, docs);
      break;
    }
  }
  return { format, selection: sel.description, ...counts, bytes: sink.bytes, ms: Math.round(performance.now() - started) };
}
