// How many events match the filter (the totalCount of events.page.cypher; same filter, no cursor).
MATCH (e:Event)
WHERE (size($types) = 0 OR e.eventType IN $types)
  AND (size($subEventTypes) = 0 OR e.subEventType IN $subEventTypes)
  AND ($from IS NULL OR e.endDate >= date($from))
  AND ($to IS NULL OR e.startDate <= date($to))
  AND ($placeIds IS NULL OR EXISTS {
        MATCH (e)-[:OCCURRED_IN]->(:Place)-[:LOCATED_IN*0..8]->(p:Place) WHERE p.id IN $placeIds })
  AND ($participantIds IS NULL
       OR EXISTS { MATCH (e)<-[:PARTICIPATED_IN]-(x:Entity) WHERE x.id IN $participantIds }
       OR EXISTS { MATCH (x:Entity)-[r]-(:Entity) WHERE x.id IN $participantIds AND r.event = e.id })
RETURN count(e) AS total
