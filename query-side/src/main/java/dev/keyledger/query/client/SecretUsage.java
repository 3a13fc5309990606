package dev.keyledger.query.client;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import dev.keyledger.kernel.id.SecretId;

import java.time.Instant;
import java.util.Optional;

/**
 * When a client's secret, key or federated credential last authenticated, for {@code lastUsedAt} in the client representation. The token
 * endpoint's issuance log knows.
 */
public interface SecretUsage {

    Optional<Instant> lastUsedAt(ClientId clientId, SecretId secretId);

    Optional<Instant> lastUsedAt(ClientId clientId, ClientKeyId keyId);

    Optional<Instant> lastUsedAt(ClientId clientId, FederatedCredentialId credentialId);
}
