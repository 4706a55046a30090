// The events an aggregate is built from, with what the grouping and the overlap rules need
// (src/analysis/casualties.ts): the events matching the filter (same filter as events.page, no
// cursor; at most $limit), each with its dates and type, the events it is PART_OF (transitively),
// its places and every place they lie inside (with placeType, for governorate/district buckets and
// place containment), its perpetrators (PARTICIPATED_IN role perpetrator), and the figures about it
// of measure $measure (victims in $victims, [] = any) that the view admits ($sourceIds, or null).
// Links followed here must be admitted by the view too.
CALL () {
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
WITH e ORDER BY e.startDate, e.id LIMIT $limit
RETURN e {
  .id, .name, .eventType, .subEventType, .placePrecision, .datePrecision, .start, .end, .description,
  .certainty, .citationSources, .citationQuotes,
  startDate: e.startDate, endDate: e.endDate,
  ancestors: [(e)-[ps:PART_OF*1..6]->(a:Event)
              WHERE $sourceIds IS NULL OR all(p IN ps WHERE any(s IN p.knownIn WHERE s IN $sourceIds)) | a.id],
  places: [(e)-[o:OCCURRED_IN]->(p:Place)
           WHERE $sourceIds IS NULL OR any(s IN o.knownIn WHERE s IN $sourceIds) |
           {id: p.id, name: p.name, placeType: p.placeType,
            within: [(p)-[:LOCATED_IN*1..8]->(q:Place) | {id: q.id, name: q.name, placeType: q.placeType}]}],
  perpetrators: [(x:Entity)-[r:PARTICIPATED_IN]->(e)
                 WHERE r.role = 'perpetrator' AND ($sourceIds IS NULL OR any(s IN r.knownIn WHERE s IN $sourceIds)) | x.name],
  participants: [(x:Entity)-[r:PARTICIPATED_IN]->(e)
                 WHERE $sourceIds IS NULL OR any(s IN r.knownIn WHERE s IN $sourceIds) | {id: x.id, name: x.name, role: r.role}],
  claims: [(c:Claim)-[:ABOUT]->(e)
           WHERE c.measure = $measure AND (size($victims) = 0 OR c.victims IN $victims)
             AND ($sourceIds IS NULL OR any(s IN c.knownIn WHERE s IN $sourceIds)) |
           c {.*, aboutId: e.id, aboutStart: e.startDate,
              claimedById: [(c)-[:CLAIMED_BY]->(x:Entity) | x.id][0],
              claimant: [(c)-[:CLAIMED_BY]->(x:Entity) | x.name][0],
              sourceId: [(c)-[:REPORTED_IN]->(s:Source) | s.id][0]}]
} AS event
ORDER BY e.startDate, e.id
