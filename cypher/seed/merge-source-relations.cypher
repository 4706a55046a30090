// Source → Source (REVISION_OF).
UNWIND $rows AS row
MATCH (a:Source {id: row.from})
MATCH (b:Source {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r = row.props,
    r.knownFrom = date(row.props.knownFrom)
