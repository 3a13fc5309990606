-- The digest of every event's stored bytes, written by the transaction that appends the event (docs/AUDIT-EVIDENCE.md,
-- "stored digest"). The audit chain links an event up to half a second after its append; it links this digest, not
-- the row as it finds it then, so an edit made before the link is still seen by every later verification.
-- The form: each column in this order, text as UTF-8, each field length-prefixed (int32 big-endian, -1 for null):
-- eventidentifier, aggregateidentifier, sequencenumber (int64 big-endian, no prefix), type, payloadtype,
-- payloadrevision, timestamp, payload, metadata. The global position is not in it: the chain orders the events.
CREATE TABLE audit_append_digest (
    global_index  BIGINT PRIMARY KEY,
    stored_digest BYTEA  NOT NULL
);

CREATE FUNCTION keyledger_field(value BYTEA) RETURNS BYTEA AS $$
    SELECT CASE WHEN value IS NULL THEN int4send(-1) ELSE int4send(length(value)) || value END
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION keyledger_field(value TEXT) RETURNS BYTEA AS $$
    SELECT keyledger_field(convert_to(value, 'UTF8'))
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION keyledger_stored_form(e domainevententry) RETURNS BYTEA AS $$
    SELECT keyledger_field(e.eventidentifier) || keyledger_field(e.aggregateidentifier) || int8send(e.sequencenumber)
           || keyledger_field(e.type) || keyledger_field(e.payloadtype) || keyledger_field(e.payloadrevision)
           || keyledger_field(e.timestamp) || keyledger_field(e.payload) || keyledger_field(e.metadata)
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION keyledger_append_digest() RETURNS trigger AS $$
BEGIN
    INSERT INTO audit_append_digest (global_index, stored_digest) VALUES (NEW.globalindex, sha256(keyledger_stored_form(NEW)));
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER keyledger_append_digest
    AFTER INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION keyledger_append_digest();
