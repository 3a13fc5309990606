-- The audit chain over the exported entries (docs/AUDIT-EVIDENCE.md): one row per linked event, keyed by its global
-- position. It replaces audit_chain, which stays as the legacy chain: frozen, still verified, and committed to by
-- the new chain's genesis (audit_chain_anchor), so the history it covered keeps its evidence.
CREATE TABLE audit_link (
    global_index BIGINT PRIMARY KEY,
    link         BYTEA  NOT NULL
);

-- At most one row: where a store that had a legacy chain re-anchored on it.
CREATE TABLE audit_chain_anchor (
    legacy_position BIGINT      PRIMARY KEY,
    legacy_head     BYTEA       NOT NULL,
    genesis         BYTEA       NOT NULL,
    anchored_at     TIMESTAMPTZ NOT NULL
);
