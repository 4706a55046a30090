// Candidates for typed names by their lookup terms (src/resolution/lookupKeys.ts), from the
// keyword full-text index `entity_lookup_keys`; src/resolution/ladder.ts decides among them.
// $lookups: list of {i, query}: i numbers the typed name, query is a Lucene query made only of
// quoted, escaped terms. $limit: candidates per typed name.
// territoryOf: the states a country place is the territory of (the ladder answers the state).
UNWIND $lookups AS lookup
CALL db.index.fulltext.queryNodes('entity_lookup_keys', lookup.query, {limit: $limit}) YIELD node, score
RETURN lookup.i AS i, node {.*, lookupKeys: null, nameKeys: null} AS entity,
       [(node)-[:TERRITORY_OF]->(state:Entity) | state.id] AS territoryOf, score
ORDER BY i, score DESC, node.id
