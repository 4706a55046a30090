// Every load bumps the graph's version inside its own transaction: the new version commits (or
// rolls back) with the data, so a response cached under the old one is never served again.
MERGE (v:GraphVersion {id: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.committedAt = datetime()
RETURN v.version AS version
