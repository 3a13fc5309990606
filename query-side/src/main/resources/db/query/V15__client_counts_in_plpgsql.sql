-- The same function as in V13, in PL/pgSQL (docs/DECISIONS.md 138). A LANGUAGE sql function called from a trigger is
-- parsed and planned again on every call (PostgreSQL before 18 caches its plan for one calling query only), and the
-- view's writers call it for every row they write: two thirds of a replay's writing time went there. PL/pgSQL keeps
-- the plan of its statement for the session.
CREATE OR REPLACE FUNCTION query_client_count_add(client_status VARCHAR, client_roles TEXT[], delta INTEGER)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO query_client_count (slot, status, role, n)
    SELECT pg_backend_pid(), client_status, role, delta FROM unnest(array_prepend('', client_roles)) AS role
    ON CONFLICT (slot, status, role) DO UPDATE SET n = query_client_count.n + EXCLUDED.n;
END $$;
