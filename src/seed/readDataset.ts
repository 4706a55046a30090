/**
 * Reads the curated dataset from disk: seed/sources.yaml, the documents it names, and every
 * seed/data/*.yaml file. Each entry is schema-checked on its own and remembered with its file and
 * line, so that every later complaint can name file, entry and field.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import {
  SECTION_NAMES, SECTION_SCHEMAS, sourceSchema,
  type ClaimEntry, type EventEntry, type GroupEntry, type PersonEntry, type PlaceEntry,
  type RelationEntry, type SectionName, type SourceEntry,
} from './entrySchemas.js';
import type { SeedIssue } from './SeedValidationError.js';
import { readCommonNames, type CommonNameEntry } from './commonNames.js';

/** An entry with where it was written. */
export interface Located<T> {
  entry: T;
  file: string;
  line: number;
}

export interface SourceDocument extends Located<SourceEntry> {
  text: string;
}

export interface Dataset {
  sources: SourceDocument[];
  people: Located<PersonEntry>[];
  groups: Located<GroupEntry>[];
  places: Located<PlaceEntry>[];
  events: Located<EventEntry>[];
  claims: Located<ClaimEntry>[];
  relations: Located<RelationEntry>[];
  /** seed/common-names.yaml: names no document uses, kept apart from cited aliases (optional). */
  commonNames?: Located<CommonNameEntry>[];
}

/** Parsed but not yet cross-checked; `issues` holds every per-entry problem found. */
export interface ReadResult {
  dataset: Dataset;
  issues: SeedIssue[];
  /** Ids of entries that failed their schema: references to them are not reported twice. */
  invalidIds: Set<string>;
}

export const DEFAULT_SEED_DIR = path.resolve(import.meta.dirname, '../../seed');

/** Reads and schema-checks every file; never throws on bad content, only on unreadable disks. */
export async function readDatasetFiles(seedDir: string = DEFAULT_SEED_DIR): Promise<ReadResult> {
  const issues: SeedIssue[] = [];
  const invalidIds = new Set<string>();
  const dataset: Dataset = { sources: [], people: [], groups: [], places: [], events: [], claims: [], relations: [] };
  const rel = (f: string) => path.relative(process.cwd(), f) || f;

  const sourcesFile = path.join(seedDir, 'sources.yaml');
  for (const item of await readSection(sourcesFile, 'sources', issues, rel)) {
    const parsed = parseEntry(sourceSchema, item, rel(sourcesFile), issues, invalidIds);
    if (!parsed) continue;
    const docPath = path.join(seedDir, 'documents', parsed.file);
    let text: string;
    try {
      text = await readFile(docPath, 'utf8');
    } catch {
      issues.push({ file: rel(sourcesFile), line: item.line, entry: parsed.id, field: 'file', message: `document ${rel(docPath)} cannot be read` });
      continue;
    }
    dataset.sources.push({ entry: parsed, file: rel(sourcesFile), line: item.line, text });
  }

  const dataDir = path.join(seedDir, 'data');
  const files = (await readdir(dataDir)).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  for (const name of files) {
    const file = path.join(dataDir, name);
    const raw = await readYaml(file, issues, rel);
    if (raw === undefined) continue;
    const { doc, lineOf } = raw;
    if (doc.contents === null) continue; // an empty file is allowed
    if (!isMap(doc.contents)) {
      issues.push({ file: rel(file), line: 1, message: `must be a mapping with sections ${SECTION_NAMES.join(', ')}` });
      continue;
    }
    for (const pair of doc.contents.items) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
      if (!(SECTION_NAMES as string[]).includes(key)) {
        issues.push({ file: rel(file), line: lineOf(pair.key as YamlNode), field: key, message: `unknown section "${key}" (allowed: ${SECTION_NAMES.join(', ')})` });
        continue;
      }
      const section = key as SectionName;
      if (pair.value === null) continue;
      if (!isSeq(pair.value)) {
        issues.push({ file: rel(file), line: lineOf(pair.value as YamlNode), field: section, message: 'must be a list of entries' });
        continue;
      }
      for (const node of pair.value.items) {
        const item = { value: (node as YamlNode).toJSON(), line: lineOf(node as YamlNode) };
        const parsed = parseEntry(SECTION_SCHEMAS[section] as z.ZodType, item, rel(file), issues, invalidIds);
        if (parsed) (dataset[section] as Located<unknown>[]).push({ entry: parsed, file: rel(file), line: item.line });
      }
    }
  }
  dataset.commonNames = await readCommonNames(seedDir, issues);
  return { dataset, issues, invalidIds };
}

interface RawItem {
  value: unknown;
  line: number;
}

async function readYaml(file: string, issues: SeedIssue[], rel: (f: string) => string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    issues.push({ file: rel(file), message: 'cannot be read' });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      issues.push({ file: rel(file), line: err.linePos?.[0]?.line, message: `YAML syntax: ${err.message.split('\n')[0]}` });
    }
    return undefined;
  }
  const lineOf = (node: YamlNode | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 0;
  return { doc, lineOf };
}

async function readSection(file: string, key: string, issues: SeedIssue[], rel: (f: string) => string): Promise<RawItem[]> {
  const raw = await readYaml(file, issues, rel);
  if (raw === undefined) return [];
  const { doc, lineOf } = raw;
  const seq = isMap(doc.contents) ? doc.contents.get(key, true) : undefined;
  if (!isSeq(seq)) {
    issues.push({ file: rel(file), field: key, message: `must have a "${key}" list` });
    return [];
  }
  return seq.items.map((node) => ({ value: (node as YamlNode).toJSON(), line: lineOf(node as YamlNode) }));
}

function parseEntry<S extends z.ZodType>(schema: S, item: RawItem, file: string, issues: SeedIssue[], invalidIds: Set<string>): z.infer<S> | undefined {
  const result = schema.safeParse(item.value);
  if (result.success) return result.data;
  const entryId = typeof (item.value as { id?: unknown })?.id === 'string' ? (item.value as { id: string }).id : undefined;
  if (entryId !== undefined) invalidIds.add(entryId);
  for (const issue of result.error.issues) {
    issues.push({
      file,
      line: item.line,
      entry: entryId,
      field: issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '['),
      message: issue.message,
    });
  }
  return undefined;
}
