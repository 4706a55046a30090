/**
 * The query catalogue. All Cypher the API runs lives in cypher/queries/<name>.cypher, one query
 * per file, named for what it answers, so it can be read, EXPLAINed and reviewed as Cypher.
 * They are loaded once at start-up; a missing or empty file stops start-up. Values reach them
 * only as $parameters; relationship types only as a whitelisted $types list.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every query the API uses; the file is `${name}.cypher`. */
export const QUERY_NAMES = [
  'health.ping',
  'entities.byIds',
  'entities.byNameKeys',
  'search.fulltext',
  'relations.ofEntities',
  'neighbourhood.within',
  'paths.between',
  'events.page',
  'events.count',
  'events.inPlaces',
  'places.containers',
  'claims.about',
  'claims.ofEvents',
  'sources.all',
  'sources.byIds',
] as const;

/** The name of a catalogued query. */
export type QueryName = (typeof QUERY_NAMES)[number];

/** The loaded catalogue: name → Cypher text. */
export type Queries = Readonly<Record<QueryName, string>>;

/** cypher/queries in this checkout. */
export const QUERIES_DIR = path.resolve(import.meta.dirname, '../../cypher/queries');

/** Thrown when the catalogue on disk does not match QUERY_NAMES. */
export class QueryCatalogueError extends Error {
  override readonly name = 'QueryCatalogueError';
}

/**
 * Reads every query of QUERY_NAMES from `dir`. Throws QueryCatalogueError naming every missing
 * or empty file; files not in QUERY_NAMES are reported through `onUnused` (they are dead code).
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
      return [name, text ?? ''] as const;
    }),
  );
  if (problems.length > 0) throw new QueryCatalogueError(`query catalogue incomplete:\n  ${problems.join('\n  ')}`);
  const known = new Set<string>(QUERY_NAMES.map((n) => `${n}.cypher`));
  for (const f of await readdir(dir)) if (f.endsWith('.cypher') && !known.has(f)) onUnused(f);
  return Object.freeze(Object.fromEntries(entries)) as Queries;
}
