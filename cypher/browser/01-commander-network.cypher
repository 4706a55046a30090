// A commander's network: everyone and everything within two hops of Mohammad Kanjo Hassan,
// leaving out the documents and claims. Click a relationship to see its citationQuotes.
MATCH (c:Person {id: 'mohammad-kanjo-hassan'})
MATCH p = (c)-[*1..2]-(other:Entity)
WHERE none(n IN nodes(p) WHERE n:Source OR n:Claim)
  AND none(n IN nodes(p)[1..-1] WHERE n.id IN ['syria', 'western-syria', 'western-syria-clashes'])
RETURN p
