-- Signing keys' material, owned by the command side and read (never written) by token-endpoint nodes.
-- The private key is stored only sealed: AES-256-GCM under the key-encryption key, associated data
-- 'signing-key:<kid>', over its PKCS#8 encoding. The row is inserted in the transaction that appends the key's
-- signing-key.published event; the status columns follow the key's events in the same transaction (subscribing
-- processor). Rows are never deleted: a retired key past verify_until is simply no longer published.
CREATE TABLE command_signing_key_material (
    kid                VARCHAR(64) PRIMARY KEY,
    algorithm          VARCHAR(16) NOT NULL,
    public_key         BYTEA       NOT NULL, -- X.509 SubjectPublicKeyInfo (DER)
    sealed_private_key BYTEA       NOT NULL, -- nonce || AES-GCM(PKCS#8 DER) || tag
    status             VARCHAR(16) NOT NULL, -- PUBLISHED, ACTIVE, RETIRED
    created_at         TIMESTAMPTZ NOT NULL,
    activates_at       TIMESTAMPTZ NOT NULL,
    activated_at       TIMESTAMPTZ,
    retired_at         TIMESTAMPTZ,
    verify_until       TIMESTAMPTZ
);
CREATE INDEX command_signing_key_material_status ON command_signing_key_material (status, activates_at);
