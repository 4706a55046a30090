// How are two entities linked? Shortest paths between Suhayl al-Hasan and the General Security
// Service, not through documents, claims or the country itself.
MATCH (a:Entity {id: 'suhayl-al-hasan'}), (b:Entity {id: 'general-security-service'})
MATCH p = allShortestPaths((a)-[*..5]-(b))
WHERE none(n IN nodes(p) WHERE n:Source OR n:Claim OR n.id IN ['syria', 'western-syria'])
RETURN p
