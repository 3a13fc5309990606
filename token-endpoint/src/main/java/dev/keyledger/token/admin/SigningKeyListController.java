package dev.keyledger.token.admin;

import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.kernel.audit.AdminPermissions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/signing-keys}: every key ever made, oldest first, including retired keys no longer published —
 * an operator's history, read straight from the command side's key material table (never its key bytes).
 */
@RestController
class SigningKeyListController {

    private final JdbcClient jdbc;

    SigningKeyListController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/signing-keys")
    @RequiresPermission(AdminPermissions.AUDIT_READ)
    Map<String, List<SigningKeyListing>> list() {
        List<SigningKeyListing> items = jdbc.sql("""
                        SELECT kid, algorithm, status, created_at, activated_at, retired_at
                          FROM command_signing_key_material ORDER BY created_at, kid""")
                .query(SigningKeyListController::listing)
                .list();
        return Map.of("items", items);
    }

    private static SigningKeyListing listing(ResultSet rs, int row) throws SQLException {
        return new SigningKeyListing(rs.getString("kid"), rs.getString("algorithm"), rs.getString("status"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("activated_at")),
                instant(rs.getTimestamp("retired_at")));
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
