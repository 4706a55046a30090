// Who claims how many: every casualty figure with who claims it, as of when, in which document.
// Conflicting figures about the same event sit side by side.
MATCH (c:Claim)-[:REPORTED_IN]->(s:Source)
OPTIONAL MATCH (c)-[:ABOUT]->(e:Event)
OPTIONAL MATCH (c)-[:CLAIMED_BY]->(by:Entity)
RETURN e.name AS about, c.measure AS measure, c.victims AS victims, c.qualifier AS qualifier,
       c.value AS value, c.low AS low, c.high AS high, coalesce(by.name, '(the document)') AS claimedBy,
       c.asOf AS asOf, s.id AS source, c.certainty AS certainty, c.citationQuotes[0] AS quote
ORDER BY about, measure, victims, asOf, source
