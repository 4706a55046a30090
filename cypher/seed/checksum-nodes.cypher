// Every node's labels and properties, in a stable order, for a content checksum. The graph's
// version node is left out: it counts loads, it is not content.
MATCH (n) WHERE NOT n:GraphVersion
RETURN labels(n) AS labels, properties(n) AS props
ORDER BY n.id, labels
