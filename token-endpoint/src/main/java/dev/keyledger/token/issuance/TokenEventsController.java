package dev.keyledger.token.issuance;

import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.token.authentication.ClientAuthCache;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/clients/{clientId}/token-events}: a client's issuance log, oldest first, in pages; {@code since}
 * (an instant, inclusive) starts a read at a time instead of a position, so that a recent window is found without
 * paging through the whole retention period.
 */
@RestController
class TokenEventsController {

    private static final int MAX_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final ClientAuthCache clients;

    TokenEventsController(JdbcClient jdbc, ClientAuthCache clients) {
        this.jdbc = jdbc;
        this.clients = clients;
    }

    @GetMapping("/api/v1/clients/{clientId}/token-events")
    @RequiresPermission(AdminPermissions.AUDIT_READ)
    ResponseEntity<Map<String, Object>> tokenEvents(@PathVariable String clientId,
                                                    @RequestParam(name = "after", defaultValue = "0") long after,
                                                    @RequestParam(name = "limit", defaultValue = "100") int limit,
                                                    @RequestParam(name = "since", required = false)
                                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since) {
        if (clients.find(clientId).isEmpty()) {
            ErrorResponseException unknown = new ErrorResponseException(HttpStatus.NOT_FOUND);
            unknown.setDetail("there is no such client");
            throw unknown;
        }
        if (after < 0 || limit < 1 || limit > MAX_LIMIT) {
            ErrorResponseException invalid = new ErrorResponseException(HttpStatus.BAD_REQUEST);
            invalid.setDetail("after must be >= 0 and limit between 1 and " + MAX_LIMIT);
            throw invalid;
        }
        List<Map<String, Object>> items = jdbc.sql("""
                        SELECT position, at, outcome, jti, secret_id, slot, key_id, credential_id, scope, audience,
                               source_address, reason
                          FROM token_issuance_log WHERE client_id = ? AND position > ? AND at >= ?
                         ORDER BY position LIMIT ?""")
                .params(clientId, after, Timestamp.from(since == null ? Instant.EPOCH : since), limit)
                .query((rs, row) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("position", rs.getLong("position"));
                    item.put("at", rs.getTimestamp("at").toInstant());
                    item.put("outcome", rs.getString("outcome"));
                    item.put("jti", rs.getString("jti"));
                    item.put("secretId", rs.getString("secret_id"));
                    item.put("slot", rs.getString("slot"));
                    item.put("keyId", rs.getString("key_id"));
                    item.put("credentialId", rs.getString("credential_id"));
                    item.put("scope", rs.getString("scope"));
                    item.put("audience", strings(rs.getArray("audience")));
                    item.put("sourceAddress", rs.getString("source_address"));
                    item.put("reason", rs.getString("reason"));
                    return item;
                })
                .list();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next", items.size() < limit ? null : items.get(items.size() - 1).get("position"));
        return ResponseEntity.ok(page);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
