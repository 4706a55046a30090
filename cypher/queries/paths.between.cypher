// Simple paths (no entity twice) between entities $fromId and $toId of at most $maxHops (≤ 6)
// links, over relationship types in $types, through entities only (so never via Source or Claim
// nodes), never entering an entity whose id is in $exclude; shortest first, then by the ids
// along the path. SHORTEST needs a literal k: 50 candidates, then the $first best are kept.
// The predicates inside the parenthesised pattern apply during the search, before k is counted.
MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
MATCH p = SHORTEST 50 (
  (a)(()-[r]-(x:Entity) WHERE type(r) IN $types AND NOT x.id IN $exclude){1,6}(b)
  WHERE size(r) <= $maxHops
    AND all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..])
)
WITH p, [n IN nodes(p) | n.id] AS nodeIds, [rel IN relationships(p) | rel.id] AS relIds
ORDER BY length(p), nodeIds, relIds
LIMIT $first
RETURN [n IN nodes(p) | n {.*}] AS nodes,
       [rel IN relationships(p) | rel {.*, type: type(rel), from: startNode(rel).id, to: endNode(rel).id}] AS rels
