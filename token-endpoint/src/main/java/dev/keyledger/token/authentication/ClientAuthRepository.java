package dev.keyledger.token.authentication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.infrastructure.jwk.InvalidJwk;
import dev.keyledger.infrastructure.jwk.PublicJwk;
import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.secret.SecretSlot;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the client auth view. The table belongs to the query side, which keeps it from the events; the token
 * endpoint only reads it, and only off the hot path (see {@link ClientAuthCache}).
 */
@Component
class ClientAuthRepository {

    private static final String COLUMNS = """
            client_id, status, primary_secret_id, primary_hash, primary_expires_at, secondary_secret_id,
            secondary_hash, secondary_expires_at, roles, permissions, access_token_ttl_seconds, allowed_audiences,
            version, revision, keys::text, federated_credentials::text""";

    private final JdbcClient jdbc;
    private final TransactionTemplate oneSnapshot;

    ClientAuthRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.oneSnapshot = new TransactionTemplate(transactions);
        this.oneSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.oneSnapshot.setReadOnly(true);
    }

    /**
     * The rows written by transactions with an id at or above {@code horizon}, oldest change first, and the horizon
     * of the next read, both in one snapshot (repeatable read takes it at the first statement). The view's trigger
     * stamps every write with its transaction's id (query-side migration V4).
     */
    ClientAuthChanges changedSince(long horizon) {
        return oneSnapshot.execute(status -> {
            long nextHorizon = jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                    .query(Long.class).single();
            List<ClientAuthEntry> rows = jdbc.sql("SELECT " + COLUMNS
                            + " FROM query_client_auth WHERE written_by >= ?::text::xid8 ORDER BY revision")
                    .param(horizon)
                    .query(ROW)
                    .list();
            return new ClientAuthChanges(rows, nextHorizon);
        });
    }

    private static final RowMapper<ClientAuthEntry> ROW = (rs, row) -> new ClientAuthEntry(
            rs.getString("client_id"),
            ClientStatus.valueOf(rs.getString("status")),
            secret(rs, "primary", SecretSlot.PRIMARY),
            rs.getString("secondary_secret_id") == null ? null : secret(rs, "secondary", SecretSlot.SECONDARY),
            List.copyOf(strings(rs.getArray("roles"))),
            Set.copyOf(strings(rs.getArray("permissions"))),
            rs.getInt("access_token_ttl_seconds"),
            Set.copyOf(strings(rs.getArray("allowed_audiences"))),
            rs.getLong("version"),
            rs.getLong("revision"),
            keys(rs.getString("keys")),
            federated(rs.getString("federated_credentials")));

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The query side's JSON array of keys ({@code ClientKeyColumn}), each key read with the same rules that admitted
     * it. One that no longer passes them (a rule tightened since) is left out: it cannot authenticate.
     */
    private static List<StoredKey> keys(String json) {
        List<StoredKey> keys = new ArrayList<>();
        try {
            for (JsonNode row : JSON.readTree(json)) {
                try {
                    PublicJwk jwk = PublicJwk.parse(row.get("publicJwk").asText());
                    String expiresAt = row.path("expiresAt").asText(null);
                    keys.add(new StoredKey(row.get("keyId").asText(), jwk.kid(), jwk.alg(), jwk.key(),
                            expiresAt == null ? null : Instant.parse(expiresAt)));
                } catch (InvalidJwk e) {
                    // Left out, as said above.
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("query_client_auth.keys is not a JSON array", e);
        }
        return keys;
    }

    /** The query side's JSON array of trust rules ({@code FederatedCredentialColumn}). */
    private static List<FederatedRule> federated(String json) {
        List<FederatedRule> rules = new ArrayList<>();
        try {
            for (JsonNode row : JSON.readTree(json)) {
                List<String> audiences = new ArrayList<>();
                row.get("audiences").forEach(audience -> audiences.add(audience.asText()));
                rules.add(new FederatedRule(row.get("credentialId").asText(), row.get("issuer").asText(),
                        row.get("subject").asText(), audiences));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("query_client_auth.federated_credentials is not a JSON array", e);
        }
        return rules;
    }

    private static StoredSecret secret(ResultSet rs, String prefix, SecretSlot slot) throws SQLException {
        Timestamp expiresAt = rs.getTimestamp(prefix + "_expires_at");
        return new StoredSecret(rs.getString(prefix + "_secret_id"), slot,
                Base64.getUrlDecoder().decode(rs.getString(prefix + "_hash")),
                expiresAt == null ? null : expiresAt.toInstant());
    }

    private static Set<String> strings(Array array) throws SQLException {
        Set<String> values = new LinkedHashSet<>();
        if (array != null) {
            for (Object value : (Object[]) array.getArray()) {
                values.add((String) value);
            }
        }
        return values;
    }
}
