/**
 * The cost model: what a field costs, in estimated bytes of the answer (plus, for fields that run
 * a Cypher query, the work that query does, in the same unit). The cost of a query is the sum over
 * its fields of `key + value`, where a list multiplies its items' cost by its largest length:
 * - a paginated list (`first`) by its page size, read through `pageSize` (src/resolvers/args.ts),
 *   the very function the resolvers use, so an omitted or `null` `first` weighs as its default;
 * - a list without `first` by its maximum length from LIST_MAX (the resolver's own cap where it
 *   has one, else a generous bound over the curated data, checked by tests/unit/api/costModel.test.ts);
 * - a large text (`Source.text`, quotes, descriptions) by its maximum size from VALUE_BYTES.
 *
 * A new field gets a weight without anyone writing one: scalars by their type (DEFAULT_BYTES),
 * lists by DEFAULT_LIST_MAX (deliberately large, so an unlisted list is expensive rather than
 * free), page sizes of unlisted `first` arguments by their coerced value. Add an entry here when
 * the default is wrong for it (docs/security.md, "Adding a field or a route").
 */
import { getNamedType, isLeafType, isListType, isNonNullType, isObjectType, isInterfaceType, type GraphQLOutputType, type GraphQLCompositeType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { LIMITS, PAGE_SIZES, pageSize, type PagedField } from '../resolvers/args.js';

/** Bytes of one value of a scalar type, when VALUE_BYTES has nothing for the field. */
const DEFAULT_BYTES: Record<string, number> = { ID: 128, String: 256, Int: 16, Float: 24, Boolean: 6 };
/** Enums and unknown scalars. */
const OTHER_LEAF_BYTES = 32;

/** Largest value of a field, in bytes of JSON, where larger than its type's default. */
export const VALUE_BYTES: Record<string, number> = {
  'Source.text': 64 * 1024,
  'Source.note': 1_024,
  'Source.title': 512,
  'Citation.quote': 1_024,
  'Entity.description': 1_024,
  'Claim.description': 1_024,
  'Relation.note': 1_024,
  'SearchHit.matchedName': 512,
};

/** Largest length of a list field that takes no `first`. */
export const LIST_MAX: Record<string, number> = {
  'Query.sources': 20,
  'Query.claims': 500,
  'Entity.citations': 16,
  'Relation.citations': 16,
  'Participant.citations': 16,
  'GraphEdge.citations': 16,
  'PathStep.citations': 32,
  'Claim.citations': 16,
  'Entity.aliases': 32,
  'Person.roles': 16,
  'Person.groups': 100,
  'Person.relatives': 50,
  'Group.leaders': 50,
  'Group.members': 200,
  'Place.parents': 16,
  'Place.children': 200,
  'Event.places': 32,
  'Event.subEvents': 200,
  'Event.participants': 100,
  'Event.claims': 50,
  'Claim.conflictsWith': 20,
  'Subgraph.nodes': LIMITS.neighbourhoodFirst.max,
  'Subgraph.edges': LIMITS.neighbourhoodMaxEdges,
  'Path.steps': LIMITS.pathsMaxHops.max,
  'PathSearch.paths': LIMITS.pathsFirst.max,
  'PathSearch.collapsed': LIMITS.pathsCollapsed,
  'PathStep.linkIds': 16,
  'EventConnection.edges': LIMITS.eventsFirst.max,
  // Casualty aggregates (src/analysis/casualties.ts): buckets are months, weeks, places, actors,
  // victim groups, claimants or event types of the seed's figures, each with its claims.
  'CasualtySummary.victims': 8,
  'CasualtySummary.buckets': 200,
  'CasualtyBucket.claimants': 20,
  'CasualtyBucket.claims': 100,
};

/** A list field with neither an entry above nor a `first`: assume it is long. */
export const DEFAULT_LIST_MAX = 1_000;

type Args = Record<string, unknown>;
const int = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isInteger(v) ? v : fallback);
/** An argument within its range: out-of-range values are the resolver's BAD_USER_INPUT, not a cost. */
const within = (v: unknown, range: { min: number; max: number }, fallback: number) => Math.min(range.max, Math.max(range.min, int(v, fallback)));

