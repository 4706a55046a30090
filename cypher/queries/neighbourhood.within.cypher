// The entities within $depth (1–3) hops of entity $id over links whose type is in $types, never
// entering the entities whose ids are in $exclude; ring by ring (each ring ordered by name, id),
// cut to $first nodes; then every link of those types among the nodes kept, at most $maxEdges.
// Rings are collected as distinct nodes, so hubs cost one visit each, not one per path.
MATCH (center:Entity {id: $id})
CALL (center) {
  MATCH (center)-[r]-(m:Entity)
  WHERE type(r) IN $types AND m <> center AND NOT m.id IN $exclude
  WITH DISTINCT m ORDER BY m.name, m.id
  RETURN collect(m) AS ring1
}
CALL (center, ring1) {
  UNWIND CASE WHEN $depth >= 2 THEN ring1 ELSE [] END AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE type(r) IN $types AND m <> center AND NOT m IN ring1 AND NOT m.id IN $exclude
  WITH DISTINCT m ORDER BY m.name, m.id
  RETURN collect(m) AS ring2
}
CALL (center, ring1, ring2) {
  UNWIND CASE WHEN $depth >= 3 THEN ring2 ELSE [] END AS n
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
WITH kept, nodesTruncated, [k IN kept | k.node] AS keptNodes
CALL (keptNodes) {
  UNWIND keptNodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE type(r) IN $types AND b IN keptNodes
  WITH r, a, b ORDER BY r.id
  LIMIT $maxEdges + 1
  RETURN collect(r {.*, type: type(r), from: a.id, to: b.id}) AS edges
}
RETURN [k IN kept | {entity: properties(k.node), distance: k.distance}] AS nodes,
       edges[0..$maxEdges] AS edges,
       nodesTruncated OR size(edges) > $maxEdges AS truncated
