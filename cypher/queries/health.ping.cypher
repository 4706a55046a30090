// Is the database answering queries? (GET /health)
RETURN 1 AS ok
