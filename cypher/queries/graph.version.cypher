// The graph's version: bumped by every load in its own transaction (cypher/seed/bump-graph-version.cypher).
// The response cache keys answers by it, so every replica agrees on when an answer went stale.
OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
RETURN coalesce(v.version, 0) AS version
