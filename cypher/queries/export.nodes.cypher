// The nodes of an export, streamed (src/export/): entities, and with $withRecords the documents and
// figures too (the neo4j-admin CSV set is the whole graph). $ids: the ids of a subgraph, or null
// for all; $sourceIds: documents admitted by the analyst view, or null; $from/$to ('YYYY-MM-DD' or
// null): events must overlap [from, to] (other nodes are kept). At most $limit rows.
MATCH (n)
WHERE (n:Entity OR ($withRecords AND (n:Source OR n:Claim)))
  AND ($ids IS NULL OR n.id IN $ids)
  AND ($sourceIds IS NULL OR any(s IN n.knownIn WHERE s IN $sourceIds))
  AND ($from IS NULL OR NOT n:Event OR n.endDate >= date($from))
  AND ($to IS NULL OR NOT n:Event OR n.startDate <= date($to))
RETURN labels(n) AS labels, properties(n) AS props
LIMIT $limit
