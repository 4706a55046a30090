// Node counts by label and relationship counts by type, for the loader's summary.
CALL () {
  MATCH (n) UNWIND labels(n) AS name RETURN 'label' AS what, name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->() RETURN 'type' AS what, type(r) AS name, count(*) AS count
}
RETURN what, name, count ORDER BY what, name
