-- Every row of the client auth view carries the id of the transaction that last wrote it, so that the token
-- endpoint can read in commit order: a poll reads the rows written by any transaction its previous snapshot did not
-- see (written_by >= that snapshot's xmin), whatever the delay between taking a revision and committing
-- (DECISIONS.md 61). Revisions stay: they order two versions of one row.
-- The default fills the rows already there; the trigger below sets it on every later write.
ALTER TABLE query_client_auth ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX query_client_auth_by_writer ON query_client_auth (written_by);

CREATE FUNCTION keyledger_client_auth_written_by() RETURNS trigger AS $$
BEGIN
    NEW.written_by := pg_current_xact_id();
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- For each row: an insert, an upsert's update and the recomputation of a role's holders (many rows at once) alike.
CREATE TRIGGER keyledger_client_auth_written_by
    BEFORE INSERT OR UPDATE ON query_client_auth
    FOR EACH ROW EXECUTE FUNCTION keyledger_client_auth_written_by();
