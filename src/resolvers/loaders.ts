/**
 * Per-request batch loaders: the reason no field causes N+1 queries. Every nested field that needs
 * the database asks a loader for one key; a loader collects all keys asked for in the same tick
 * (all items of a list at one level of the selection) and answers them with ONE query that
 * UNWINDs the keys. So a request costs one query per (field, arguments) per nesting level,
 * however many results each level has.
 */
import DataLoader from 'dataloader';
import type { Row } from '../db/executor.js';
import type { QueryName } from '../cypher/queries.js';
import {
  rowList, toClaim, toEntity, toRelation, toSource,
  type ClaimModel, type EntityNode, type RelationModel, type SourceNode,
} from './model.js';
import { markConflicts } from './claimOrder.js';
import { FULL_VIEW, inView, viewKey, type View } from './view.js';
import { denseRelations } from './denseRelations.js';

type Read = (query: QueryName, params: Record<string, unknown>, operation: string) => Promise<Row[]>;

/**
 * Entities with more links than this get theirs type by type (src/resolvers/denseRelations.ts, so
 * a hub's 200k links of one type are not all sorted to keep 10), in further queries that only run
 * when a batch holds such an entity; the rest from relations.ofEntities in one MATCH. At 1,000
 * links the one-MATCH sort still takes a few milliseconds.
 */
export const DENSE_DEGREE = 1_000;

/** Which links a relations loader fetches. */
export interface RelationsKey {
  types: readonly string[];
  direction: 'OUT' | 'IN' | 'BOTH';
  first: number;
  /** The analyst view (src/resolvers/view.ts); absent: no filter. */
  view?: View;
  /**
   * The selection reads only slim fields (src/resolvers/lookahead.ts): a separate cache, whose
   * entities are marked `slim` and never primed as whole entities. It may hold full lists too.
   */
  slim?: boolean;
}

/** The loaders of one request. */
export interface Loaders {
  /** Entity by id (null when absent). */
  entity: DataLoader<string, EntityNode | null>;
  /** Document by id (null when absent). */
  source: DataLoader<string, SourceNode | null>;
  /** Links of an entity, one loader per distinct (types, direction, first). */
  relations(key: RelationsKey): DataLoader<string, RelationModel[]>;
  /**
   * Links of an entity by `outer`, loaded in one statement with the links by `inner` of every
   * entity they reach (relations.twoLevels); those go into `relations(inner)`'s cache, so the
   * nested field finds them without a query. Full view only (no asOf/sources on either level).
   */
  relationsWithNested(outer: RelationsKey, inner: RelationsKey): DataLoader<string, RelationModel[]>;
  /** True when `relations(key)` already holds the links of `id` (loaded or primed). */
  relationsKnown(key: RelationsKey, id: string): boolean;
  /** Every document (one query per request, only when asked for). */
  allSources(): Promise<SourceNode[]>;
  /** The places a place lies inside, nearest first (over links visible in the view). */
  placeContainers(view?: View): DataLoader<string, EntityNode[]>;
  /** Events in or inside a place, one loader per page size and view. */
  placeEvents(first: number, view?: View): DataLoader<string, EntityNode[]>;
  /** Figures about an event. */
  eventClaims: DataLoader<string, ClaimModel[]>;
  /** Entities a document mentions, one loader per (kinds, first). */
  sourceEntities(kinds: readonly string[], first: number): DataLoader<string, EntityNode[]>;
  /** Links between entities a document states, one loader per page size. */
  sourceRelationships(first: number): DataLoader<string, (RelationModel & { from: string; to: string })[]>;
  /** Figures a document states. */
  sourceClaims: DataLoader<string, ClaimModel[]>;
  /** Records entities some query already returned, so later `entity` loads need no query. */
  primeEntities(nodes: Iterable<EntityNode>): void;
}

/** Results in key order, as DataLoader requires. */
function byKey<V>(keys: readonly string[], found: Map<string, V>, missing: () => V): V[] {
  return keys.map((k) => found.get(k) ?? missing());
}

