package dev.keyledger.command.auditkey;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The command side's table of audit keys ({@code command_audit_key_material}): what it stores and finds. */
@Component
class AuditKeyMaterial {

    /**
     * Serialises every change to which audit key is active, across all command-side nodes. Not the signing keys'
     * lock: the two lifecycles are independent. The value is arbitrary but fixed forever.
     */
    private static final long LIFECYCLE_LOCK = 0x4B4C_4155_4B45_5931L;

    private static final String COLUMNS = "kid, algorithm, status, created_at, activated_at, retired_at";
    private static final RowMapper<AuditKeyRecord> RECORD = AuditKeyMaterial::record;

    private final JdbcClient jdbc;

    AuditKeyMaterial(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new key; only in the transaction that publishes it, so no row exists without its event. */
    void insert(String kid, String algorithm, byte[] publicKey, byte[] sealedPrivateKey) {
        jdbc.sql("""
                        INSERT INTO command_audit_key_material
                               (kid, algorithm, public_key, sealed_private_key, status, created_at)
                        VALUES (?, ?, ?, ?, 'PUBLISHED', now())""")
                .params(kid, algorithm, publicKey, sealedPrivateKey)
                .update();
    }

    /** Takes the lifecycle lock until the current transaction ends; must run inside one. */
    void lockLifecycle() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LIFECYCLE_LOCK).query().listOfRows();
    }

    Optional<AuditKeyRecord> find(String kid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM command_audit_key_material WHERE kid = ?")
                .param(kid).query(RECORD).optional();
    }

    List<AuditKeyRecord> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM command_audit_key_material WHERE status = 'ACTIVE' ORDER BY kid")
                .query(RECORD).list();
    }

    private static AuditKeyRecord record(ResultSet rs, int row) throws SQLException {
        return new AuditKeyRecord(
                rs.getString("kid"),
                rs.getString("algorithm"),
                rs.getString("status"),
                instant(rs, "created_at"),
                instant(rs, "activated_at"),
                instant(rs, "retired_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
