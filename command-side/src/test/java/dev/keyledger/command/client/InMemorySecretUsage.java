package dev.keyledger.command.client;

import dev.keyledger.command.lookup.SecretUsage;
import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import dev.keyledger.kernel.id.SecretId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** When secrets and keys last authenticated in a test, held in memory in place of the token endpoint's usage table. */
final class InMemorySecretUsage implements SecretUsage {

    static final Duration GUARD = Duration.ofMinutes(15);

    private final Map<Object, Instant> lastUsed = new HashMap<>();

    InMemorySecretUsage usedAt(SecretId secretId, Instant at) {
        lastUsed.put(secretId, at);
        return this;
    }

    InMemorySecretUsage usedAt(ClientKeyId keyId, Instant at) {
        lastUsed.put(keyId, at);
        return this;
    }

    @Override
    public Optional<Instant> lastUsedAt(SecretId secretId) {
        return Optional.ofNullable(lastUsed.get(secretId));
    }

    @Override
    public Map<SecretId, Instant> lastUsedAt(Collection<SecretId> secretIds) {
        Map<SecretId, Instant> found = new HashMap<>();
        secretIds.stream().filter(lastUsed::containsKey).forEach(id -> found.put(id, lastUsed.get(id)));
        return found;
    }

    @Override
    public Optional<Instant> lastUsedAt(ClientKeyId keyId) {
        return Optional.ofNullable(lastUsed.get(keyId));
    }

    @Override
    public Map<FederatedCredentialId, Instant> federatedLastUsedAt(Collection<FederatedCredentialId> credentialIds) {
        Map<FederatedCredentialId, Instant> found = new HashMap<>();
        credentialIds.stream().filter(lastUsed::containsKey).forEach(id -> found.put(id, lastUsed.get(id)));
        return found;
    }

    @Override
    public Map<ClientKeyId, Instant> keysLastUsedAt(Collection<ClientKeyId> keyIds) {
        Map<ClientKeyId, Instant> found = new HashMap<>();
        keyIds.stream().filter(lastUsed::containsKey).forEach(id -> found.put(id, lastUsed.get(id)));
        return found;
    }

    @Override
    public Duration deleteGuard() {
        return GUARD;
    }
}
