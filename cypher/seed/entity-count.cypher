// How many entities the graph holds, from Neo4j's count store (no scan): start-up asks it to
// decide whether to load the seed, and must not read a million nodes to find out.
MATCH (n:Entity) RETURN count(n) AS count
