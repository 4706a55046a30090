// Retired: the full-text index over the old `nameKeys` property (exact name keys). Name lookups
// use `entity_lookup_keys` (003-fulltext.cypher); dropped here so older stores lose it too.
DROP INDEX entity_name_keys_exact IF EXISTS;
// Event timelines and date-range filters.
CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.startDate);
CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.eventType);
CREATE INDEX relationship_ids IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.id);
