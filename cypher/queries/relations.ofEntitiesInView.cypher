// relations.ofEntities under an analyst view (asOf / sources; src/resolvers/view.ts): the links
// of each entity in $ids that one of the documents in $sourceIds states (r.knownIn), of the
// types in $types, pointing $direction, at most $first per entity, in the same order (type, date,
// the other entity's name, id). One MATCH for every entity, hubs included: the hub query's
// per-type branches take too long to plan with the filter in each.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(other:Entity)
  WHERE type(r) IN $types
    AND any(s IN r.knownIn WHERE s IN $sourceIds)
    AND CASE $direction WHEN 'OUT' THEN startNode(r) = n WHEN 'IN' THEN endNode(r) = n ELSE true END
  WITH r, other, startNode(r) = n AS outgoing
  ORDER BY type(r), r.date, other.name, r.id
  LIMIT $first
  RETURN collect({rel: r {.*, type: type(r)}, outgoing: outgoing, other: other {.*}}) AS relations
}
RETURN id, relations
