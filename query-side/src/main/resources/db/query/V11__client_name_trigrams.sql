-- The client list's search (q: the name contains the text, in any case, ILIKE '%text%') reads a trigram index
-- instead of every row: over a million clients the scan alone took longer than a list may (docs/DECISIONS.md 122).
-- pg_trgm ships with PostgreSQL's contrib and is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX query_client_name_trigrams ON query_client USING GIN (name gin_trgm_ops);
