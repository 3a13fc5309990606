package dev.keyledger.query.client;

import dev.keyledger.infrastructure.postgres.PreparedStatements;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.client.state.SecretState;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.query.processing.RedactedText;
import dev.keyledger.query.processing.SqlValues;
import dev.keyledger.query.role.EffectivePermissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the client view ({@code query_client}). Every write is guarded by the version: a redelivery is a no-op.
 * A row's effective permissions are computed by PostgreSQL as it is written, from the role view in the same
 * transaction, by the same expression that recomputes them when a role changes.
 */
@Component
public class ClientViewStore {

    private static final String UPSERT = """
            INSERT INTO query_client (client_id, name, description, status, roles, permissions,
                access_token_ttl_seconds, allowed_audiences,
                primary_secret_id, primary_hash, primary_hint, primary_created_at, primary_expires_at,
                secondary_secret_id, secondary_hash, secondary_hint, secondary_created_at,
                secondary_expires_at, keys, federated_credentials, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, %s, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?)
            ON CONFLICT (client_id) DO UPDATE SET name = EXCLUDED.name,
                description = EXCLUDED.description, status = EXCLUDED.status, roles = EXCLUDED.roles,
                permissions = EXCLUDED.permissions,
                access_token_ttl_seconds = EXCLUDED.access_token_ttl_seconds,
                allowed_audiences = EXCLUDED.allowed_audiences,
                primary_secret_id = EXCLUDED.primary_secret_id, primary_hash = EXCLUDED.primary_hash,
                primary_hint = EXCLUDED.primary_hint, primary_created_at = EXCLUDED.primary_created_at,
                primary_expires_at = EXCLUDED.primary_expires_at,
                secondary_secret_id = EXCLUDED.secondary_secret_id,
                secondary_hash = EXCLUDED.secondary_hash, secondary_hint = EXCLUDED.secondary_hint,
                secondary_created_at = EXCLUDED.secondary_created_at,
                secondary_expires_at = EXCLUDED.secondary_expires_at, keys = EXCLUDED.keys,
                federated_credentials = EXCLUDED.federated_credentials,
                version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
            WHERE query_client.version < EXCLUDED.version""".formatted(EffectivePermissions.OF_ROLES_PARAMETER);
    /** {@code @>} rather than {@code = ANY}: only containment can use the GIN index on {@code roles}. */
    static final String RECOMPUTE = "UPDATE query_client SET permissions = "
            + EffectivePermissions.OF_ROLES_COLUMN + " WHERE roles @> ARRAY[CAST(? AS text)]";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    public ClientViewStore(JdbcTemplate jdbc) {
        this.template = jdbc;
        this.jdbc = JdbcClient.create(jdbc);
    }

    public Optional<ClientState> load(ClientId clientId) {
        return jdbc.sql("SELECT * FROM query_client WHERE client_id = ?")
                .param(clientId.value())
                .query((row, n) -> ClientRows.state(row))
                .optional();
    }

    /** The rows of those clients that have one, in one query. */
    public Map<ClientId, ClientState> loadAll(Collection<ClientId> clientIds) {
        Map<ClientId, ClientState> found = new HashMap<>();
        if (clientIds.isEmpty()) {
            return found;
        }
        template.query(PreparedStatements.plannedEachTime("SELECT * FROM query_client WHERE client_id = ANY(?)",
                        (Object) SqlValues.textArray(clientIds)), (row, n) -> ClientRows.state(row))
                .forEach(state -> found.put(state.clientId(), state));
        return found;
    }

    /** Writes these clients' states in one batch of statements. */
    public void saveAll(List<ClientState> clients) {
        if (clients.isEmpty()) {
            return;
        }
        template.batchUpdate(UPSERT, clients.stream().map(ClientViewStore::parameters).toList());
    }

    private static Object[] parameters(ClientState client) {
        SecretState primary = client.primary();
        SecretState secondary = client.secondary();
        String[] roles = SqlValues.textArray(client.roles());
        return new Object[] {client.clientId().value(), client.name(), client.description(), client.status().name(),
                roles, roles, client.accessTokenTtlSeconds(), SqlValues.textArray(client.allowedAudiences()),
                primary.secret().secretId().value(), RedactedText.of(primary.secret().hash().sha256()),
                primary.secret().hint(), SqlValues.timestamp(primary.createdAt()),
                SqlValues.timestamp(primary.secret().expiresAt()),
                secondary == null ? null : secondary.secret().secretId().value(),
                secondary == null ? null : RedactedText.of(secondary.secret().hash().sha256()),
                secondary == null ? null : secondary.secret().hint(),
                secondary == null ? null : SqlValues.timestamp(secondary.createdAt()),
                secondary == null ? null : SqlValues.timestamp(secondary.secret().expiresAt()),
                ClientKeyColumn.write(client.keys()),
                FederatedCredentialColumn.write(client.federatedCredentials()), client.version(),
                SqlValues.timestamp(client.createdAt()),
                SqlValues.timestamp(client.updatedAt())};
    }

    /** Recomputes the effective permissions of every client holding the role, after the role changed. */
    public int recomputePermissions(RoleName role) {
        return jdbc.sql(RECOMPUTE).param(role.value()).update();
    }

    /** Empties the view before a replay rebuilds it. */
    public void clear() {
        jdbc.sql("TRUNCATE query_client").update();
    }
}
