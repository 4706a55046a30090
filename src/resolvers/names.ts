/**
 * Turning names typed by users into entities. A name matches an entity when its name key
 * (src/text/normalizeName.ts: case, diacritics, apostrophes, hyphens, articles, transliteration
 * variants folded) equals the key of the entity's name or one of its aliases. All names of one
 * request go to the database in ONE query. No match → NOT_FOUND with near names from full-text
 * search; several → AMBIGUOUS_NAME listing the candidates.
 */
import { exactTermQuery, fuzzySearchQuery } from '../cypher/lucene.js';
import { AppError, ErrorCode } from '../errors/index.js';
import type { RequestContext } from './context.js';
import { nameArg } from './args.js';
import { toEntity, type EntityNode } from './model.js';

/** A name argument to resolve: which argument it came from, and its text. */
export interface NameArg {
  argument: string;
  text: string;
}

const candidate = (e: EntityNode) => ({ id: e.id, kind: e.kind, name: e.name });

/** Entities per name key, for the given keys, in one query. */
async function entitiesByKeys(ctx: RequestContext, keys: readonly string[], operation: string): Promise<Map<string, EntityNode[]>> {
  const unique = [...new Set(keys)];
  const byKey = new Map<string, EntityNode[]>(unique.map((k) => [k, []]));
  if (unique.length === 0) return byKey;
  const rows = await ctx.read('entities.byNameKeys', { lookups: unique.map((key) => ({ key, query: exactTermQuery(key) })) }, operation);
  for (const row of rows) {
    const e = toEntity(row.entity);
    byKey.get(String(row.key))?.push(e);
  }
  ctx.loaders.primeEntities([...byKey.values()].flat());
  return byKey;
}

/**
 * Near names for a NOT_FOUND error (one extra query, only on failure). With 2 edits for long
 * words at once: this path is rare, and a name that failed exactly is the likeliest to be far off.
 */
async function suggestions(ctx: RequestContext, text: string, operation: string) {
  const query = fuzzySearchQuery(text, 2);
  if (query === null) return [];
  const rows = await ctx.read('search.fulltext', { query, kinds: [], candidates: 5, first: 5 }, operation);
  return rows.map((r) => candidate(toEntity(r.entity)));
}

/**
 * Resolves each name to exactly one entity, in one query; throws NOT_FOUND or AMBIGUOUS_NAME
 * for the first name that does not resolve.
 */
export async function resolveNames(ctx: RequestContext, names: readonly NameArg[], operation: string): Promise<EntityNode[]> {
  const keyed = names.map((n) => ({ ...n, key: nameArg(n.argument, n.text).key }));
  const found = await entitiesByKeys(ctx, keyed.map((n) => n.key), operation);
  return Promise.all(
    keyed.map(async (n) => {
      const matches = found.get(n.key) ?? [];
      if (matches.length === 1) return matches[0]!;
      if (matches.length === 0) {
        const near = await suggestions(ctx, n.text, operation);
        const hint = near.length > 0 ? ` Did you mean: ${near.map((s) => s.name).join('; ')}?` : '';
        throw new AppError(ErrorCode.NOT_FOUND, `No entity is called "${n.text}".${hint}`, { argument: n.argument, name: n.text, suggestions: near });
      }
      throw new AppError(
        ErrorCode.AMBIGUOUS_NAME,
        `"${n.text}" names ${matches.length} entities: ${matches.map((m) => `${m.name} (${m.kind}, id ${m.id})`).join('; ')}. Use a more specific name or entityById.`,
        { argument: n.argument, name: n.text, candidates: matches.map(candidate) },
      );
    }),
  );
}

/**
 * Resolves a list of names or ids where every match counts (hub exclusions): a value may be an
 * id, or a name matching one or more entities. Values matching nothing are a NOT_FOUND, so a typo
 * does not silently exclude nothing. Returns the matching ids.
 */
export async function resolveIdsOrNames(ctx: RequestContext, argument: string, values: readonly string[], operation: string): Promise<string[]> {
  if (values.length === 0) return [];
  const keyed = values.map((text) => ({ text, key: nameArg(argument, text).key }));
  const [byKey, byId] = await Promise.all([
    entitiesByKeys(ctx, keyed.map((v) => v.key), operation),
    ctx.loaders.entity.loadMany(values),
  ]);
  const ids = new Set<string>();
  for (const [i, v] of keyed.entries()) {
    const idMatch = byId[i];
    const matches = [...(byKey.get(v.key) ?? [])];
    if (idMatch && !(idMatch instanceof Error)) matches.push(idMatch);
    if (matches.length === 0) {
      throw new AppError(ErrorCode.NOT_FOUND, `"${argument}": no entity is called or has the id "${v.text}".`, { argument, name: v.text, suggestions: await suggestions(ctx, v.text, operation) });
    }
    for (const m of matches) ids.add(m.id);
  }
  return [...ids];
}
