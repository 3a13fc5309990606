-- Tables owned by the query side. Every table here can be rebuilt from the event store, except audit_chain, which
-- is evidence about the event store and must never be rebuilt from it.

-- The client auth view: the one row the token endpoint reads per token request (one primary-key lookup).
-- Contract with token-endpoint: rows are never deleted (a deleted client keeps its row with status DELETED), and
-- every insert or update sets revision = nextval(...), so that readers can poll "revision > last seen".
CREATE SEQUENCE query_client_auth_revision;
CREATE TABLE query_client_auth (
    client_id                VARCHAR(128) PRIMARY KEY,
    status                   VARCHAR(16)  NOT NULL,   -- ACTIVE | DISABLED | DELETED
    primary_secret_id        VARCHAR(64)  NOT NULL,
    primary_hash             VARCHAR(64)  NOT NULL,   -- SecretHash.sha256() (base64url SHA-256)
    primary_expires_at       TIMESTAMPTZ,
    secondary_secret_id      VARCHAR(64),
    secondary_hash           VARCHAR(64),
    secondary_expires_at     TIMESTAMPTZ,
    roles                    TEXT[]       NOT NULL,
    permissions              TEXT[]       NOT NULL,   -- effective: union of the live roles' permissions
    access_token_ttl_seconds INTEGER      NOT NULL,
    allowed_audiences        TEXT[]       NOT NULL,
    version                  BIGINT       NOT NULL,   -- the client's aggregate version
    revision                 BIGINT       NOT NULL DEFAULT nextval('query_client_auth_revision')
);
CREATE INDEX query_client_auth_by_revision ON query_client_auth (revision);

-- The client view behind GET /api/v1/clients. The secret columns hold hashes so that the projection can fold the
-- next event from this row alone; the read API never selects them into an answer.
CREATE TABLE query_client (
    client_id                VARCHAR(128) PRIMARY KEY,
    name                     VARCHAR(200) NOT NULL,
    description              TEXT,
    status                   VARCHAR(16)  NOT NULL,
    roles                    TEXT[]       NOT NULL,
    permissions              TEXT[]       NOT NULL,
    access_token_ttl_seconds INTEGER      NOT NULL,
    allowed_audiences        TEXT[]       NOT NULL,
    primary_secret_id        VARCHAR(64)  NOT NULL,
    primary_hash             VARCHAR(64)  NOT NULL,
    primary_hint             VARCHAR(4)   NOT NULL,
    primary_created_at       TIMESTAMPTZ  NOT NULL,
    primary_expires_at       TIMESTAMPTZ,
    secondary_secret_id      VARCHAR(64),
    secondary_hash           VARCHAR(64),
    secondary_hint           VARCHAR(4),
    secondary_created_at     TIMESTAMPTZ,
    secondary_expires_at     TIMESTAMPTZ,
    version                  BIGINT       NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL
);
CREATE INDEX query_client_in_list_order ON query_client (created_at, client_id);
CREATE INDEX query_client_by_role ON query_client USING GIN (roles);

-- The role view, with deleted roles kept (live = false) so that a late client event still finds the name and a
-- re-creation continues the same row.
CREATE TABLE query_role (
    role_name   VARCHAR(64) PRIMARY KEY,
    description TEXT,
    permissions TEXT[]      NOT NULL,
    live        BOOLEAN     NOT NULL,
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- The hash chain over the event store in global order: link(n) = SHA-256(link(n-1) || canonical form of event n).
-- One row per linked event, keyed by its global position (positions can have gaps; the chain skips them).
CREATE TABLE audit_chain (
    global_index BIGINT PRIMARY KEY,
    link         BYTEA  NOT NULL
);

-- Query-side nodes that are alive, so that each takes a fair share of every projection's segments.
CREATE TABLE query_node (
    node_id VARCHAR(255) PRIMARY KEY,
    seen_at TIMESTAMPTZ  NOT NULL
);
