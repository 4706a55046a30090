// relations.ofEntities for hubs, one relationship type at a time: the links of type
// {{relationType}} of each entity in $ids to other entities, pointing $direction ('OUT', 'IN' or
// 'BOTH') as seen from the entity, at most $first per entity, ordered by date, the other entity's
// name and the link's id (within one type, the order of relations.ofEntities).
//
// A per-type query: src/cypher/queries.ts loads one copy per relationship type of the vocabulary,
// named `relations.ofDenseEntitiesOfType:<TYPE>`, with {{relationType}} replaced (a whitelisted
// name, never user input). Why a static type: Neo4j then reads only that type's chain of a dense
// node (a dynamic `[r:$(t)]` expands all of a hub's links and filters: 0.94M db hits for 4 types
// of a 234k-link hub, Neo4j 5.26). Which types to ask for comes from relations.denseDegrees.
// $slim: only the links' id, type, date and the entities' id, name, kind (as relations.twoLevels).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r:{{relationType}}]-(other:Entity)
  WHERE CASE $direction WHEN 'OUT' THEN startNode(r) = n WHEN 'IN' THEN endNode(r) = n ELSE true END
  WITH r, other ORDER BY r.date, other.name, r.id LIMIT $first
  RETURN collect(CASE WHEN $slim
    THEN {rel: r {.id, .date, type: type(r)}, outgoing: startNode(r) = n, other: other {.id, .name, .kind}}
    ELSE {rel: r {.*, type: type(r)}, outgoing: startNode(r) = n, other: other {.*, lookupKeys: null}} END) AS relations
}
RETURN id, relations
