// row.type is whitelisted by the loader (src/seed/vocabulary.ts). `since`/`until` stay as written
// (2024, 2024-12); sinceDate/untilDate are Neo4j dates (first day of since, last day of until)
// so time-bounded links ("former ally") can be compared and range-queried.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r = row.props,
    r.sinceDate = CASE WHEN row.sinceDate IS NULL THEN null ELSE date(row.sinceDate) END,
    r.untilDate = CASE WHEN row.untilDate IS NULL THEN null ELSE date(row.untilDate) END,
    r.knownFrom = date(row.props.knownFrom)
