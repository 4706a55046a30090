// The entities within $depth (1–3) hops of entity $id over links whose type is in $types, never
// entering the entities whose ids are in $exclude; ring by ring (each ring ordered by name, id),
// cut to $first nodes; then the links of those types among the nodes kept, at most $maxEdges (the
// first found, node by node in the order of the nodes, each node's by id; the API sorts them).
// An entity with more than $maxDegree links (of any kind) is collapsed: it is kept as a node, but
// the walk does not go through it and only its links to open entities are listed; the centre is
// always open. Why: a ring-1 group with thousands of members made ring 2 read, sort and drop
// thousands of entities to keep the alphabetically first few (up to 99k db hits at 1M entities).
// Degrees come from the degree store (COUNT { (n)--() }), not by expanding. A ring is not read
// once the rings before it already hold more than $first nodes.
// Rings are collected as distinct nodes, so hubs cost one visit each, not one per path.
MATCH (center:Entity {id: $id})
CALL (center) {
  MATCH (center)-[r]-(m:Entity)
  WHERE type(r) IN $types AND m <> center AND NOT m.id IN $exclude
  WITH DISTINCT m ORDER BY m.name, m.id
  RETURN collect(m) AS ring1
}
CALL (center, ring1) {
  UNWIND CASE WHEN $depth >= 2 AND size(ring1) < $first THEN ring1 ELSE [] END AS n
  WITH n WHERE COUNT { (n)--() } <= $maxDegree
  MATCH (n)-[r]-(m:Entity)
  WHERE type(r) IN $types AND m <> center AND NOT m IN ring1 AND NOT m.id IN $exclude
  WITH DISTINCT m ORDER BY m.name, m.id
  RETURN collect(m) AS ring2
}
CALL (center, ring1, ring2) {
  UNWIND CASE WHEN $depth >= 3 AND size(ring1) + size(ring2) < $first THEN ring2 ELSE [] END AS n
  WITH n WHERE COUNT { (n)--() } <= $maxDegree
  MATCH (n)-[r]-(m:Entity)
  WHERE type(r) IN $types AND m <> center AND NOT m IN ring1 AND NOT m IN ring2 AND NOT m.id IN $exclude
  WITH DISTINCT m ORDER BY m.name, m.id
  RETURN collect(m) AS ring3
}
WITH [{node: center, distance: 0}]
     + [m IN ring1 | {node: m, distance: 1}]
     + [m IN ring2 | {node: m, distance: 2}]
     + [m IN ring3 | {node: m, distance: 3}] AS reached
WITH reached[0..$first] AS kept, size(reached) > $first AS nodesTruncated
CALL (kept) {
  UNWIND kept AS k
  WITH k, k.node AS node
  WITH k, node, k.distance > 0 AND COUNT { (node)--() } > $maxDegree AS collapsed
  RETURN collect(node) AS keptNodes,
         collect(CASE WHEN collapsed THEN null ELSE node END) AS openNodes,
         collect({entity: properties(node), distance: k.distance, collapsed: collapsed}) AS nodes
}
CALL (keptNodes, openNodes) {
  // Each link once: from its open end, or from its start when both ends are open (b needs no
  // label check: it must be one of keptNodes, all entities). Sorted per node
  // inside, so that no sorting operator holds rows with the node lists (Neo4j counts the lists
  // again for every buffered row: ORDER BY r.id over all links took 930 MB at first: 500).
  UNWIND openNodes AS a
  CALL (a) {
    MATCH (a)-[r]-(b)
    WHERE type(r) IN $types
    WITH r, b ORDER BY r.id
    RETURN r, b
  }
  WITH a, r, b
  WHERE b IN keptNodes AND (startNode(r) = a OR NOT b IN openNodes)
  LIMIT $maxEdges + 1
  RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}) AS edges
}
RETURN nodes,
       edges[0..$maxEdges] AS edges,
       nodesTruncated OR size(edges) > $maxEdges OR size(openNodes) < size(keptNodes) AS truncated
