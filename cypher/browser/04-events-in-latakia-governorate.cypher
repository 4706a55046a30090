// Everything that happened anywhere inside Latakia Governorate (Jableh, Qardaha, villages…),
// in date order, with its ACLED type and place.
MATCH (e:Event)-[:OCCURRED_IN]->(place:Place)-[:LOCATED_IN*0..4]->(:Place {id: 'latakia-governorate'})
RETURN e.start AS date, e.eventType AS type, e.subEventType AS subType, e.name AS event, place.name AS place,
       e.certainty AS certainty
ORDER BY e.startDate, e.id
