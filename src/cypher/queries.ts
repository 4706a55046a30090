/**
 * The query catalogue. All Cypher the API runs lives in cypher/queries/<name>.cypher, one query
 * per file, named for what it answers, so it can be read, EXPLAINed and reviewed as Cypher.
 * They are loaded once at start-up; a missing or empty file stops start-up. Values reach them
 * only as $parameters; relationship types only as a whitelisted $types list, or spelled out from
 * the vocabulary by a template block (see expandTemplate).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { RELATION_TYPE_NAMES, type RelationType } from '../seed/vocabulary.js';

/** Every query the API uses; the file is `${name}.cypher`. */
export const QUERY_NAMES = [
  'health.ping',
  'graph.version',
  'entities.byIds',
  'entities.byLookupKeys',
  'search.byLookupKeys',
  'search.fulltext',
  'relations.ofEntities',
  'relations.ofEntitiesInView',
  'relations.twoLevels',
  'relations.denseDegrees',
  'neighbourhood.within',
  'neighbourhood.withinInView',
  'paths.between',
  'paths.betweenInView',
  'paths.collapsed',
  'paths.collapsedInView',
  'events.page',
  'events.count',
  'events.inPlaces',
  'places.containers',
  'claims.about',
  'claims.ofEvents',
  'sources.all',
  'sources.byIds',
  'sources.entities',
  'sources.relationships',
  'sources.claims',
  'aggregates.events',
  'export.nodes',
  'export.relationships',
  'export.propertyTypes',
] as const;

/**
 * Per-type queries: the file `${name}.cypher` holds `{{relationType}}` outside any block and is
 * loaded once per relationship type of the vocabulary, as `${name}:<TYPE>` (see perTypeQuery).
 * For queries that need one static relationship type (Neo4j then reads only that type's links of
 * a dense node) and must stay cheap to plan, which one query with a branch per type is not.
 */
export const PER_TYPE_QUERY_NAMES = ['relations.ofDenseEntitiesOfType'] as const;

/** A per-type query's base name. */
export type PerTypeQueryName = (typeof PER_TYPE_QUERY_NAMES)[number];

/** The name of a catalogued query: a file of QUERY_NAMES, or a per-type query for one type. */
export type QueryName = (typeof QUERY_NAMES)[number] | `${PerTypeQueryName}:${RelationType}`;

/** The loaded catalogue: name → Cypher text. */
export type Queries = Readonly<Record<QueryName, string>>;

/** cypher/queries in this checkout. */
export const QUERIES_DIR = path.resolve(import.meta.dirname, '../../cypher/queries');

/** Thrown when the catalogue on disk does not match QUERY_NAMES. */
export class QueryCatalogueError extends Error {
  override readonly name = 'QueryCatalogueError';
}

/** Relationship types in the order of Cypher's `ORDER BY type(r)` (code-unit order, as `<`). */
export const RELATION_TYPES_SORTED: readonly string[] = Object.freeze([...RELATION_TYPE_NAMES].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

const EACH_TYPE = /^[ \t]*\/\/ \{\{#each relationType( ",")?\}\}[^\n]*\n([\s\S]*?)^[ \t]*\/\/ \{\{\/each\}\}[^\n]*\n/gm;

/**
 * Expands a query template: each block between `// {{#each relationType}}` and `// {{/each}}`
 * lines becomes one copy per relationship type of the vocabulary (RELATION_TYPES_SORTED), with
 * `{{relationType}}` replaced, joined by UNION ALL (by commas with `// {{#each relationType ","}}`,
 * for a list of one expression per type). For queries that need a static relationship
 * type per branch (Neo4j then reads only that type's links of a dense node) without a hand-kept
 * copy per type that could drift from the vocabulary. Types are whitelisted identifiers, never
 * user input. Text without a block is returned as is; a placeholder left over throws.
 */
export function expandTemplate(text: string, name = 'query'): string {
  const out = text.replace(EACH_TYPE, (_, comma: string | undefined, block: string) =>
    comma
      ? RELATION_TYPES_SORTED.map((t) => block.replaceAll('{{relationType}}', t).trimEnd()).join(',\n') + '\n'
      : RELATION_TYPES_SORTED.map((t) => block.replaceAll('{{relationType}}', t)).join('    UNION ALL\n'),
  );
  const code = out.replace(/\/\/[^\n]*/g, '');
  const left = code.indexOf('{{');
  if (left >= 0) throw new QueryCatalogueError(`${name}: template placeholder not expanded: ${code.slice(left, left + 40)}`);
  return out;
}

/** The catalogue name of per-type query `name` for relationship type `type` (refused unless whitelisted). */
export function perTypeQuery(name: PerTypeQueryName, type: string): QueryName {
  if (!(RELATION_TYPE_NAMES as readonly string[]).includes(type)) throw new QueryCatalogueError(`${name}: not a relationship type of the vocabulary: ${type}`);
  return `${name}:${type as RelationType}`;
}

/**
 * Reads every query of QUERY_NAMES and PER_TYPE_QUERY_NAMES from `dir`. Throws QueryCatalogueError
 * naming every missing or empty file; files not in either list are reported through `onUnused`
 * (they are dead code).
 */
export async function loadQueries(
  dir: string = QUERIES_DIR,
  onUnused: (file: string) => void = () => {},
): Promise<Queries> {
  const problems: string[] = [];
  const entries = await Promise.all(
    QUERY_NAMES.map(async (name) => {
      const file = path.join(dir, `${name}.cypher`);
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) problems.push(`missing ${file}`);
      else if (text.trim() === '') problems.push(`empty ${file}`);
      return [name, text === undefined ? '' : expandTemplate(text, file)] as const;
    }),
  );
  const perType = await Promise.all(
    PER_TYPE_QUERY_NAMES.map(async (name) => {
      const file = path.join(dir, `${name}.cypher`);
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) problems.push(`missing ${file}`);
      else if (text.trim() === '') problems.push(`empty ${file}`);
      return RELATION_TYPES_SORTED.map((t) => [perTypeQuery(name, t), expandTemplate((text ?? '').replaceAll('{{relationType}}', t), file)] as const);
    }),
  );
  if (problems.length > 0) throw new QueryCatalogueError(`query catalogue incomplete:\n  ${problems.join('\n  ')}`);
  const known = new Set<string>([...QUERY_NAMES, ...PER_TYPE_QUERY_NAMES].map((n) => `${n}.cypher`));
  for (const f of await readdir(dir)) if (f.endsWith('.cypher') && !known.has(f)) onUnused(f);
  return Object.freeze(Object.fromEntries([...entries, ...perType.flat()])) as Queries;
}
