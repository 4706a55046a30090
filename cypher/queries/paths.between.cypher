// Simple paths (no entity twice) between entities $fromId and $toId of at most $maxHops (≤ 6)
// links, over relationship types in $types, through entities only (so never via Source or Claim
// nodes), never entering an entity whose id is in $exclude; shortest first, then by the ids
// along the path. SHORTEST needs a literal k: 50 candidates, then the $first best are kept.
// The predicates inside the parenthesised pattern apply during the search, before k is counted.
// Paths that differ only in which of several parallel links of the same type and direction they
// use (two documents stating the same link) are one path: each step lists every such link.
// An entity with more than $maxDegree links (of any kind, read from the degree store) is not
// passed through (the ends always are allowed): a group or place with thousands of links made the
// search enumerate paths through all of them (seconds at 1M entities); paths.collapsed lists the
// entities so left out, for the answer to say what was not walked through.
MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
// The excluded entities as nodes: comparing nodes reads no property (x.id cost a read per step).
CALL () {
  UNWIND $exclude AS id
  MATCH (h:Entity {id: id})
  RETURN collect(h) AS excluded
}
// The search's depth must be a literal: with {1,6} and a `size(r) <= $maxHops` filter the search
// still explores 6 hops (at 1M entities: 1.9M db hits and ~20 s instead of 26k and ~0.1 s for
// maxHops 4), so there is one branch per maxHops value and only the matching one runs.
CALL (a, b, excluded) {
  WITH a, b, excluded WHERE $maxHops = 1
  MATCH p = SHORTEST 50 (
    (a)(()-[r]-(x:Entity) WHERE type(r) IN $types AND NOT x IN excluded
                     AND (x = b OR COUNT { (x)--() } <= $maxDegree)){1,1}(b)
    WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..])
  )
  RETURN p
  UNION ALL
  WITH a, b, excluded WHERE $maxHops = 2
  MATCH p = SHORTEST 50 (
    (a)(()-[r]-(x:Entity) WHERE type(r) IN $types AND NOT x IN excluded
                     AND (x = b OR COUNT { (x)--() } <= $maxDegree)){1,2}(b)
    WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..])
  )
  RETURN p
  UNION ALL
  WITH a, b, excluded WHERE $maxHops = 3
  MATCH p = SHORTEST 50 (
    (a)(()-[r]-(x:Entity) WHERE type(r) IN $types AND NOT x IN excluded
                     AND (x = b OR COUNT { (x)--() } <= $maxDegree)){1,3}(b)
    WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..])
  )
  RETURN p
  UNION ALL
  WITH a, b, excluded WHERE $maxHops = 4
  MATCH p = SHORTEST 50 (
    (a)(()-[r]-(x:Entity) WHERE type(r) IN $types AND NOT x IN excluded
                     AND (x = b OR COUNT { (x)--() } <= $maxDegree)){1,4}(b)
    WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..])
  )
  RETURN p
  UNION ALL
  WITH a, b, excluded WHERE $maxHops = 5
  MATCH p = SHORTEST 50 (
    (a)(()-[r]-(x:Entity) WHERE type(r) IN $types AND NOT x IN excluded
                     AND (x = b OR COUNT { (x)--() } <= $maxDegree)){1,5}(b)
    WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..])
  )
  RETURN p
  UNION ALL
  WITH a, b, excluded WHERE $maxHops = 6
  MATCH p = SHORTEST 50 (
    (a)(()-[r]-(x:Entity) WHERE type(r) IN $types AND NOT x IN excluded
                     AND (x = b OR COUNT { (x)--() } <= $maxDegree)){1,6}(b)
    WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..])
  )
  RETURN p
}
WITH p, nodes(p) AS ns, relationships(p) AS rs
WITH p, [n IN ns | n.id] AS nodeIds,
     [i IN range(0, size(rs) - 1) | type(rs[i]) + CASE WHEN startNode(rs[i]) = ns[i] THEN '>' ELSE '<' END] AS signature
WITH nodeIds, signature, collect(p) AS variants
ORDER BY size(nodeIds), nodeIds, signature
LIMIT $first
WITH nodeIds, signature, variants, variants[0] AS p
// Step i of the path: the distinct links at position i across the variants, the most certain first.
CALL (variants, p) {
  UNWIND range(0, length(p) - 1) AS i
  CALL (variants, i) {
    UNWIND variants AS v
    WITH DISTINCT relationships(v)[i] AS rel
    ORDER BY CASE rel.certainty WHEN 'stated' THEN 0 WHEN 'reported' THEN 1 WHEN 'claimed' THEN 2 WHEN 'alleged' THEN 3 ELSE 4 END, rel.id
    RETURN collect(rel {.*, type: type(rel), from: startNode(rel).id, to: endNode(rel).id}) AS links
  }
  WITH i, links ORDER BY i
  RETURN collect(links) AS steps
}
RETURN [n IN nodes(p) | n {.*}] AS nodes, steps
ORDER BY size(nodeIds), nodeIds, signature
