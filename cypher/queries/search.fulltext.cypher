// Ranked full-text search over names and aliases (index `entity_names`, standard-folding analyzer).
// $query: a Lucene query built from user text with every special character escaped (src/cypher/lucene.ts).
// $kinds: entity kinds to keep ([] keeps all); $candidates: hits read from the index before the
// kind filter; $first: hits returned.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $candidates}) YIELD node, score
WHERE size($kinds) = 0 OR node.kind IN $kinds
RETURN node {.*, lookupKeys: null} AS entity, score
ORDER BY score DESC, node.id
LIMIT $first
