// The property keys of the nodes and relationships an export writes, with their value types
// (valueType()), for the neo4j-admin CSV headers, which must be written before the first row.
// Same filters as export.nodes.cypher / export.relationships.cypher ($withRecords is true there).
CALL () {
  MATCH (n)
  WHERE (n:Entity OR ($withRecords AND (n:Source OR n:Claim)))
    AND ($ids IS NULL OR n.id IN $ids)
    AND ($sourceIds IS NULL OR any(s IN n.knownIn WHERE s IN $sourceIds))
  UNWIND keys(n) AS key
  RETURN 'node' AS element, key, valueType(n[key]) AS type
  UNION
  MATCH (a)-[r]->(b)
  WHERE (a:Entity OR ($withRecords AND (a:Source OR a:Claim)))
    AND (b:Entity OR ($withRecords AND (b:Source OR b:Claim)))
    AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
    AND ($sourceIds IS NULL OR any(s IN r.knownIn WHERE s IN $sourceIds))
  UNWIND keys(r) AS key
  RETURN 'relationship' AS element, key, valueType(r[key]) AS type
}
RETURN element, key, collect(DISTINCT type) AS types
ORDER BY element, key
