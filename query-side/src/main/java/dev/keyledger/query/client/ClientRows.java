package dev.keyledger.query.client;

import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.client.state.SecretState;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.secret.HashedSecret;
import dev.keyledger.kernel.secret.SecretHash;
import dev.keyledger.kernel.secret.SecretSlot;
import dev.keyledger.query.processing.SqlValues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SortedSet;
import java.util.TreeSet;

/** Reads rows of {@code query_client}, for the projection and the read API alike. */
final class ClientRows {

    private ClientRows() {
    }

    static ClientState state(ResultSet row) throws SQLException {
        return new ClientState(
                new ClientId(row.getString("client_id")),
                row.getString("name"),
                row.getString("description"),
                ClientStatus.valueOf(row.getString("status")),
                new TreeSet<>(SqlValues.list(row, "roles", RoleName::new)),
                row.getInt("access_token_ttl_seconds"),
                SqlValues.uris(row, "allowed_audiences"),
                secret(row, "primary_", SecretSlot.PRIMARY),
                row.getString("secondary_secret_id") == null ? null : secret(row, "secondary_", SecretSlot.SECONDARY),
                ClientKeyColumn.read(row.getString("keys")),
                FederatedCredentialColumn.read(row.getString("federated_credentials")),
                row.getLong("version"),
                SqlValues.instant(row, "created_at"),
                SqlValues.instant(row, "updated_at"));
    }

    static StoredClient stored(ResultSet row) throws SQLException {
        SortedSet<Permission> permissions = new TreeSet<>(SqlValues.list(row, "permissions", Permission::new));
        return new StoredClient(state(row), permissions);
    }

    private static SecretState secret(ResultSet row, String prefix, SecretSlot slot) throws SQLException {
        HashedSecret secret = new HashedSecret(
                new SecretId(row.getString(prefix + "secret_id")),
                new SecretHash(row.getString(prefix + "hash")),
                row.getString(prefix + "hint"),
                SqlValues.instant(row, prefix + "expires_at"));
        return new SecretState(secret, slot, SqlValues.instant(row, prefix + "created_at"));
    }
}
