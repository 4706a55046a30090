// For each document in $ids, the figures it states (c.knownIn: its source, or a document it is
// also cited from). References come back as ids, as in claims.about.
UNWIND $ids AS id
MATCH (c:Claim)
WHERE id IN c.knownIn
RETURN id, c {.*,
  aboutId: [(c)-[:ABOUT]->(e:Entity) | e.id][0],
  aboutStart: [(c)-[:ABOUT]->(e:Entity) | e.startDate][0],
  claimedById: [(c)-[:CLAIMED_BY]->(x:Entity) | x.id][0],
  sourceId: [(c)-[:REPORTED_IN]->(s:Source) | s.id][0]
} AS claim
