-- Tables owned by the token endpoint. Other sides read them through their own small repositories.

-- Every token issued and every failed or throttled attempt (DESIGN.md decision 5), written in batches off the
-- hot path. client_id is the id that was presented, which for a failure may name no client at all.
CREATE TABLE token_issuance_log (
    position       BIGSERIAL    PRIMARY KEY,
    at             TIMESTAMPTZ  NOT NULL,
    client_id      VARCHAR(128),
    outcome        VARCHAR(16)  NOT NULL,
    jti            VARCHAR(64),
    secret_id      VARCHAR(64),
    slot           VARCHAR(16),
    scope          TEXT,
    audience       TEXT[],
    source_address VARCHAR(64)  NOT NULL,
    reason         VARCHAR(64)
);
CREATE INDEX token_issuance_log_by_client ON token_issuance_log (client_id, position);

-- When each secret last authenticated: what an operator checks before deleting the old secret of a rotation.
CREATE TABLE token_secret_usage (
    secret_id    VARCHAR(64)  PRIMARY KEY,
    client_id    VARCHAR(128) NOT NULL,
    last_used_at TIMESTAMPTZ  NOT NULL
);

-- Revoked tokens (RFC 7009), kept until they would have expired anyway.
CREATE TABLE token_revocation (
    jti        VARCHAR(64)  PRIMARY KEY,
    client_id  VARCHAR(128) NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX token_revocation_by_expiry ON token_revocation (expires_at);
