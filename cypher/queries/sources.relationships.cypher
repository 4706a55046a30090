// For each document in $ids, the links between entities it states (r.knownIn), by id, at most
// $first per document, each with its type and the ids of its ends.
UNWIND $ids AS id
CALL (id) {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE id IN r.knownIn
  WITH a, r, b ORDER BY r.id
  LIMIT $first
  RETURN collect(r {.*, type: type(r), from: a.id, to: b.id}) AS relationships
}
RETURN id, relationships
