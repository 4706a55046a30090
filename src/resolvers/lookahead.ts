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
import { getArgumentValues, isInterfaceType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

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
