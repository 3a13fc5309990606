package dev.keyledger.query.client;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.SecretId;

import java.time.Instant;
import java.util.Optional;

/** The {@link SecretUsage} before the issuance log exists: no secret has a recorded use. */
public class NoSecretUsageYet implements SecretUsage {

    @Override
    public Optional<Instant> lastUsedAt(ClientId clientId, SecretId secretId) {
        return Optional.empty();
    }
}
