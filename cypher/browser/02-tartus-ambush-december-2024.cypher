// The December 2024 Khirbet al-Ma'zah ambush in Tartus Governorate and its aftermath:
// the events there from 25 to 26 December, who took part in what role, and where they happened.
MATCH (e:Event)-[:OCCURRED_IN]->(:Place)-[:LOCATED_IN*0..3]->(:Place {id: 'tartus-governorate'})
WHERE e.startDate >= date('2024-12-25') AND e.startDate <= date('2024-12-26')
MATCH p = (actor:Entity)-[r]-(e)
WHERE NOT actor:Claim
RETURN p