/**
 * The database work of fields that run a query of their own, in the bytes unit: it grows with
 * how far a traversal may go, which the answer's size does not show (`neighbourhood(depth: 3)
 * { truncated }` answers one Boolean).
 */
export const QUERY_WORK: Record<string, (args: Args) => number> = {
  'Query.entity': () => 2_000,
  'Query.entityById': () => 1_000,
  'Query.search': () => 5_000,
  'Query.neighbourhood': (a) =>
    // ×5 at most for the largest maxDegree: the whole documented range stays affordable alone.
    2 * 10 ** (within(a.depth, LIMITS.neighbourhoodDepth, 1) + 3) * Math.max(1, within(a.maxDegree, LIMITS.neighbourhoodMaxDegree, 500) / 2_000),
  'Query.paths': (a) => 2 * 10 ** within(a.maxHops, LIMITS.pathsMaxHops, 4),
  // The paths and the rings around both ends that find what they did not pass through.
  'Query.pathSearch': (a) => 4 * 10 ** within(a.maxHops, LIMITS.pathsMaxHops, 4),
  'Query.events': () => 10_000,
  'Query.claims': () => 20_000,
  'Entity.relations': () => 1_000,
};

/** The entry of `table` for `type.field`, or for the same field of an interface the type implements. */
function lookup<T>(table: Record<string, T>, type: GraphQLCompositeType, field: string): T | undefined {
  const own = table[`${type.name}.${field}`];
  if (own !== undefined || !(isObjectType(type) || isInterfaceType(type))) return own;
  for (const i of type.getInterfaces()) {
    const inherited = table[`${i.name}.${field}`];
    if (inherited !== undefined) return inherited;
  }
  return undefined;
}

/** The paged coordinate of `type.field` (its own, or its interface's), if it has one. */
function pagedField(type: GraphQLCompositeType, field: string): PagedField | undefined {
  return lookup<{ key: PagedField }>(Object.fromEntries(Object.keys(PAGE_SIZES).map((k) => [k, { key: k as PagedField }])), type, field)?.key;
}

/** How many items a list field may hold, given its coerced arguments. */
function listLength(type: GraphQLCompositeType, field: string, args: Args): number {
  const paged = pagedField(type, field);
  if (paged) {
    try {
      return pageSize(paged, args.first as number | null | undefined);
    } catch {
      return PAGE_SIZES[paged].max; // out of range: the resolver refuses it; weigh as the largest
    }
  }
  const max = lookup(LIST_MAX, type, field);
  if (max !== undefined) return max;
  return 'first' in args ? Math.max(1, int(args.first, DEFAULT_LIST_MAX)) : DEFAULT_LIST_MAX;
}

/** Whether a field's type is a list (through non-null wrappers). */
function isList(t: GraphQLOutputType): boolean {
  return isListType(isNonNullType(t) ? t.ofType : t);
}

/** The estimator for graphql-query-complexity implementing the model above. */
export const bytesEstimator: ComplexityEstimator = ({ type, field, node, args, childComplexity }) => {
  const key = (node.alias ?? node.name).value.length + 4; // "key": and a comma
  // Introspection is weighed as written (its lists are the schema's size, which is fixed).
  if (type.name.startsWith('__') || field.name.startsWith('__')) return key + childComplexity;
  const named = getNamedType(field.type);
  const item = isLeafType(named)
    ? (lookup(VALUE_BYTES, type, field.name) ?? DEFAULT_BYTES[named.name] ?? OTHER_LEAF_BYTES)
    : 2 + childComplexity; // {} around the selection
  const work = lookup(QUERY_WORK, type, field.name)?.(args) ?? 0;
  const n = isList(field.type) ? listLength(type, field.name, args) : 1;
  return key + work + n * (item + 1);
};
