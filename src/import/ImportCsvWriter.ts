/**
 * Writes graph rows (src/seed/toGraphRows.ts) as the CSV that `neo4j-admin database import full`
 * reads, in the folder layout of docs/import.md:
 *
 *   <dir>/nodes/<Label>.<n>.csv            Person, Group, Place, Event (imported as Entity:<Label>),
 *                                         Source, Claim
 *   <dir>/relationships/<TYPE>.<n>.csv     one relationship type per file
 *
 * The label or type is the file name, never a column, so what reaches the database is checked
 * against the vocabulary by looking at file names only (src/import/csvLayout.ts). Rows whose
 * properties differ in name or type go to different files (each file has one header), and rows
 * holding a line break go to `*.multiline.csv`, the only files the importer must parse slowly.
 * The properties written are exactly those the transactional loader SETs, so both loads give the
 * same graph (tests/int/seed/importCsv.test.ts compares their checksums).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { GraphRows, Props, RelationRow } from '../seed/toGraphRows.js';

/** Separates list elements inside one field: the unit separator, never in quoted text. */
export const ARRAY_DELIMITER = '\u001f';

type Value = Props[string] | undefined;

/** The neo4j-admin header type of a value; null when the value writes nothing (an absent property). */
function typeOf(value: Value): string | null {
  if (value === null || value === undefined) return null;
  // neo4j-admin cannot write an empty list (an empty field is an absent property), so neither
  // loader stores one (src/seed/loadDataset.ts drops them too); readers take absent as empty.
  if (Array.isArray(value)) return value.length === 0 ? null : 'string[]';
  if (typeof value === 'number') return 'double'; // what neo4j-driver sends a JS number as
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

function field(value: Value): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    for (const v of value) {
      if (v.includes(ARRAY_DELIMITER)) throw new Error(`a list element contains U+001F, the import's list separator: ${JSON.stringify(v).slice(0, 80)}`);
    }
    return quote(value.join(ARRAY_DELIMITER));
  }
  if (typeof value === 'string') return quote(value);
  return String(value);
}

const hasBreak = (value: Value) =>
  typeof value === 'string' ? /[\r\n]/.test(value) : Array.isArray(value) && value.some((v) => /[\r\n]/.test(v));

/** One output file: its header and a write buffer flushed in large blocks. */
class CsvFile {
  rows = 0;
  private buffer: string[] = [];
  private size = 0;
  private readonly fd: number;
  constructor(readonly file: string, header: string) {
    this.fd = openSync(file, 'w');
    this.append(`${header}\n`);
  }
  append(line: string): void {
    this.buffer.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export interface ImportCsvSummary {
  dir: string;
  nodes: number;
  relationships: number;
  files: string[];
}

/** Streams rows into CSV files under `dir` (created; existing files of the same names are replaced). */
export class ImportCsvWriter {
  private readonly files = new Map<string, { csv: CsvFile; columns: string[] }>();
  private readonly counters = new Map<string, number>();
  private nodes = 0;
  private relationships = 0;

  constructor(readonly dir: string) {
    mkdirSync(path.join(dir, 'nodes'), { recursive: true });
    mkdirSync(path.join(dir, 'relationships'), { recursive: true });
  }

  /** Appends every row of `rows`; call as often as there are chunks. */
  write(rows: GraphRows): void {
    for (const s of rows.sources) this.node('Source', s.props);
    for (const e of rows.entities) {
      // The transactional loader converts these two to Neo4j dates (cypher/seed/merge-entities.cypher).
      this.node(e.label, e.props, { startDate: e.startDate, endDate: e.endDate });
    }
    for (const c of rows.claims) this.node('Claim', c.props);
    for (const list of [rows.sourceRelations, rows.entityRelations, rows.claimEntityRelations, rows.claimSourceRelations]) {
      for (const r of list) this.relationship(r);
    }
  }

  close(): ImportCsvSummary {
    for (const { csv } of this.files.values()) csv.close();
    return { dir: this.dir, nodes: this.nodes, relationships: this.relationships, files: [...this.files.values()].map((f) => f.csv.file) };
  }

  private node(label: string, props: Props, dates: Record<string, string | null> = {}): void {
    const { id, ...rest } = props;
    if (typeof id !== 'string') throw new Error(`a ${label} row has no string id`);
    const cols: [string, Value][] = [['id:ID', id]];
    for (const [k, v] of Object.entries(rest)) {
      const t = typeOf(v);
      if (t !== null) cols.push([`${k}:${t}`, v]);
    }
    for (const [k, v] of Object.entries(dates)) if (v !== null) cols.push([`${k}:date`, v]);
    this.emit('nodes', label, cols);
    this.nodes++;
  }

  private relationship(r: RelationRow): void {
    const cols: [string, Value][] = [[':START_ID', r.from], [':END_ID', r.to]];
    for (const [k, v] of Object.entries(r.props)) {
      const t = typeOf(v);
      if (t !== null) cols.push([`${k}:${t}`, v]);
    }
    // Neo4j dates, as cypher/seed/merge-entity-relations.cypher converts them.
    if (r.sinceDate) cols.push(['sinceDate:date', r.sinceDate]);
    if (r.untilDate) cols.push(['untilDate:date', r.untilDate]);
    this.emit('relationships', r.type, cols);
    this.relationships++;
  }

  /** Writes one row to the file of its (kind, name, columns, multi-line) group, opening it on first use. */
  private emit(kind: 'nodes' | 'relationships', name: string, cols: [string, Value][]): void {
    const multiline = cols.some(([, v]) => hasBreak(v));
    const header = cols.map(([c]) => c).join(',');
    const key = `${kind}/${name}/${multiline}/${header}`;
    let f = this.files.get(key);
    if (!f) {
      const n = (this.counters.get(`${kind}/${name}`) ?? 0) + 1;
      this.counters.set(`${kind}/${name}`, n);
      const file = path.join(this.dir, kind, `${name}.${n}${multiline ? '.multiline' : ''}.csv`);
      f = { csv: new CsvFile(file, header), columns: cols.map(([c]) => c) };
      this.files.set(key, f);
    }
    f.csv.append(`${cols.map(([, v]) => field(v)).join(',')}\n`);
    f.csv.rows++;
  }
}
