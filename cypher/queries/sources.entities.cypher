// For each document in $ids, the entities it mentions (n.knownIn: it cites the entity or states
// one of its links or figures), of the kinds in $kinds ([] = all), by kind, name and id, at most
// $first per document (events by start date first).
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity)
  WHERE id IN n.knownIn AND (size($kinds) = 0 OR n.kind IN $kinds)
  WITH n ORDER BY n.kind, n.startDate, n.name, n.id
  LIMIT $first
  RETURN collect(n {.*}) AS entities
}
RETURN id, entities
