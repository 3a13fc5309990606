package dev.keyledger.token.authentication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.infrastructure.jwk.InvalidJwk;
import dev.keyledger.infrastructure.jwk.PublicJwk;
import dev.keyledger.infrastructure.postgres.PreparedStatements;
import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.secret.SecretSlot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
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
import java.util.function.Consumer;

/**
 * Reads the client auth view. The table belongs to the query side, which keeps it from the events; the token
 * endpoint only reads it, and only off the hot path (see {@link ClientAuthCache}).
 */
@Component
class ClientAuthRepository {

    private static final String COLUMNS = """
            client_id, status, primary_secret_id, primary_hash, primary_expires_at, secondary_secret_id,
            secondary_hash, secondary_expires_at, roles, permissions, access_token_ttl_seconds, allowed_audiences,
            version, revision, keys::text, federated_credentials::text, roles::text AS roles_text,
            permissions::text AS permissions_text, allowed_audiences::text AS allowed_audiences_text""";

    /**
     * One statement, so one snapshot: the rows changed since a horizon, each beside the horizon of the next read, the
     * oldest transaction still running when this one's snapshot was taken. A write this snapshot misses had not
     * committed, so its transaction's id is at or above that horizon and the next read finds it; rows may be read
     * twice, never missed. The left join keeps the horizon when nothing changed.
     */
    private static final String CHANGED_SINCE = """
            WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS next_horizon)
            SELECT horizon.next_horizon, %s
            FROM horizon LEFT JOIN query_client_auth ON written_by >= ?::text::xid8
            ORDER BY revision""".formatted(COLUMNS);

    /**
     * Rows fetched per round trip: the first read takes the whole view, a million rows and more, which the driver
     * would otherwise hold in memory all at once, next to the cache it fills (docs/DECISIONS.md 121).
     */
    private static final int FETCH_SIZE = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate streamed;
    private final SharedValues shared = new SharedValues();

    ClientAuthRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate();
        this.jdbc.setDataSource(jdbc == null ? null : jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.streamed = new TransactionTemplate(transactions);
        this.streamed.setReadOnly(true);
    }

    /**
     * Hands {@code into} the rows written by transactions with an id at or above {@code horizon}, oldest change
     * first, as they are read, and returns the horizon of the next read. The view's trigger stamps every write with
     * its transaction's id (query-side migration V4). The first read, from horizon zero, takes the whole view, which
     * the driver streams only inside a transaction; every later read is one statement on its own, with no
     * transaction around it, because it runs on every change the token endpoint learns of (docs/DECISIONS.md 132).
     * A read that fails part way has handed over some rows: they are newer than the cache's, or equal, so the cache
     * may keep them and read them again from the same horizon.
     */
    long changedSince(long horizon, Consumer<ClientAuthEntry> into) {
        if (horizon == 0) {
            return streamed.execute(status -> read(horizon, into));
        }
        return read(horizon, into);
    }

    private long read(long horizon, Consumer<ClientAuthEntry> into) {
        // Planned at each execution: a generic plan cannot tell how few rows changed and scans the view (decision 140).
        return jdbc.query(PreparedStatements.plannedEachTime(CHANGED_SINCE, horizon), rs -> {
            long next = horizon;
            while (rs.next()) {
                next = rs.getLong("next_horizon");
                if (rs.getString("client_id") != null) {
                    into.accept(row(rs));
                }
            }
            return next;
        });
    }

    /**
     * One row as the cache keeps it. The roles, permissions and audiences of a million clients are a few dozen
     * distinct sets: each is decoded and held once ({@link SharedValues}), not once per client.
     */
    private ClientAuthEntry row(ResultSet rs) throws SQLException {
        return new ClientAuthEntry(
                rs.getString("client_id"),
                ClientStatus.valueOf(rs.getString("status")),
                secret(rs, "primary", SecretSlot.PRIMARY),
                rs.getString("secondary_secret_id") == null ? null : secret(rs, "secondary", SecretSlot.SECONDARY),
                shared.read("roles", rs.getString("roles_text"), () -> List.copyOf(strings(rs.getArray("roles")))),
                shared.read("permissions", rs.getString("permissions_text"),
                        () -> Set.copyOf(strings(rs.getArray("permissions")))),
                rs.getInt("access_token_ttl_seconds"),
                shared.read("allowed_audiences", rs.getString("allowed_audiences_text"),
                        () -> Set.copyOf(strings(rs.getArray("allowed_audiences")))),
                rs.getLong("version"),
                rs.getLong("revision"),
                keys(rs.getString("keys")),
                federated(rs.getString("federated_credentials")));
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The keys and trust rules of nearly every client: none, not worth a JSON parse each. */
    private static final String NONE = "[]";

    /**
     * The query side's JSON array of keys ({@code ClientKeyColumn}), each key read with the same rules that admitted
     * it. One that no longer passes them (a rule tightened since) is left out: it cannot authenticate.
     */
    private static List<StoredKey> keys(String json) {
        if (NONE.equals(json)) {
            return List.of();
        }
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
        if (NONE.equals(json)) {
            return List.of();
        }
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
