// Every relationship's type, endpoints and properties, in a stable order, for a content checksum.
MATCH (a)-[r]->(b)
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
ORDER BY r.id, type, from, to
