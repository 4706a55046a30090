// For each place in $ids, every place it lies inside (LOCATED_IN followed transitively), nearest
// first (then by name).
// $sourceIds: documents admitted by the analyst view, or null: every LOCATED_IN link on the way
// must be stated by an admitted document.
UNWIND $ids AS id
MATCH (p:Place {id: id})
CALL (p) {
  OPTIONAL MATCH path = (p)-[:LOCATED_IN*1..8]->(a:Place)
  WHERE $sourceIds IS NULL OR all(r IN relationships(path) WHERE any(s IN r.knownIn WHERE s IN $sourceIds))
  WITH a, min(length(path)) AS hops
  ORDER BY hops, a.name
  RETURN collect(a {.*}) AS containers
}
RETURN id, containers
