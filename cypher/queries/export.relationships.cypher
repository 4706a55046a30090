// The relationships of an export, streamed: those between two nodes that export.nodes.cypher keeps
// under the same parameters, and admitted by the view themselves. At most $limit rows.
MATCH (a)-[r]->(b)
WHERE (a:Entity OR ($withRecords AND (a:Source OR a:Claim)))
  AND (b:Entity OR ($withRecords AND (b:Source OR b:Claim)))
  AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
  AND ($sourceIds IS NULL OR any(s IN r.knownIn WHERE s IN $sourceIds))
  AND ($sourceIds IS NULL OR (any(s IN a.knownIn WHERE s IN $sourceIds) AND any(s IN b.knownIn WHERE s IN $sourceIds)))
  AND ($from IS NULL OR ((NOT a:Event OR a.endDate >= date($from)) AND (NOT b:Event OR b.endDate >= date($from))))
  AND ($to IS NULL OR ((NOT a:Event OR a.startDate <= date($to)) AND (NOT b:Event OR b.startDate <= date($to))))
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
LIMIT $limit
