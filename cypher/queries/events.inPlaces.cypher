// For each place in $ids, the events that occurred in it or in any place inside it (LOCATED_IN,
// transitively), ordered by start date then id, at most $first per place.
// $sourceIds: documents admitted by the analyst view, or null: an event counts when one of the
// documents stating it or its links (e.knownIn) is admitted.
UNWIND $ids AS id
MATCH (p:Place {id: id})
CALL (p) {
  MATCH (e:Event)-[:OCCURRED_IN]->(:Place)-[:LOCATED_IN*0..8]->(p)
  WITH DISTINCT e
  WHERE ($sourceIds IS NULL OR any(s IN e.knownIn WHERE s IN $sourceIds))
  ORDER BY e.startDate, e.id
  LIMIT $first
  RETURN collect(e {.*}) AS events
}
RETURN id, events
