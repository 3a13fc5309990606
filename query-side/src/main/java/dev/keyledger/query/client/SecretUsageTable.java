package dev.keyledger.query.client;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import dev.keyledger.kernel.id.SecretId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads {@code token_secret_usage}, which the token endpoint owns and keeps from its issuance log (within about
 * 100 ms of a token); the query side only reads it.
 */
@Component
class SecretUsageTable implements SecretUsage {

    private final JdbcClient jdbc;

    SecretUsageTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> lastUsedAt(ClientId clientId, SecretId secretId) {
        return lastUsedAt(clientId, secretId.value());
    }

    /** A key's use is kept under its key id, beside the secrets' (docs/DECISIONS.md 103). */
    @Override
    public Optional<Instant> lastUsedAt(ClientId clientId, ClientKeyId keyId) {
        return lastUsedAt(clientId, keyId.value());
    }

    /** So is a federated credential's, under its credential id. */
    @Override
    public Optional<Instant> lastUsedAt(ClientId clientId, FederatedCredentialId credentialId) {
        return lastUsedAt(clientId, credentialId.value());
    }

    private Optional<Instant> lastUsedAt(ClientId clientId, String credentialId) {
        return jdbc.sql("SELECT last_used_at FROM token_secret_usage WHERE secret_id = ? AND client_id = ?")
                .params(credentialId, clientId.value())
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }
}
