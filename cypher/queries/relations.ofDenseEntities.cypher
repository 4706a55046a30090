// relations.ofEntities for entities with many links (hubs): the same rows, in the same order.
// The links of each entity in $ids to other entities: relationship types in $types (a whitelisted
// list), pointing $direction ('OUT', 'IN' or 'BOTH') as seen from the entity, at most $first per
// entity, ordered by type, date, the other entity's name and the link's id.
//
// A template: src/cypher/queries.ts repeats the block between `{{#each relationType}}` and
// `{{/each}}` once per relationship type of src/seed/vocabulary.ts, in the same alphabetical order
// as ORDER BY type(r), joined by UNION ALL, with {{relationType}} replaced by the type. Why: with a
// static type Neo4j reads only that type's chain of a dense node, and as each branch is already
// ordered, the outer LIMIT stops pulling branches once $first rows are found. One MATCH over every
// type sorted all 234k links of a hub before the LIMIT (2.6M db hits, ~1 s); a dynamic type
// (`[r:$(t)]`) still expands every link and filters (Neo4j 5.26). The price: 31 branches take
// Neo4j 2–4 s to plan (once per size bucket of $ids; warmed at start-up, src/db/warmUp.ts), too
// much to pay on every entity's links after a plan-cache flush, hence only for hubs.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  CALL (n) {
    // {{#each relationType}}
    WITH n WHERE '{{relationType}}' IN $types
    MATCH (n)-[r:{{relationType}}]-(other:Entity)
    WHERE CASE $direction WHEN 'OUT' THEN startNode(r) = n WHEN 'IN' THEN endNode(r) = n ELSE true END
    WITH r, other ORDER BY r.date, other.name, r.id LIMIT $first
    RETURN r, other
    // {{/each}}
  }
  WITH r, other LIMIT $first
  RETURN collect({rel: r {.*, type: type(r)}, outgoing: startNode(r) = n, other: other {.*}}) AS relations
}
RETURN id, relations
