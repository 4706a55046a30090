/**
 * Entity.relations for hubs (entities with more than DENSE_DEGREE links): the rows of
 * relations.ofEntities — ordered by type, date, the other entity's name and the link's id, at most
 * `first` — without sorting all of a hub's links. The degree store says how many links of each
 * type and direction every hub has (relations.denseDegrees, no link read); walking the requested
 * types in ORDER BY type(r) order, only the types needed to fill `first` are fetched, each by its
 * own static-type query (relations.ofDenseEntitiesOfType:<TYPE>, which reads only that type's
 * links), all types of a round at once. A degree counts links to any node, so it can only
 * overstate what a type yields: a hub left short after a round asks for its next types.
 */
import type { Row } from '../db/executor.js';
import { perTypeQuery, RELATION_TYPES_SORTED, type QueryName } from '../cypher/queries.js';
import { rowList } from './model.js';

type Read = (query: QueryName, params: Record<string, unknown>, operation: string) => Promise<Row[]>;

export interface DenseParams {
  types: readonly string[];
  direction: 'OUT' | 'IN' | 'BOTH';
  first: number;
  /** Project only the slim fields (src/resolvers/lookahead.ts `slimSelection`). */
  slim?: boolean;
}

interface HubState {
  /** Requested types with links in the direction asked, in ORDER BY type(r) order. */
  candidates: string[];
  degree: Map<string, number>;
  /** Index of the first candidate not fetched yet. */
  next: number;
  items: unknown[];
}

/** The `relations` list items (as relations.ofEntities returns them) of each hub in `ids`. */
export async function denseRelations(read: Read, ids: readonly string[], p: DenseParams): Promise<Map<string, unknown[]>> {
  const wanted = new Set(p.types);
  const hubs = new Map<string, HubState>();
  for (const row of await read('relations.denseDegrees', { ids }, 'Entity.relations')) {
    const out = row.outDegrees as number[];
    const inc = row.inDegrees as number[];
    const degree = new Map<string, number>();
    RELATION_TYPES_SORTED.forEach((t, i) => {
      const d = p.direction === 'OUT' ? out[i]! : p.direction === 'IN' ? inc[i]! : out[i]! + inc[i]!;
      if (wanted.has(t) && d > 0) degree.set(t, d);
    });
    hubs.set(String(row.id), { candidates: [...degree.keys()], degree, next: 0, items: [] });
  }

  let open = [...hubs.entries()];
  while (open.length > 0) {
    // This round: for each hub, its next types until their degrees could fill `first`.
    const asked = new Map<string, string[]>(); // type → hub ids
    const roundTypes = new Map<string, string[]>(); // hub id → types, in order
    for (const [id, h] of open) {
      const types: string[] = [];
      let expect = h.items.length;
      while (h.next < h.candidates.length && expect < p.first) {
        const t = h.candidates[h.next++]!;
        types.push(t);
        expect += h.degree.get(t)!;
        asked.set(t, [...(asked.get(t) ?? []), id]);
      }
      roundTypes.set(id, types);
    }
    const fetched = new Map<string, unknown[]>(); // `${type}|${id}` → items
    await Promise.all([...asked].map(async ([t, typeIds]) => {
      const rows = await read(perTypeQuery('relations.ofDenseEntitiesOfType', t), { ids: typeIds, direction: p.direction, first: p.first, slim: p.slim === true }, 'Entity.relations');
      for (const row of rows) fetched.set(`${t}|${String(row.id)}`, rowList(row, 'relations'));
    }));
    for (const [id, types] of roundTypes) {
      const h = hubs.get(id)!;
      for (const t of types) h.items.push(...(fetched.get(`${t}|${id}`) ?? []));
      if (h.items.length > p.first) h.items.length = p.first;
    }
    open = open.filter(([, h]) => h.items.length < p.first && h.next < h.candidates.length);
  }
  return new Map([...hubs].map(([id, h]) => [id, h.items]));
}
