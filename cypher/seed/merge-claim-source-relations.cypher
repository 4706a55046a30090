// Claim → Source (REPORTED_IN).
UNWIND $rows AS row
MATCH (c:Claim {id: row.from})
MATCH (s:Source {id: row.to})
MERGE (c)-[r:$(row.type) {id: row.id}]->(s)
SET r = row.props,
    r.knownFrom = date(row.props.knownFrom)
