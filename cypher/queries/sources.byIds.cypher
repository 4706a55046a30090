// The documents with these ids, with the id of the document each is a later revision of.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.*, revisionOfId: [(s)-[:REVISION_OF]->(o:Source) | o.id][0]} AS source
