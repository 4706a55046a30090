// Lookup under any spelling: the API folds the user's text to a key and matches it here.
CREATE INDEX entity_name_keys IF NOT EXISTS FOR (n:Entity) ON (n.nameKeys);
// Event timelines and date-range filters.
CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.startDate);
CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.eventType);
CREATE INDEX relationship_ids IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.id);
