// Remove relationships whose entry left the files, or whose type or endpoints changed
// (MERGE would otherwise keep the old one beside the new one).
// $wanted maps relationship id → {type, from, to}.
MATCH (a)-[r]->(b)
WHERE (a:Entity OR a:Source OR a:Claim) AND (b:Entity OR b:Source OR b:Claim)
WITH r, a, b, $wanted[r.id] AS want
WHERE want IS NULL OR want.type <> type(r) OR want.from <> a.id OR want.to <> b.id
DELETE r
