-- Every transaction that appends events tells the listeners on channel keyledger_events once, at its commit
-- (PostgreSQL delivers notifications only on commit, and folds identical ones of one transaction into one).
-- Query-side nodes in other JVMs than the appending command side read the new events at once instead of at their
-- next poll (DECISIONS.md 44). The payload is empty: the listeners read the events from the table.
CREATE FUNCTION keyledger_events_appended() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('keyledger_events', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER keyledger_events_appended
    AFTER INSERT ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION keyledger_events_appended();
