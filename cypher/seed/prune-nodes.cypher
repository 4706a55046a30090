// Remove seed-managed nodes whose entry left the files, with their relationships.
MATCH (n)
WHERE (n:Entity AND NOT n.id IN $entityIds)
   OR (n:Source AND NOT n.id IN $sourceIds)
   OR (n:Claim AND NOT n.id IN $claimIds)
DETACH DELETE n
