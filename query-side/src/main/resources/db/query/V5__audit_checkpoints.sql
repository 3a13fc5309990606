-- Signed checkpoints of the audit chain (API.md §2 "Audit", docs/AUDIT-EVIDENCE.md). Like audit_chain, evidence about
-- the event store that must never be rebuilt from it. Each row is exactly what was signed: created_at keeps the
-- millisecond the signature covers, and previous_checkpoint_hash chains the rows (null for the first only).
CREATE TABLE audit_checkpoint (
    position                 BIGINT PRIMARY KEY, -- global position of the last event covered
    event_count              BIGINT      NOT NULL, -- events linked up to and including position
    head_hash                TEXT        NOT NULL, -- the chain's link at position, lowercase hex
    previous_checkpoint_hash TEXT,                 -- hex SHA-256 of the previous checkpoint's canonical JSON, signed
    created_at               TIMESTAMPTZ NOT NULL,
    key_id                   TEXT        NOT NULL, -- kid of the audit key that signed
    signature                TEXT        NOT NULL  -- Ed25519, base64url without padding
);

-- How far each outside copy of the checkpoints has got (the Kafka topic), so a copy missed during an outage is sent
-- later, in order. The per-node checkpoint folders need no row: each node reads its own folder.
CREATE TABLE audit_checkpoint_publication (
    target   TEXT PRIMARY KEY,
    position BIGINT NOT NULL
);
