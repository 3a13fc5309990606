-- Every transaction that stores a revocation tells the listeners on channel keyledger_revocation once, at its commit:
-- the token endpoint nodes forget the revocation checks they remembered for the admin API (DECISIONS.md 143).
CREATE FUNCTION keyledger_revocation_stored() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('keyledger_revocation', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER keyledger_revocation_stored
    AFTER INSERT ON token_revocation
    FOR EACH STATEMENT EXECUTE FUNCTION keyledger_revocation_stored();
