// The figures (Claim nodes) about entity $aboutId — an event and its sub-events (PART_OF,
// transitively), or a place and the events in or inside it — or every claim when $aboutId is null.
// References come back as ids (about, claimedBy, source); the API loads them in batches.
// $sourceIds: documents admitted by the analyst view, or null (c.knownIn: the claim's documents).
MATCH (c:Claim)
WHERE ($sourceIds IS NULL OR any(s IN c.knownIn WHERE s IN $sourceIds))
  AND ($aboutId IS NULL OR EXISTS {
  MATCH (c)-[:ABOUT]->(e:Entity)
  WHERE e.id = $aboutId
     OR EXISTS { MATCH (e)-[:PART_OF*1..6]->(t:Event) WHERE t.id = $aboutId }
     OR EXISTS { MATCH (e)-[:OCCURRED_IN]->(:Place)-[:LOCATED_IN*0..8]->(t:Place) WHERE t.id = $aboutId }
})
RETURN c {.*,
  aboutId: [(c)-[:ABOUT]->(e:Entity) | e.id][0],
  aboutStart: [(c)-[:ABOUT]->(e:Entity) | e.startDate][0],
  claimedById: [(c)-[:CLAIMED_BY]->(x:Entity) | x.id][0],
  sourceId: [(c)-[:REPORTED_IN]->(s:Source) | s.id][0]
} AS claim
