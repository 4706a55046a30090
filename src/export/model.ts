/**
 * What every export format reads: a stream of nodes and one of relationships (plain property maps,
 * as stored), the view and subgraph they were cut to, and how citations are shown on a row.
 */
import type { Plain } from '../db/toPlain.js';

/** A node as stored: its labels and properties. */
export interface ExportNode {
  labels: string[];
  props: Record<string, Plain>;
}

/** A relationship as stored: type, the ids of its ends, its properties. */
export interface ExportRelationship {
  type: string;
  from: string;
  to: string;
  props: Record<string, Plain>;
}

/** Streams the selected graph; each callback is awaited (backpressure). */
export interface ExportData {
  nodes(onNode: (n: ExportNode) => Promise<void> | void): Promise<number>;
  relationships(onRel: (r: ExportRelationship) => Promise<void> | void): Promise<number>;
  /** Property key → Neo4j value types, for formats that declare columns first. */
  propertyTypes(): Promise<{ node: Map<string, string[]>; relationship: Map<string, string[]> }>;
  /** The events of the selection with what the ACLED-like table needs, each awaited. */
  events(onEvent: (e: Record<string, any>) => Promise<void> | void): Promise<number>;
  /** Document id → its day (YYYY-MM-DD), revision lineage and depth, for the fatalities rules. */
  sources(): Promise<Map<string, { id: string; day: string; lineage: string; depth: number }>>;
}

/** The properties that are structure or bookkeeping, not attributes (left out of GraphML/GEXF attributes). */
export const KIND_LABELS = ['Person', 'Group', 'Place', 'Event', 'Source', 'Claim'];

/** A row's citations as [{source, quote}] (from the parallel lists every node and link carries). */
export function citationsOf(props: Record<string, Plain>): { source: string; quote: string }[] {
  const s = Array.isArray(props.citationSources) ? props.citationSources : [];
  const q = Array.isArray(props.citationQuotes) ? props.citationQuotes : [];
  return s.map((source, i) => ({ source: String(source), quote: String(q[i] ?? '') }));
}

/** The kind label of a node (Person, Group, Place, Event, Source or Claim). */
export function kindOf(n: ExportNode): string {
  return n.labels.find((l) => KIND_LABELS.includes(l)) ?? n.labels[0] ?? 'Node';
}

/** A value as attribute text: lists joined with " | ", nulls empty. */
export function text(v: Plain | undefined): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => text(x)).join(' | ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
