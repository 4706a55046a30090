// Every document, with the id of the document it is a later revision of.
MATCH (s:Source)
RETURN s {.*, revisionOfId: [(s)-[:REVISION_OF]->(o:Source) | o.id][0]} AS source
ORDER BY s.id
