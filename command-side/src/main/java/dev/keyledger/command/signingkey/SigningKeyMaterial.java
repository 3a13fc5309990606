package dev.keyledger.command.signingkey;

import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import dev.keyledger.kernel.signingkey.SigningKeyStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The command side's table of signing keys ({@code command_signing_key_material}): what it stores and finds. */
@Component
class SigningKeyMaterial {

    /**
     * One PostgreSQL advisory lock serialises every change to which key is active, across all command-side nodes:
     * the first-start key, start-up algorithm changes and activations. The value is arbitrary but fixed forever.
     */
    private static final long LIFECYCLE_LOCK = 0x4B65794C65646765L;

    private static final String COLUMNS = "kid, algorithm, status, created_at, activates_at, activated_at, retired_at";
    private static final RowMapper<KeyRecord> RECORD = SigningKeyMaterial::record;

    private final JdbcClient jdbc;

    SigningKeyMaterial(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new key; only in the transaction that publishes it, so no row exists without its event. */
    void insert(String kid, SigningAlgorithm algorithm, byte[] publicKey, byte[] sealedPrivateKey, Instant activatesAt) {
        jdbc.sql("""
                        INSERT INTO command_signing_key_material
                               (kid, algorithm, public_key, sealed_private_key, status, created_at, activates_at)
                        VALUES (?, ?, ?, ?, ?, now(), ?)""")
                .params(kid, algorithm.name(), publicKey, sealedPrivateKey, SigningKeyStatus.PUBLISHED.name(),
                        Timestamp.from(activatesAt))
                .update();
    }

    /** Takes the lifecycle lock until the current transaction ends; must run inside one. */
    void lockLifecycle() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LIFECYCLE_LOCK).query().listOfRows();
    }

    Optional<KeyRecord> find(String kid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM command_signing_key_material WHERE kid = ?")
                .param(kid).query(RECORD).optional();
    }

    Optional<KeyRecord> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM command_signing_key_material WHERE status = 'ACTIVE'"
                        + " ORDER BY activated_at DESC LIMIT 1")
                .query(RECORD).optional();
    }

    List<KeyRecord> inStatus(SigningKeyStatus status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM command_signing_key_material WHERE status = ?"
                        + " ORDER BY activates_at, kid")
                .param(status.name()).query(RECORD).list();
    }

    /** Published keys whose activation moment has come, the earliest first. */
    List<KeyRecord> dueForActivation(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM command_signing_key_material"
                        + " WHERE status = 'PUBLISHED' AND activates_at <= ? ORDER BY activates_at, kid")
                .param(Timestamp.from(now)).query(RECORD).list();
    }

    private static KeyRecord record(ResultSet rs, int row) throws SQLException {
        return new KeyRecord(
                rs.getString("kid"),
                SigningAlgorithm.of(rs.getString("algorithm")),
                SigningKeyStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"),
                instant(rs, "activates_at"),
                instant(rs, "activated_at"),
                instant(rs, "retired_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
