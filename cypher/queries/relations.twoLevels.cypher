// Entity.relations and, in the same statement, the relations of every entity those reach: what a
// selection `relations(…) { other { relations(…) } }` asks for (src/resolvers/lookahead.ts sees
// it), in one round trip instead of two. Level 1: the links of each entity in $ids, as
// relations.ofEntities ($types, $direction, $first; ordered by type, date, the other entity's
// name, the link's id). Level 2: for each linked entity, its links by $types2, $direction2,
// $first2, in the same order. A hub (more than $denseDegree links, read from the degree store) is
// never sorted here: a hub in $ids comes back `dense: true` with no relations, a hub reached at
// level 1 with `dense: true` and no level-2 list; the loader asks the hub path for those
// (src/resolvers/denseRelations.ts).
// $slim: the selection reads only the links' id, type, direction and date and the entities' id,
// name and kind (src/resolvers/lookahead.ts decides), so only those are projected: the full maps
// were ~4× the bytes (44 kB a call at 20k), and decoding them cost the API more than the sort.
// `lookupKeys` (the name index's terms, never an answer) is left out of the full maps too.
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
  CALL (other) {
    WITH other, COUNT { (other)--() } > $denseDegree AS otherDense
    CALL (other, otherDense) {
      WITH other WHERE NOT otherDense
      MATCH (other)-[r2]-(o2:Entity)
      WHERE type(r2) IN $types2
        AND CASE $direction2 WHEN 'OUT' THEN startNode(r2) = other WHEN 'IN' THEN endNode(r2) = other ELSE true END
      WITH r2, o2, startNode(r2) = other AS outgoing2
      ORDER BY type(r2), r2.date, o2.name, r2.id
      LIMIT $first2
      RETURN collect(CASE WHEN $slim
        THEN {rel: r2 {.id, .date, type: type(r2)}, outgoing: outgoing2, other: o2 {.id, .name, .kind}}
        ELSE {rel: r2 {.*, type: type(r2)}, outgoing: outgoing2, other: o2 {.*, lookupKeys: null}} END) AS relations2
    }
    RETURN otherDense, relations2
  }
  RETURN collect(CASE WHEN $slim
    THEN {rel: r {.id, .date, type: type(r)}, outgoing: outgoing, other: other {.id, .name, .kind}, dense: otherDense, relations: relations2}
    ELSE {rel: r {.*, type: type(r)}, outgoing: outgoing, other: other {.*, lookupKeys: null}, dense: otherDense, relations: relations2} END) AS relations
}
RETURN id, dense, relations
