// How many links of each relationship type each entity in $ids has, outgoing and incoming, read
// from the degree store (no link is read). For hubs only (relations.ofEntities says which): the
// loader (src/resolvers/denseRelations.ts) reads from these which types it must fetch to fill
// `first`, then fetches just those with relations.ofDenseEntitiesOfType.
//
// A template: src/cypher/queries.ts repeats each block between `{{#each relationType ","}}` and
// `{{/each}}` once per relationship type, in RELATION_TYPES_SORTED order, joined by commas, so
// outDegrees[i] and inDegrees[i] are the counts of RELATION_TYPES_SORTED[i]. A count may exceed
// what relations.ofDenseEntitiesOfType returns (it counts links to any node), never fall short.
// Why not one query with a branch per type: 52 UNION branches took Neo4j 10–30 s to plan at 1M;
// this plans in about a second, and each per-type query in under 0.1 s.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, [
  // {{#each relationType ","}}
  COUNT { (n)-[:{{relationType}}]->() }
  // {{/each}}
] AS outDegrees, [
  // {{#each relationType ","}}
  COUNT { (n)<-[:{{relationType}}]-() }
  // {{/each}}
] AS inDegrees
