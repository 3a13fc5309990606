-- Audit keys' material, owned by the command side and read (never written) by query-side nodes, which sign the audit
-- chain's checkpoints with the active key and serve every key's public part as the audit key set. The private key is
-- stored only sealed: AES-256-GCM under the key-encryption key, associated data 'audit-key:<kid>', over its PKCS#8
-- encoding. The row is inserted in the transaction that appends the key's audit-key.published event; the status
-- columns follow the key's events in the same transaction (subscribing processor). Rows are never deleted: every
-- checkpoint a key signed must stay verifiable.
CREATE TABLE command_audit_key_material (
    kid                VARCHAR(64) PRIMARY KEY,
    algorithm          VARCHAR(16) NOT NULL,
    public_key         BYTEA       NOT NULL, -- X.509 SubjectPublicKeyInfo (DER)
    sealed_private_key BYTEA       NOT NULL, -- nonce || AES-GCM(PKCS#8 DER) || tag
    status             VARCHAR(16) NOT NULL, -- PUBLISHED, ACTIVE, RETIRED
    created_at         TIMESTAMPTZ NOT NULL,
    activated_at       TIMESTAMPTZ,
    retired_at         TIMESTAMPTZ
);
CREATE INDEX command_audit_key_material_status ON command_audit_key_material (status);
