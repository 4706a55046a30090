// Search's candidates by the ladder's lookup terms (src/resolution/lookupKeys.ts: candidateQuery),
// from the keyword full-text index `entity_lookup_keys`; the scorer ranks them with the fuzzy hits.
// $query: a Lucene query made only of quoted, escaped terms. $limit: candidates read.
CALL db.index.fulltext.queryNodes('entity_lookup_keys', $query, {limit: $limit}) YIELD node, score
RETURN node {.*, lookupKeys: null} AS entity, score
ORDER BY score DESC, node.id
