-- The append trigger builds the stored form itself (docs/DECISIONS.md 139): the same bytes as
-- keyledger_stored_form(NEW), which stays the reference. Through those SQL functions PostgreSQL planned each
-- keyledger_field call again on every appended row (a SQL function called from a trigger keeps its plan for that one
-- call, and these were never inlined: convert_to is only stable, so their immutable bodies could not be), about
-- 0.3 ms of the backend's time per event; here every expression is planned once per session.
CREATE OR REPLACE FUNCTION keyledger_append_digest() RETURNS trigger AS $$
DECLARE
    -- In the stored form's order, the sequence number (unprefixed) between the second and the third.
    fields BYTEA[] := ARRAY[convert_to(NEW.eventidentifier, 'UTF8'), convert_to(NEW.aggregateidentifier, 'UTF8'),
        convert_to(NEW.type, 'UTF8'), convert_to(NEW.payloadtype, 'UTF8'), convert_to(NEW.payloadrevision, 'UTF8'),
        convert_to(NEW.timestamp, 'UTF8'), NEW.payload, NEW.metadata];
    form BYTEA := '';
BEGIN
    FOR i IN 1 .. array_length(fields, 1) LOOP
        IF i = 3 THEN
            form := form || int8send(NEW.sequencenumber);
        END IF;
        form := form || CASE WHEN fields[i] IS NULL THEN int4send(-1) ELSE int4send(length(fields[i])) || fields[i] END;
    END LOOP;
    INSERT INTO audit_append_digest (global_index, stored_digest) VALUES (NEW.globalindex, sha256(form));
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
