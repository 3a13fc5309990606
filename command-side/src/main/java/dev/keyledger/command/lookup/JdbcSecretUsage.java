package dev.keyledger.command.lookup;

import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import dev.keyledger.kernel.id.SecretId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code token_secret_usage}, which the token endpoint owns and keeps from its issuance log; the command side
 * only reads it. A key's use is recorded there under its key id, like a secret's under its secret id
 * (docs/DECISIONS.md 103).
 */
@Component
class JdbcSecretUsage implements SecretUsage {

    private final JdbcClient jdbc;
    private final Duration deleteGuard;

    JdbcSecretUsage(JdbcClient jdbc, @Value("${keyledger.secrets.delete-guard:PT15M}") Duration deleteGuard) {
        this.jdbc = jdbc;
        this.deleteGuard = deleteGuard;
    }

    @Override
    public Optional<Instant> lastUsedAt(SecretId secretId) {
        return Optional.ofNullable(lastUsedAt(List.of(secretId)).get(secretId));
    }

    @Override
    public Map<SecretId, Instant> lastUsedAt(Collection<SecretId> secretIds) {
        return usage(secretIds, SecretId::value, SecretId::new);
    }

    @Override
    public Optional<Instant> lastUsedAt(ClientKeyId keyId) {
        return Optional.ofNullable(keysLastUsedAt(List.of(keyId)).get(keyId));
    }

    @Override
    public Map<ClientKeyId, Instant> keysLastUsedAt(Collection<ClientKeyId> keyIds) {
        return usage(keyIds, ClientKeyId::value, ClientKeyId::new);
    }

    @Override
    public Map<FederatedCredentialId, Instant> federatedLastUsedAt(Collection<FederatedCredentialId> credentialIds) {
        return usage(credentialIds, FederatedCredentialId::value, FederatedCredentialId::new);
    }

    private <I> Map<I, Instant> usage(Collection<I> credentialIds, Function<I, String> value,
                                      Function<String, I> parse) {
        Map<I, Instant> usage = new HashMap<>();
        if (credentialIds.isEmpty()) {
            return usage; // most clients have no keys and no federated credentials: no round trip for them
        }
        String[] ids = credentialIds.stream().map(value).toArray(String[]::new);
        jdbc.sql("SELECT secret_id, last_used_at FROM token_secret_usage WHERE secret_id = ANY(?)")
                .param(ids)
                .query((rs, row) -> usage.put(parse.apply(rs.getString(1)), rs.getTimestamp(2).toInstant()))
                .list();
        return usage;
    }

    @Override
    public Duration deleteGuard() {
        return deleteGuard;
    }
}
