// Name resolution's candidates for typed names, by the lookup terms of src/resolution/lookupKeys.ts
// in the keyword full-text index `entity_lookup_keys` (every read an exact-term lookup); the
// ladder (src/resolution/ladder.ts) decides among them. One statement for every ladder step:
// $lookups: one map per read of a typed name (a name may have two in one statement),
// {i, limit, keys, tiers, words, loose, canonical, oneWord, contestTier, suggest, suggestAlways}:
//   limit — rows per read of this lookup;
//   keys  — Lucene query of the whole-name keys (steps 1–3), or null;
//   tiers — [{tier, query}], the partial-match reads by coverage tier, best tier first (step 4
//           and the contenders of steps 1–3); each read has its own limit, so a limit only ever
//           cuts names that cover less of the typed words than every name already read. Only the
//           tiers that can change the answer are read (src/resolution/ladder.ts, `contests`):
//           none when an uncut whole-name read holds the typed name as a canonical name only
//           (`canonical`: its n: key, and its a:/c: keys that would make it an alias), which nothing
//           contests — unless it is one word (`oneWord`) and a person was read (every person with
//           that word contests); up to `contestTier` (same-kind names of ≤ 1.5× the typed words)
//           for any other whole-name hit; all of them when the whole-name read found nothing or
//           was cut;
//   words — the description read (step 5), run only when keys and tiers found nothing; or null;
//   loose — the step-6 read, run only when nothing before it found anything; or null;
//   suggest — when no read found anything (a NOT_FOUND for sure), the fuzzy query of the near
//           names the error suggests (src/cypher/lucene.ts, index `entity_names`), $suggestions
//           of them, as rows of read 'suggest' (never candidates); or null;
//   suggestAlways — read the near names even when the other reads found something (a follow-up
//           read of a name the ladder has so far matched to nothing: most end NOT_FOUND).
// `cut` says the read returned `limit` rows (there may be more): the
// resolver never lets a cut read decide an answer that more candidates could change.
// Whole-name hits (few, and most answers) and the hits of a read that found at most $wholeUpTo
// (a partial answer is usually the one hit of its tier) come whole (`whole`), so the answer needs
// no second statement; the others with only the fields the ladder and an AMBIGUOUS_NAME list need
// (such an answer is then read by id). territoryOf: the states a
// country place is the territory of. `tier` of a tier read is the first tier it covers.
UNWIND $lookups AS lookup
CALL (lookup) {
  WITH lookup WHERE lookup.keys IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_lookup_keys', lookup.keys, {limit: lookup.limit}) YIELD node
  RETURN collect(node) AS whole
}
CALL (lookup, whole) {
  WITH lookup, CASE
    WHEN size(whole) = 0 OR size(whole) >= lookup.limit OR (lookup.oneWord AND any(n IN whole WHERE n.kind = 'Person')) THEN 99
    WHEN any(n IN whole WHERE lookup.canonical[0] IN n.lookupKeys AND none(k IN lookup.canonical[1..] WHERE k IN n.lookupKeys)) THEN 0
    ELSE lookup.contestTier END AS upTo
  UNWIND [t IN lookup.tiers WHERE t.tier <= upTo] AS t
  CALL (t, lookup) {
    CALL db.index.fulltext.queryNodes('entity_lookup_keys', t.query, {limit: lookup.limit}) YIELD node
    RETURN collect(node) AS nodes
  }
  WITH t, nodes ORDER BY t.tier
  RETURN collect({read: 'tier', tier: t.tier, nodes: nodes}) AS tiers
}
CALL (lookup, whole, tiers) {
  WITH lookup WHERE lookup.words IS NOT NULL AND size(whole) = 0 AND all(t IN tiers WHERE size(t.nodes) = 0)
  CALL db.index.fulltext.queryNodes('entity_lookup_keys', lookup.words, {limit: lookup.limit}) YIELD node
  RETURN collect(node) AS described
}
CALL (lookup, whole, tiers, described) {
  WITH lookup WHERE lookup.loose IS NOT NULL AND size(whole) = 0 AND size(described) = 0 AND all(t IN tiers WHERE size(t.nodes) = 0)
  CALL db.index.fulltext.queryNodes('entity_lookup_keys', lookup.loose, {limit: lookup.limit}) YIELD node
  RETURN collect(node) AS loose
}
CALL (lookup, whole, tiers, described, loose) {
  WITH lookup WHERE lookup.suggest IS NOT NULL
    AND (lookup.suggestAlways OR (size(whole) = 0 AND size(described) = 0 AND size(loose) = 0 AND all(t IN tiers WHERE size(t.nodes) = 0)))
  CALL db.index.fulltext.queryNodes('entity_names', lookup.suggest, {limit: $suggestions}) YIELD node
  RETURN collect(node) AS suggested
}
UNWIND [{read: 'whole', tier: 0, nodes: whole}] + tiers + [{read: 'words', tier: 0, nodes: described}, {read: 'loose', tier: 0, nodes: loose}, {read: 'suggest', tier: 0, nodes: suggested}] AS r
WITH lookup, r WHERE size(r.nodes) > 0
UNWIND r.nodes AS node
WITH lookup, r, node, r.read = 'whole' OR size(r.nodes) <= $wholeUpTo AS whole
RETURN lookup.i AS i, r.read AS read, r.tier AS tier, size(r.nodes) >= lookup.limit AS cut, whole,
       CASE WHEN whole THEN node {.*, lookupKeys: null}
            ELSE node {.id, .kind, .name, .aliases, .commonNames, .roles, .description, .unnamed, .groupType, .placeType, .eventType, .start, .knownIn} END AS entity,
       CASE WHEN node:Place THEN [(node)-[:TERRITORY_OF]->(state:Entity) | state.id] ELSE [] END AS territoryOf
