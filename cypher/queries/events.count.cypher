// How many events match the filter (the totalCount of events.page.cypher; same filter, no cursor).
// $sourceIds: documents admitted by the analyst view, or null: an event counts when one of the
// documents stating it or its links (e.knownIn) is admitted.
CALL () {
  // With a place filter, start from the place and walk down its hierarchy (profiled at 1M
  // entities: 0.65M instead of 2.8M db hits; a label scan of every event otherwise).
  UNWIND coalesce($placeIds, []) AS placeId
  MATCH (:Place {id: placeId})<-[:LOCATED_IN*0..8]-(:Place)<-[:OCCURRED_IN]-(e:Event)
  RETURN DISTINCT e
  UNION ALL
  WITH 1 AS everywhere WHERE $placeIds IS NULL
  MATCH (e:Event)
  RETURN e
}
WITH e
WHERE (size($types) = 0 OR e.eventType IN $types)
  AND ($sourceIds IS NULL OR any(s IN e.knownIn WHERE s IN $sourceIds))
  AND (size($subEventTypes) = 0 OR e.subEventType IN $subEventTypes)
  AND ($from IS NULL OR e.endDate >= date($from))
  AND ($to IS NULL OR e.startDate <= date($to))
  AND ($participantIds IS NULL
       OR EXISTS { MATCH (e)<-[:PARTICIPATED_IN]-(x:Entity) WHERE x.id IN $participantIds }
       OR EXISTS { MATCH (x:Entity)-[r]-(:Entity) WHERE x.id IN $participantIds AND r.event = e.id })
RETURN count(e) AS total
