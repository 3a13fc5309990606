-- Tables owned by the command side. Lookups are kept in the same transaction as the events that change them
-- (subscribing processor), so the set-based rules they serve are never stale.

-- Live roles and their permissions: "a role must exist to be assigned", and effective permissions in write answers.
CREATE TABLE command_role_lookup (
    role_name   VARCHAR(64) PRIMARY KEY,
    permissions TEXT[]      NOT NULL
);

-- Which non-deleted clients hold which role: the clients to unassign when a role is deleted.
CREATE TABLE command_client_role_lookup (
    role_name VARCHAR(64)  NOT NULL,
    client_id VARCHAR(128) NOT NULL,
    PRIMARY KEY (role_name, client_id)
);

-- First answers to registrations sent with an Idempotency-Key, replayed for 24 hours. The body holds the new
-- client's secret, so it is stored sealed (AES-GCM under the key-encryption key) and purged after 24 hours.
CREATE TABLE command_idempotency (
    caller          VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    BYTEA        NOT NULL,
    status          INTEGER      NOT NULL,
    location        TEXT,
    etag            TEXT,
    sealed_body     BYTEA,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX command_idempotency_created_at ON command_idempotency (created_at);
