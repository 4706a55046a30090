// Every node's labels and properties, in a stable order, for a content checksum.
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
ORDER BY n.id, labels
