-- Every transaction that changes the client auth view tells the listeners on channel keyledger_client_auth once, at
-- its commit: the token endpoint nodes refresh their cache at once instead of at their next poll (DECISIONS.md 45).
CREATE FUNCTION keyledger_client_auth_changed() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('keyledger_client_auth', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER keyledger_client_auth_changed
    AFTER INSERT OR UPDATE ON query_client_auth
    FOR EACH STATEMENT EXECUTE FUNCTION keyledger_client_auth_changed();
