/**
 * Look-ahead for nested relations: when a request selects `relations(…) { other { relations(…) } }`,
 * the outer `relations` resolver can load both levels in one statement (relations.twoLevels)
 * instead of one query per level. This reads the nested field's arguments from the selection.
 * It answers only the plain case: one nested `relations` field (directly under `other`, or in an
 * inline fragment on Entity or without a type condition) with one set of arguments across the
 * outer field's nodes, and no analyst view arguments on it. Anything else (fragments on Person /
 * Group…, aliases asking different arguments, asOf/sources) returns null, and each level loads
 * on its own as before: the look-ahead may save a round trip, never change an answer.
 */
import { getArgumentValues, isInterfaceType, Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The arguments of the nested `other { relations(…) }` field, when there is exactly one such set. */
export function nestedRelationsArgs(info: GraphQLResolveInfo): Record<string, unknown> | null {
  const entity = info.schema.getType('Entity');
  if (!isInterfaceType(entity)) return null;
  const def = entity.getFields().relations;
  if (!def) return null;

  const others = info.fieldNodes.flatMap((f) => fieldsNamed(f.selectionSet, 'other', 'Relation'));
  const nested = others.flatMap((o) => fieldsNamed(o.selectionSet, 'relations', 'Entity'));
  if (nested.length === 0) return null;
  let args: Record<string, unknown> | null = null;
  for (const node of nested) {
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(def, node, info.variableValues);
    } catch {
      return null; // the nested resolver reports the error itself
    }
    if (values.asOf != null || values.sources != null) return null;
    if (args !== null && JSON.stringify(args) !== JSON.stringify(values)) return null;
    args = values;
  }
  return args;
}

/** Relation fields answered from a slim link map (id, type, date) and the direction. */
const SLIM_RELATION_FIELDS = new Set(['__typename', 'id', 'type', 'direction', 'date', 'other']);
/** Entity fields answered from a slim entity map (id, name, kind; kind also picks the type). */
const SLIM_ENTITY_FIELDS = new Set(['__typename', 'id', 'name', 'kind']);

/**
 * True when the outer `relations` field's whole selection — its links, the entities they reach,
 * those entities' nested `relations` and the entities at the far end — reads only the fields a
 * slim projection carries (SLIM_RELATION_FIELDS, SLIM_ENTITY_FIELDS, and the nested `relations`
 * at the first level). Then relations.twoLevels projects just those properties (`$slim`). Any
 * other field anywhere below, or a fragment it cannot see into, means the full maps.
 */
export function slimSelection(info: GraphQLResolveInfo): boolean {
  const fragments = info.fragments;
  const level = (sets: (SelectionSetNode | undefined)[], allowed: Set<string>, then: ((f: FieldNode) => boolean) | null, nestedName?: string): boolean => {
    for (const set of sets) {
      for (const f of allFields(set, fragments)) {
        if (f === null) return false;
        const name = f.name.value;
        if (name === nestedName) {
          if (!nestedOk(f)) return false;
        } else if (!allowed.has(name)) return false;
        else if (name === 'other' && then && !then(f)) return false;
      }
    }
    return true;
  };
  // Level 2: links of a reached entity, whose `other` may read only slim entity fields.
  const nestedOk = (rel: FieldNode) =>
    level([rel.selectionSet], SLIM_RELATION_FIELDS, (other) => level([other.selectionSet], SLIM_ENTITY_FIELDS, null));
  // Level 1: the outer links; their `other` may also ask the nested `relations`.
  return level(info.fieldNodes.map((f) => f.selectionSet), SLIM_RELATION_FIELDS,
    (other) => level([other.selectionSet], SLIM_ENTITY_FIELDS, null, 'relations'));
}

/**
 * Every field of a selection set, through inline fragments and named fragments of any type
 * condition (a field on Person is read from the same slim map as one on Entity); null in the list
 * when a fragment is not found.
 */
function allFields(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): (FieldNode | null)[] {
  if (!set) return [];
  const out: (FieldNode | null)[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) out.push(...allFields(s.selectionSet, fragments, seen));
    else {
      const frag = fragments[s.name.value];
      if (!frag || seen.has(s.name.value)) { out.push(null); continue; }
      out.push(...allFields(frag.selectionSet, fragments, new Set([...seen, s.name.value])));
    }
  }
  return out;
}

/**
 * Fields called `name` in a selection set: directly, or in inline fragments whose type condition is
 * absent or `onType`. Named fragments and other type conditions are not followed: a field missed
 * only costs its own round trip, as what the look-ahead loads goes into the loader of exactly the
 * arguments it read (src/resolvers/loaders.ts), never into another's.
 */
function fieldsNamed(set: SelectionSetNode | undefined, name: string, onType: string): FieldNode[] {
  if (!set) return [];
  const out: FieldNode[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD && s.name.value === name) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT && (!s.typeCondition || s.typeCondition.name.value === onType)) {
      out.push(...fieldsNamed(s.selectionSet, name, onType));
    }
  }
  return out;
}
