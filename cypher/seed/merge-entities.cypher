// Entities carry :Entity plus exactly one kind label; the kind label is re-set each load so a
// changed kind does not leave the old label behind. row.label is whitelisted by the loader.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props,
    n.knownFrom = date(row.props.knownFrom),
    n.startDate = CASE WHEN row.startDate IS NULL THEN null ELSE date(row.startDate) END,
    n.endDate = CASE WHEN row.endDate IS NULL THEN null ELSE date(row.endDate) END
REMOVE n:Person:Group:Place:Event
SET n:$(row.label)
