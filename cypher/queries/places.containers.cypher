// For each place in $ids, every place it lies inside (LOCATED_IN followed transitively), nearest
// first (then by name).
UNWIND $ids AS id
MATCH (p:Place {id: id})
CALL (p) {
  OPTIONAL MATCH path = (p)-[:LOCATED_IN*1..8]->(a:Place)
  WITH a, min(length(path)) AS hops
  ORDER BY hops, a.name
  RETURN collect(a {.*}) AS containers
}
RETURN id, containers
