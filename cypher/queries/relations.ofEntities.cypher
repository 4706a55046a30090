// The links of each entity in $ids to other entities: relationship types in $types (a whitelisted
// list), pointing $direction ('OUT', 'IN' or 'BOTH') as seen from the entity, at most $first per
// entity, ordered by type, date, the other entity's name and the link's id.
// An entity with more than $denseDegree links (of any type; the degree store answers without
// reading them) comes back with `dense: true` and no relations: sorting all of a hub's links to
// keep $first costs ~1 s at 234k links, so the caller asks relations.ofDenseEntities for those,
// which reads one type at a time but takes Neo4j seconds to plan (so it is not used for the rest).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH id, n, COUNT { (n)--() } > $denseDegree AS dense
CALL (n, dense) {
  WITH n WHERE NOT dense
  MATCH (n)-[r]-(other:Entity)
  WHERE type(r) IN $types
    AND CASE $direction WHEN 'OUT' THEN startNode(r) = n WHEN 'IN' THEN endNode(r) = n ELSE true END
  WITH r, other, startNode(r) = n AS outgoing
  ORDER BY type(r), r.date, other.name, r.id
  LIMIT $first
  RETURN collect({rel: r {.*, type: type(r)}, outgoing: outgoing, other: other {.*, lookupKeys: null}}) AS relations
}
RETURN id, dense, relations
