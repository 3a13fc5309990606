package dev.keyledger.query.auth;

import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.client.state.SecretState;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.query.client.ClientKeyColumn;
import dev.keyledger.query.client.FederatedCredentialColumn;
import dev.keyledger.query.processing.RedactedText;
import dev.keyledger.query.processing.SqlValues;
import dev.keyledger.query.role.EffectivePermissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Writes the client auth view ({@code query_client_auth}), the table the token endpoint reads through its own
 * repository. The contract it keeps: rows are never deleted; every insert or update takes a new {@code revision}
 * from the sequence (which orders two versions of one row) and is stamped by a trigger with its transaction's id
 * ({@code written_by}, migration V4), from which readers find every change in commit order (docs/DECISIONS.md 61).
 * Writes are guarded by the client's version, so a redelivered event changes nothing (and takes no revision).
 */
@Component
public class ClientAuthStore {

    private static final String UPSERT = """
            INSERT INTO query_client_auth (client_id, status, primary_secret_id, primary_hash,
                primary_expires_at, secondary_secret_id, secondary_hash, secondary_expires_at,
                roles, permissions, access_token_ttl_seconds, allowed_audiences, keys, federated_credentials,
                version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, %s, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)
            ON CONFLICT (client_id) DO UPDATE SET status = EXCLUDED.status,
                primary_secret_id = EXCLUDED.primary_secret_id, primary_hash = EXCLUDED.primary_hash,
                primary_expires_at = EXCLUDED.primary_expires_at,
                secondary_secret_id = EXCLUDED.secondary_secret_id,
                secondary_hash = EXCLUDED.secondary_hash,
                secondary_expires_at = EXCLUDED.secondary_expires_at,
                roles = EXCLUDED.roles, permissions = EXCLUDED.permissions,
                access_token_ttl_seconds = EXCLUDED.access_token_ttl_seconds,
                allowed_audiences = EXCLUDED.allowed_audiences, keys = EXCLUDED.keys,
                federated_credentials = EXCLUDED.federated_credentials,
                version = EXCLUDED.version,
                revision = nextval('query_client_auth_revision')
            WHERE query_client_auth.version < EXCLUDED.version""".formatted(EffectivePermissions.OF_ROLES_PARAMETER);
    /** {@code @>} rather than {@code = ANY}: only containment can use the GIN index on {@code roles} (V14). */
    static final String RECOMPUTE = "UPDATE query_client_auth SET permissions = "
            + EffectivePermissions.OF_ROLES_COLUMN + ", revision = nextval('query_client_auth_revision')"
            + " WHERE roles @> ARRAY[CAST(? AS text)] AND permissions IS DISTINCT FROM "
            + EffectivePermissions.OF_ROLES_COLUMN;

    private final JdbcTemplate batches;
    private final JdbcClient jdbc;

    public ClientAuthStore(JdbcTemplate jdbc) {
        this.batches = jdbc;
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Writes these clients' states in one batch of statements, permissions computed from the role view. */
    public void saveAll(List<ClientState> clients) {
        if (clients.isEmpty()) {
            return;
        }
        batches.batchUpdate(UPSERT, clients.stream().map(ClientAuthStore::parameters).toList());
    }

    private static Object[] parameters(ClientState client) {
        SecretState primary = client.primary();
        SecretState secondary = client.secondary();
        String[] roles = SqlValues.textArray(client.roles());
        return new Object[] {client.clientId().value(), client.status().name(),
                primary.secret().secretId().value(), RedactedText.of(primary.secret().hash().sha256()),
                SqlValues.timestamp(primary.secret().expiresAt()),
                secondary == null ? null : secondary.secret().secretId().value(),
                secondary == null ? null : RedactedText.of(secondary.secret().hash().sha256()),
                secondary == null ? null : SqlValues.timestamp(secondary.secret().expiresAt()),
                roles, roles, client.accessTokenTtlSeconds(), SqlValues.textArray(client.allowedAudiences()),
                ClientKeyColumn.write(client.keys()),
                FederatedCredentialColumn.write(client.federatedCredentials()), client.version()};
    }

    /**
     * Recomputes the effective permissions of every client holding the role, after the role changed. Only rows
     * whose permissions actually change are updated, so that caches are invalidated for a reason.
     */
    public int recomputePermissions(RoleName role) {
        return jdbc.sql(RECOMPUTE).param(role.value()).update();
    }
}
