UNWIND $rows AS row
MERGE (c:Claim {id: row.id})
SET c = row.props,
    c.knownFrom = date(row.props.knownFrom)
