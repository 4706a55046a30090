// The entities paths.between does not pass through because they have more than $maxDegree links
// (of any kind, from the degree store), found the way a bidirectional search meets them: ring by
// ring from $fromId for $fromDepth (⌈maxHops/2⌉) rings and from $toId for $toDepth (⌊maxHops/2⌋),
// through open entities only, over types in $types, never entering $exclude. Every path of at most
// maxHops links that the cap hides passes through one of them: its first capped entity lies within
// ⌈maxHops/2⌉ open hops of `from`, or else its last one within ⌊maxHops/2⌋ of `to`.
// Each with its fewest hops from either end (null: not reached from that end), most links first.
// paths.collapsed under an analyst view (asOf / sources; src/resolvers/view.ts): the same rings over
// links stated by one of the documents in $sourceIds (r.knownIn) only, as paths.betweenInView walks.
MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
CALL () {
  UNWIND $exclude AS id
  MATCH (h:Entity {id: id})
  RETURN collect(h) AS excluded
}
CALL (a, b, excluded) {
  UNWIND [[a, b, $fromDepth, 'from'], [b, a, $toDepth, 'to']] AS side
  WITH side[0] AS here, side[1] AS there, side[2] AS depth, side[3] AS end
  CALL (here, there, depth, excluded) {
    MATCH (here)-[r]-(m:Entity)
    WHERE depth >= 1 AND type(r) IN $types AND any(s IN r.knownIn WHERE s IN $sourceIds) AND m <> here AND m <> there AND NOT m IN excluded
    WITH DISTINCT m
    WITH m, COUNT { (m)--() } AS links
    RETURN collect(CASE WHEN links > $maxDegree THEN {node: m, links: links} END) AS shut1,
           collect(CASE WHEN links <= $maxDegree THEN m END) AS open1
  }
  CALL (here, there, depth, excluded, open1, shut1) {
    UNWIND CASE WHEN depth >= 2 THEN open1 ELSE [] END AS n
    MATCH (n)-[r]-(m:Entity)
    WHERE type(r) IN $types AND any(s IN r.knownIn WHERE s IN $sourceIds) AND m <> here AND m <> there AND NOT m IN open1 AND NOT m IN excluded
    WITH DISTINCT m
    WITH m, COUNT { (m)--() } AS links
    WHERE NOT m IN [x IN shut1 | x.node]
    RETURN collect(CASE WHEN links > $maxDegree THEN {node: m, links: links} END) AS shut2,
           collect(CASE WHEN links <= $maxDegree THEN m END) AS open2
  }
  CALL (here, there, depth, excluded, open1, shut1, open2, shut2) {
    UNWIND CASE WHEN depth >= 3 THEN open2 ELSE [] END AS n
    MATCH (n)-[r]-(m:Entity)
    WHERE type(r) IN $types AND any(s IN r.knownIn WHERE s IN $sourceIds) AND m <> here AND m <> there AND NOT m IN open1 AND NOT m IN open2 AND NOT m IN excluded
    WITH DISTINCT m
    WITH m, COUNT { (m)--() } AS links
    WHERE links > $maxDegree AND NOT m IN [x IN shut1 + shut2 | x.node]
    RETURN collect({node: m, links: links}) AS shut3
  }
  UNWIND [x IN shut1 | x {.*, distance: 1}] + [x IN shut2 | x {.*, distance: 2}] + [x IN shut3 | x {.*, distance: 3}] AS c
  RETURN c.node AS node, c.links AS links, end, c.distance AS distance
}
WITH node, links, min(CASE end WHEN 'from' THEN distance END) AS fromDistance, min(CASE end WHEN 'to' THEN distance END) AS toDistance
RETURN node {.*} AS entity, links, fromDistance, toDistance
ORDER BY links DESC, node.id
LIMIT $maxCollapsed