/** New, empty loaders running their batches through `read`. */
export function createLoaders(read: Read): Loaders {
  // Batches of distinct keys only; DataLoader also caches per request.
  const options = { maxBatchSize: 1_000 };

  const entity = new DataLoader<string, EntityNode | null>(async (ids) => {
    const rows = await read('entities.byIds', { ids }, 'Entity.load');
    const found = new Map(rows.map((r) => toEntity(r.entity)).map((e) => [e.id, e] as const));
    return byKey<EntityNode | null>(ids, found, () => null);
  }, options);

  const primeEntities = (nodes: Iterable<EntityNode>) => {
    for (const n of nodes) entity.prime(n.id, n);
  };

  const source = new DataLoader<string, SourceNode | null>(async (ids) => {
    const rows = await read('sources.byIds', { ids }, 'Source.load');
    const found = new Map(rows.map((r) => toSource(r.source)).map((s) => [s.id, s] as const));
    return byKey<SourceNode | null>(ids, found, () => null);
  }, options);

  /**
   * Relation models from the `relations` list items of a relations query, priming their entities
   * (not when slim: those entities may lack properties, so they are marked and kept out of `entity`).
   */
  const toRelations = (items: readonly unknown[], view: View, slim = false): RelationModel[] => {
    const list = items.map((item) => {
      const m = item as Record<string, unknown>;
      const other = toEntity(m.other as never);
      if (slim) other.slim = true;
      return toRelation(m.rel as never, m.outgoing === true, other);
    });
    if (!slim) primeEntities(list.map((r) => r.other));
    // Under a view, the links and the entities they reach answer their own fields under it.
    if (view.sourceIds !== null) for (const r of list) Object.assign(r, { view, other: inView(r.other, view) });
    return list;
  };

  const relationsCacheKey = (key: RelationsKey) =>
    JSON.stringify([[...key.types].sort(), key.direction, key.first, viewKey(key.view ?? FULL_VIEW), key.slim === true]);
  const relationLoaders = new Map<string, DataLoader<string, RelationModel[]>>();
  /** Ids each relations loader holds (DataLoader cannot say). */
  const relationsHeld = new Map<string, Set<string>>();
  const relations = (key: RelationsKey) => {
    const view = key.view ?? FULL_VIEW;
    const cacheKey = relationsCacheKey(key);
    let loader = relationLoaders.get(cacheKey);
    if (!loader) {
      const held = new Set<string>();
      relationsHeld.set(cacheKey, held);
      loader = new DataLoader<string, RelationModel[]>(async (ids) => {
        for (const id of ids) held.add(id);
        const params = { types: key.types, direction: key.direction, first: key.first };
        let rows: Row[];
        let dense = new Map<string, unknown[]>();
        if (view.sourceIds !== null) {
          rows = await read('relations.ofEntitiesInView', { ids, ...params, sourceIds: view.sourceIds }, 'Entity.relations');
        } else {
          rows = await read('relations.ofEntities', { ids, ...params, denseDegree: DENSE_DEGREE }, 'Entity.relations');
          const denseIds = rows.filter((row) => row.dense === true).map((row) => String(row.id));
          if (denseIds.length > 0) dense = await denseRelations(read, denseIds, params);
        }
        const found = new Map<string, RelationModel[]>();
        const slim = key.slim === true;
        for (const r of rows) if (r.dense !== true) found.set(String(r.id), toRelations(rowList(r, 'relations'), view, slim));
        for (const [id, items] of dense) found.set(id, toRelations(items, view, slim));
        return byKey(ids, found, () => []);
      }, options);
      relationLoaders.set(cacheKey, loader);
    }
    return loader;
  };
  const relationsKnown = (key: RelationsKey, id: string) => relationsHeld.get(relationsCacheKey(key))?.has(id) ?? false;

  const nestedLoaders = new Map<string, DataLoader<string, RelationModel[]>>();
  const relationsWithNested = (outer: RelationsKey, inner: RelationsKey) => {
    const cacheKey = JSON.stringify([relationsCacheKey(outer), relationsCacheKey(inner)]);
    let loader = nestedLoaders.get(cacheKey);
    if (!loader) {
      loader = new DataLoader<string, RelationModel[]>(async (ids) => {
        const rows = await read('relations.twoLevels', {
          ids, types: outer.types, direction: outer.direction, first: outer.first,
          types2: inner.types, direction2: inner.direction, first2: inner.first, denseDegree: DENSE_DEGREE,
          slim: outer.slim === true && inner.slim === true,
        }, 'Entity.relations');
        const slim = outer.slim === true && inner.slim === true;
        const innerLoader = relations(inner);
        const innerHeld = relationsHeld.get(relationsCacheKey(inner))!;
        const found = new Map<string, RelationModel[]>();
        const innerHubs = new Set<string>();
        for (const row of rows) {
          if (row.dense === true) continue; // a hub: the hub path below
          const items = rowList(row, 'relations') as Record<string, unknown>[];
          found.set(String(row.id), toRelations(items, FULL_VIEW, slim));
          for (const item of items) {
            const otherId = String((item.other as Record<string, unknown>).id);
            if (innerHeld.has(otherId)) continue;
            innerHeld.add(otherId);
            if (item.dense === true) innerHubs.add(otherId); // a hub reached at level 1: no list here
            else innerLoader.prime(otherId, toRelations(rowList(item as Row, 'relations'), FULL_VIEW, slim));
          }
        }
        // Hubs, straight to the hub path (relations.ofEntities would only say they are hubs again):
        // those in `ids` by the outer key, those reached by the inner one, both at once.
        const hubs = rows.filter((r) => r.dense === true).map((r) => String(r.id));
        const param = (k: RelationsKey) => ({ types: k.types, direction: k.direction, first: k.first, slim });
        const [outerHubLists, innerHubLists] = await Promise.all([
          hubs.length > 0 ? denseRelations(read, hubs, param(outer)) : new Map<string, unknown[]>(),
          innerHubs.size > 0 ? denseRelations(read, [...innerHubs], param(inner)) : new Map<string, unknown[]>(),
        ]);
        for (const [id, items] of outerHubLists) found.set(id, toRelations(items, FULL_VIEW, slim));
        for (const [id, items] of innerHubLists) innerLoader.prime(id, toRelations(items, FULL_VIEW, slim));
        // The outer lists also belong in relations(outer)'s cache (the same answer).
        const outerLoader = relations(outer);
        const outerHeld = relationsHeld.get(relationsCacheKey(outer))!;
        for (const [id, list] of found) if (!outerHeld.has(id)) { outerHeld.add(id); outerLoader.prime(id, list); }
        return byKey(ids, found, () => []);
      }, options);
      nestedLoaders.set(cacheKey, loader);
    }
    return loader;
  };

  let sourcesOnce: Promise<SourceNode[]> | undefined;
  const allSources = () =>
    (sourcesOnce ??= read('sources.all', {}, 'Source.all').then((rows) => {
      const list = rows.map((r) => toSource(r.source));
      for (const s of list) source.prime(s.id, s);
      return list;
    }));

  const containerLoaders = new Map<string, DataLoader<string, EntityNode[]>>();
  const placeContainers = (view: View = FULL_VIEW) => {
    let loader = containerLoaders.get(viewKey(view));
    if (!loader) {
      loader = new DataLoader<string, EntityNode[]>(async (ids) => {
        const rows = await read('places.containers', { ids, sourceIds: view.sourceIds }, 'Place.parents');
        const found = new Map(rows.map((r) => [String(r.id), rowList(r, 'containers').map(toEntity)] as const));
        for (const list of found.values()) primeEntities(list);
        for (const [id, list] of found) found.set(id, list.map((e) => inView(e, view)));
        return byKey(ids, found, () => []);
      }, options);
      containerLoaders.set(viewKey(view), loader);
    }
    return loader;
  };

  const placeEventLoaders = new Map<string, DataLoader<string, EntityNode[]>>();
  const placeEvents = (first: number, view: View = FULL_VIEW) => {
    const cacheKey = `${first}|${viewKey(view)}`;
    let loader = placeEventLoaders.get(cacheKey);
    if (!loader) {
      loader = new DataLoader<string, EntityNode[]>(async (ids) => {
        const rows = await read('events.inPlaces', { ids, first, sourceIds: view.sourceIds }, 'Place.events');
        const found = new Map(rows.map((r) => [String(r.id), rowList(r, 'events').map(toEntity)] as const));
        for (const list of found.values()) primeEntities(list);
        for (const [id, list] of found) found.set(id, list.map((e) => inView(e, view)));
        return byKey(ids, found, () => []);
      }, options);
      placeEventLoaders.set(cacheKey, loader);
    }
    return loader;
  };

  const eventClaims = new DataLoader<string, ClaimModel[]>(async (ids) => {
    const rows = await read('claims.ofEvents', { ids }, 'Event.claims');
    const found = new Map<string, ClaimModel[]>();
    for (const row of rows) {
      const id = String(row.id);
      const list = found.get(id) ?? [];
      list.push(toClaim(row.claim));
      found.set(id, list);
    }
    for (const [id, list] of found) found.set(id, markConflicts(list));
    return byKey(ids, found, () => []);
  }, options);

  const memo = <K, V>(make: (key: K) => V) => {
    const made = new Map<string, V>();
    return (key: K) => {
      const k = JSON.stringify(key);
      if (!made.has(k)) made.set(k, make(key));
      return made.get(k)!;
    };
  };
  const sourceEntityLoader = memo(([kinds, first]: [readonly string[], number]) =>
    new DataLoader<string, EntityNode[]>(async (ids) => {
      const rows = await read('sources.entities', { ids, kinds, first }, 'Source.entities');
      const found = new Map(rows.map((r) => [String(r.id), rowList(r, 'entities').map(toEntity)] as const));
      for (const list of found.values()) primeEntities(list);
      return byKey(ids, found, () => []);
    }, options));
  const sourceEntities = (kinds: readonly string[], first: number) => sourceEntityLoader([[...kinds].sort(), first]);
  const sourceRelationships = memo((first: number) =>
    new DataLoader<string, (RelationModel & { from: string; to: string })[]>(async (ids) => {
      const rows = await read('sources.relationships', { ids, first }, 'Source.relationships');
      const found = new Map(rows.map((r) => [String(r.id), rowList(r, 'relationships').map((x) => {
        const m = x as Record<string, never>;
        return { ...toRelation(m, true, toEntity({ id: String(m.to) })), from: String(m.from), to: String(m.to) };
      })] as const));
      return byKey(ids, found, () => []);
    }, options));
  const sourceClaims = new DataLoader<string, ClaimModel[]>(async (ids) => {
    const rows = await read('sources.claims', { ids }, 'Source.claims');
    const found = new Map<string, ClaimModel[]>();
    for (const row of rows) found.set(String(row.id), [...(found.get(String(row.id)) ?? []), toClaim(row.claim)]);
    for (const [id, list] of found) found.set(id, markConflicts(list));
    return byKey(ids, found, () => []);
  }, options);

  return { entity, source, relations, relationsWithNested, relationsKnown, allSources, sourceEntities, sourceRelationships, sourceClaims, placeContainers, placeEvents, eventClaims, primeEntities };
}
