/**
 * seed/common-names.yaml: well-known names that no document uses (ISIS, Shiites), kept apart
 * from the cited aliases. Optional file; when present it must say `source: common usage`, and
 * every name must be new to its entity and belong to no other entity, so that a common name never
 * shadows a cited one. Loaded as the entity's `commonNames` (src/seed/toGraphRows.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { nameKey } from '../text/normalizeName.js';
import type { Dataset, Located } from './readDataset.js';
import type { SeedIssue } from './SeedValidationError.js';

export const COMMON_NAMES_FILE = 'common-names.yaml';
export const COMMON_USAGE = 'common usage';

export const commonNameEntrySchema = z.strictObject({
  entity: z.string().min(1),
  names: z.array(z.string().trim().min(1)).min(1),
  note: z.string().min(1),
});
export type CommonNameEntry = z.infer<typeof commonNameEntrySchema>;

/** Reads seed/common-names.yaml if it exists; problems go to `issues`, never thrown. */
export async function readCommonNames(seedDir: string, issues: SeedIssue[]): Promise<Located<CommonNameEntry>[]> {
  const file = path.join(seedDir, COMMON_NAMES_FILE);
  const shown = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return []; // the file is optional
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) issues.push({ file: shown, line: err.linePos?.[0]?.line, message: `YAML syntax: ${err.message.split('\n')[0]}` });
    return [];
  }
  const lineOf = (node: unknown) => {
    const range = (node as YamlNode | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : 0;
  };
  if (!isMap(doc.contents)) {
    issues.push({ file: shown, line: 1, message: 'must be a mapping with `source` and `entries`' });
    return [];
  }
  if ((doc.toJS() as { source?: unknown }).source !== COMMON_USAGE) {
    issues.push({ file: shown, line: 1, field: 'source', message: `must be "${COMMON_USAGE}": these names are not from the documents` });
  }
  const entries = doc.contents.get('entries', true);
  if (!isSeq(entries)) {
    issues.push({ file: shown, line: 1, field: 'entries', message: 'must be a list' });
    return [];
  }
  const out: Located<CommonNameEntry>[] = [];
  for (const node of entries.items) {
    const value = (node as YamlNode).toJSON() as unknown;
    const line = lineOf(node);
    const parsed = commonNameEntrySchema.safeParse(value);
    if (parsed.success) {
      out.push({ entry: parsed.data, file: shown, line });
      continue;
    }
    const entry = typeof (value as { entity?: unknown })?.entity === 'string' ? (value as { entity: string }).entity : undefined;
    for (const issue of parsed.error.issues) {
      issues.push({ file: shown, line, entry, field: issue.path.map(String).join('.') || undefined, message: issue.message });
    }
  }
  return out;
}

/** Cross-checks common names against the dataset's entities. */
export function validateCommonNames(ds: Dataset): SeedIssue[] {
  const issues: SeedIssue[] = [];
  const entities = [...ds.people, ...ds.groups, ...ds.places, ...ds.events].map((l) => l.entry);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const owners = new Map<string, Set<string>>(); // name key → ids of entities named so
  for (const e of entities) {
    for (const n of [e.name, ...e.aliases]) {
      const k = nameKey(n);
      owners.set(k, (owners.get(k) ?? new Set()).add(e.id));
    }
  }
  const given = new Map<string, string>(); // common name key → entity given it
  for (const { entry, file, line } of ds.commonNames ?? []) {
    const at = (field: string, message: string) => issues.push({ file, line, entry: entry.entity, field, message });
    if (!byId.has(entry.entity)) {
      at('entity', `no person, group, place or event has the id "${entry.entity}"`);
      continue;
    }
    for (const [i, name] of entry.names.entries()) {
      const k = nameKey(name);
      const field = `names[${i}]`;
      if (k === '') at(field, `"${name}" has no letter or digit`);
      else if (owners.get(k)?.has(entry.entity)) at(field, `"${name}" is already a name or alias of ${entry.entity}`);
      else if (owners.has(k)) at(field, `"${name}" is the name or alias of ${[...owners.get(k)!].join(', ')}: a common name may not shadow it`);
      else if (given.has(k)) at(field, `"${name}" is already a common name of ${given.get(k)}`);
      else given.set(k, entry.entity);
    }
  }
  return issues;
}

/** Common names per entity id. */
export function commonNamesById(ds: Dataset): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { entry } of ds.commonNames ?? []) map.set(entry.entity, [...(map.get(entry.entity) ?? []), ...entry.names]);
  return map;
}
