// The links of each entity in $ids to other entities: relationship types in $types (a whitelisted
// list), pointing $direction ('OUT', 'IN' or 'BOTH') as seen from the entity, at most $first per
// entity, ordered by type, date, the other entity's name and the link's id.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(other:Entity)
  WHERE type(r) IN $types
    AND CASE $direction WHEN 'OUT' THEN startNode(r) = n WHEN 'IN' THEN endNode(r) = n ELSE true END
  WITH r, other, startNode(r) = n AS outgoing
  ORDER BY type(r), r.date, other.name, r.id
  LIMIT $first
  RETURN collect({rel: r {.*, type: type(r)}, outgoing: outgoing, other: other {.*}}) AS relations
}
RETURN id, relations
