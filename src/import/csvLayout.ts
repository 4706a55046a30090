/**
 * Reads an import folder (the layout ImportCsvWriter writes; docs/import.md) and turns it into
 * neo4j-admin's `--nodes` / `--relationships` arguments. Labels and types come from file names and
 * reach the importer only when they are in the vocabulary (src/seed/vocabulary.ts); each file's
 * header is checked before anything is stopped or overwritten, naming the file and the column.
 */
import { closeSync, existsSync, openSync, readSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ENTITY_LABELS, RELATION_TYPE_NAMES } from '../seed/vocabulary.js';

/** Structural relationships of claims and sources (not entity relations, so not in RELATION_TYPES). */
const STRUCTURAL_TYPES = ['ABOUT', 'CLAIMED_BY', 'REPORTED_IN', 'REVISION_OF'];
const NODE_KINDS: readonly string[] = [...ENTITY_LABELS, 'Source', 'Claim'];
const TYPES: readonly string[] = [...RELATION_TYPE_NAMES, ...STRUCTURAL_TYPES];
const COLUMN_TYPES = new Set(['string', 'string[]', 'double', 'long', 'boolean', 'date', 'int', 'float']);

export class ImportLayoutError extends Error {
  constructor(readonly problems: string[]) {
    super(`the import folder is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ImportLayoutError';
  }
}

export interface ImportLayout {
  /** neo4j-admin arguments naming every file with its labels or type. */
  args: string[];
  /** Files with line breaks inside quoted fields (parsed by the importer's slower reader). */
  multiline: string[];
  files: number;
}

/** File name `<Name>.<anything>.csv` → Name; `*.multiline.csv` marks fields with line breaks. */
function nameOf(file: string): { name: string; multiline: boolean } {
  const [name = ''] = file.split('.');
  return { name, multiline: file.endsWith('.multiline.csv') };
}

function firstLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8');
    const end = text.search(/\r?\n/);
    return end < 0 ? text : text.slice(0, end);
  } finally {
    closeSync(fd);
  }
}

/** Header problems of one file (neo4j-admin's `name:type` columns). */
function checkHeader(rel: string, header: string, kind: 'nodes' | 'relationships'): string[] {
  const problems: string[] = [];
  const columns = header.split(',');
  if (header.includes('"')) return [`${rel}: the header row must not be quoted`];
  const want = kind === 'nodes' ? ['id:ID'] : [':START_ID', ':END_ID'];
  for (const w of want) if (!columns.includes(w)) problems.push(`${rel}: the header has no ${w} column (header: ${header.slice(0, 120)})`);
  for (const c of columns) {
    if (want.includes(c)) continue;
    const [name = '', type = 'string', ...more] = c.split(':');
    if (c.startsWith(':') || name === '') problems.push(`${rel}: column ${c || '(empty)'} is not allowed (labels and types come from the file name)`);
    else if (more.length > 0 || !COLUMN_TYPES.has(type)) problems.push(`${rel}: column ${c} has an unknown type (one of ${[...COLUMN_TYPES].join(', ')})`);
  }
  return problems;
}

export function readImportLayout(dir: string): ImportLayout {
  const problems: string[] = [];
  const args: string[] = [];
  const multiline: string[] = [];
  let files = 0;
  for (const kind of ['nodes', 'relationships'] as const) {
    const sub = path.join(dir, kind);
    if (!existsSync(sub)) {
      problems.push(`${kind}/: missing (expected ${kind}/<${kind === 'nodes' ? 'Label' : 'TYPE'}>.<n>.csv files)`);
      continue;
    }
    for (const file of readdirSync(sub).sort()) {
      const rel = `${kind}/${file}`;
      if (!file.endsWith('.csv')) {
        problems.push(`${rel}: not a .csv file`);
        continue;
      }
      const { name, multiline: ml } = nameOf(file);
      const allowed = kind === 'nodes' ? NODE_KINDS : TYPES;
      if (!allowed.includes(name)) {
        problems.push(`${rel}: ${name} is not a ${kind === 'nodes' ? 'node label' : 'relationship type'} of the vocabulary (one of ${allowed.join(', ')})`);
        continue;
      }
      const full = path.join(sub, file);
      const headerProblems = checkHeader(rel, firstLine(full), kind);
      problems.push(...headerProblems);
      if (headerProblems.length > 0) continue;
      const labels = kind === 'nodes' && (ENTITY_LABELS as readonly string[]).includes(name) ? `Entity:${name}` : name;
      args.push(kind === 'nodes' ? `--nodes=${labels}=${full}` : `--relationships=${name}=${full}`);
      if (ml) multiline.push(full);
      files++;
    }
  }
  if (problems.length === 0 && !args.some((a) => a.startsWith('--nodes='))) problems.push('nodes/: no node files');
  if (problems.length > 0) throw new ImportLayoutError(problems);
  return { args, multiline, files };
}
