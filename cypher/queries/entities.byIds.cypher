// The entities with these ids; ids that match nothing give no row.
// $ids: list of entity ids.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*, lookupKeys: null} AS entity
