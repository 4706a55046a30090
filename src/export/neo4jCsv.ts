/**
 * Node and relationship CSV with `neo4j-admin database import` headers, so an export is also a
 * bulk-import set (docs/analyst.md gives the command). One file of nodes (`id:ID`, `:LABEL`, one
 * typed column per property key) and one of relationships (`:START_ID`, `:END_ID`, `:TYPE`,
 * properties). Lists and labels are separated by U+001F (quotes contain `;`): pass
 * `--array-delimiter=U+001F --multiline-fields=true`. Column types come from the stored values'
 * types (valueType()), read before the first row. Limits of the format: an empty list cannot be
 * written (it imports as no property).
 */
import { stringify } from 'csv-stringify/sync';
import type { Plain } from '../db/toPlain.js';
import type { ExportData } from './model.js';
import type { Sink } from './sink.js';

/** neo4j-admin's array delimiter for these files. */
export const ARRAY_DELIMITER = '\u001f';

const TYPE_OF: Record<string, string> = {
  STRING: 'string', INTEGER: 'long', FLOAT: 'double', BOOLEAN: 'boolean', DATE: 'date',
  'LIST<STRING>': 'string[]', 'LIST<INTEGER>': 'long[]', 'LIST<FLOAT>': 'double[]', 'LIST<BOOLEAN>': 'boolean[]', 'LIST<DATE>': 'date[]',
};

/** A column type from Neo4j value types ('LIST<NOTHING>', an empty list, fits any list type). */
export function columnType(types: readonly string[]): string {
  const kinds = [...new Set(types.map((t) => t.replaceAll(' NOT NULL', '')).filter((t) => t !== 'LIST<NOTHING>' && t !== 'NULL'))];
  if (kinds.length === 0) return 'string[]';
  if (kinds.length > 1) throw new Error(`a property holds values of several types (${kinds.join(', ')}); neo4j-admin needs one per column`);
  const t = TYPE_OF[kinds[0]!];
  if (!t) throw new Error(`no neo4j-admin column type for ${kinds[0]}`);
  return t;
}

const cell = (v: Plain | undefined): string | null => {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.length === 0 ? null : v.map((x) => String(x)).join(ARRAY_DELIMITER);
  return String(v);
};

// A missing property is an empty field; an empty string is a quoted "" (neo4j-admin keeps it).
const row = (cells: (string | null)[]) =>
  stringify([cells.map((c) => (c === null ? undefined : c))], { quoted_match: [/[\n\r]/, /^$/] });

/** Writes the nodes file; returns its row count. */
export async function writeNeo4jNodes(data: ExportData, sink: Sink): Promise<{ nodes: number }> {
  const types = (await data.propertyTypes()).node;
  const keys = [...types.keys()].filter((k) => k !== 'id').sort();
  sink.push(row(['id:ID', ':LABEL', ...keys.map((k) => `${k}:${columnType(types.get(k)!)}`)]));
  const nodes = await data.nodes(async (n) => {
    sink.push(row([String(n.props.id), n.labels.slice().sort().join(ARRAY_DELIMITER), ...keys.map((k) => cell(n.props[k]))]));
    await sink.flush();
  });
  await sink.flush(true);
  return { nodes };
}

/** Writes the relationships file; returns its row count. */
export async function writeNeo4jRelationships(data: ExportData, sink: Sink): Promise<{ relationships: number }> {
  const types = (await data.propertyTypes()).relationship;
  const keys = [...types.keys()].sort();
  sink.push(row([':START_ID', ':END_ID', ':TYPE', ...keys.map((k) => `${k}:${columnType(types.get(k)!)}`)]));
  const relationships = await data.relationships(async (r) => {
    sink.push(row([r.from, r.to, r.type, ...keys.map((k) => cell(r.props[k]))]));
    await sink.flush();
  });
  await sink.flush(true);
  return { relationships };
}
