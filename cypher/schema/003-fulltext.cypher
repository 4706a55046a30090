// Ranked full-text and fuzzy search over names and aliases (aliasText joins the aliases).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Person|Group|Place|Event) ON EACH [n.name, n.aliasText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
// Name resolution (src/resolution/lookupKeys.ts): every prefixed lookup term of n.lookupKeys
// (exact, reordered and spelling keys of every name; word skeletons of names, roles and
// description) as one untokenised term, so each ladder step is a term lookup.
CREATE FULLTEXT INDEX entity_lookup_keys IF NOT EXISTS FOR (n:Entity) ON EACH [n.lookupKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } };
