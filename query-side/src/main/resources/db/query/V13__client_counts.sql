-- The client list's total without counting a million rows (docs/DECISIONS.md 124): how many clients there are, per
-- status and per role and status, kept by triggers as the view is written. Each database session adds to rows of its
-- own (slot = its backend pid), so that projector sessions writing at the same time never wait for one another or
-- deadlock; a total is the sum over the slots, exact in any snapshot because the counts commit with the rows they
-- count. ClientCounts folds the slots of ended sessions into slot 0. role '' counts every client.
CREATE TABLE query_client_count (
    slot   INTEGER     NOT NULL,
    status VARCHAR(16) NOT NULL,
    role   VARCHAR(64) NOT NULL,
    n      BIGINT      NOT NULL,
    PRIMARY KEY (slot, status, role)
);

CREATE FUNCTION query_client_count_add(client_status VARCHAR, client_roles TEXT[], delta INTEGER) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO query_client_count (slot, status, role, n)
    SELECT pg_backend_pid(), client_status, role, delta FROM unnest(array_prepend('', client_roles)) AS role
    ON CONFLICT (slot, status, role) DO UPDATE SET n = query_client_count.n + EXCLUDED.n
$$;

CREATE FUNCTION query_client_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM query_client_count_add(OLD.status, OLD.roles, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM query_client_count_add(NEW.status, NEW.roles, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION query_client_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM query_client_count;
    RETURN NULL;
END $$;

-- Triggers first: they lock out the view's writers until this migration commits, so the counts below miss nothing.
CREATE TRIGGER query_client_inserted AFTER INSERT ON query_client
    FOR EACH ROW EXECUTE FUNCTION query_client_counted();
CREATE TRIGGER query_client_deleted AFTER DELETE ON query_client
    FOR EACH ROW EXECUTE FUNCTION query_client_counted();
CREATE TRIGGER query_client_recounted AFTER UPDATE OF status, roles ON query_client
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.roles IS DISTINCT FROM NEW.roles)
    EXECUTE FUNCTION query_client_counted();
CREATE TRIGGER query_client_truncated AFTER TRUNCATE ON query_client
    FOR EACH STATEMENT EXECUTE FUNCTION query_client_counts_truncated();

INSERT INTO query_client_count (slot, status, role, n)
SELECT 0, status, role, count(*) FROM query_client, unnest(array_prepend('', roles)) AS role GROUP BY status, role;
