-- private_key_jwt assertions are accepted once (RFC 7523 §3 item 7): every node records the (client, jti) it
-- accepted here, until the assertion expires; a second node's insert of the same pair finds it. Expired rows are
-- deleted by the nodes, so the table holds at most the assertions of the last maximum lifetime.
CREATE TABLE token_assertion_jti (
    client_id  VARCHAR(128) NOT NULL,
    jti        VARCHAR(256) NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX token_assertion_jti_by_expiry ON token_assertion_jti (expires_at);
