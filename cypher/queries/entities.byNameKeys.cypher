// Which entities have a name or alias that folds to each lookup key (src/text/normalizeName.ts).
// The keyword full-text index `entity_name_keys_exact` holds every element of n.nameKeys as one
// exact term; a range index on a list is not used for `$key IN n.nameKeys` (see 002-indexes).
// $lookups: list of {key, query}: query is the key as a quoted, escaped Lucene term.
UNWIND $lookups AS lookup
CALL db.index.fulltext.queryNodes('entity_name_keys_exact', lookup.query) YIELD node
WHERE lookup.key IN node.nameKeys
RETURN lookup.key AS key, node {.*} AS entity
ORDER BY key, node.id
