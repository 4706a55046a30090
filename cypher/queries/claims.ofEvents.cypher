// For each event in $ids, the figures (Claim nodes) about it directly.
// References come back as ids (about, claimedBy, source); the API loads them in batches.
UNWIND $ids AS id
MATCH (c:Claim)-[:ABOUT]->(e:Entity {id: id})
RETURN id, c {.*,
  aboutId: id,
  aboutStart: e.startDate,
  claimedById: [(c)-[:CLAIMED_BY]->(x:Entity) | x.id][0],
  sourceId: [(c)-[:REPORTED_IN]->(s:Source) | s.id][0]
} AS claim
