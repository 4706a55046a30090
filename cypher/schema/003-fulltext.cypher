// Ranked full-text and fuzzy search over names and aliases (aliasText joins the aliases).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Person|Group|Place|Event) ON EACH [n.name, n.aliasText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
