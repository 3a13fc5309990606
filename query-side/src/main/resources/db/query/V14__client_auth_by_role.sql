-- A role change recomputes the permissions of the role's holders in the auth view (ClientAuthStore). Without an index
-- on roles that is a scan of every client's row inside the views' transaction, on a million clients long enough to
-- hold back every token node's view of every other change. The client view has had the same index since V1.
CREATE INDEX query_client_auth_by_role ON query_client_auth USING GIN (roles);
