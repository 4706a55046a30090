// Lookup under any spelling: the API folds the user's text to a key and matches it here.
// A range index on a LIST property is NOT used for `$key IN n.nameKeys` in Neo4j 5.26 (PROFILE
// shows NodeByLabelScan + Filter), so the exact lookup uses a full-text index with the `keyword`
// analyzer instead: it indexes every element of the list as one untokenised term, and a quoted
// query for the key is an exact term lookup (queries/entities.byNameKeys.cypher). No range index
// on nameKeys: it would only cost writes.
CREATE FULLTEXT INDEX entity_name_keys_exact IF NOT EXISTS FOR (n:Entity) ON EACH [n.nameKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } };
// Event timelines and date-range filters.
CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.startDate);
CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.eventType);
CREATE INDEX relationship_ids IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.id);
