UNWIND $rows AS row
MATCH (c:Claim {id: row.from})
MATCH (e:Entity {id: row.to})
MERGE (c)-[r:$(row.type) {id: row.id}]->(e)
SET r = row.props,
    r.knownFrom = date(row.props.knownFrom)
