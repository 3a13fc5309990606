package dev.keyledger.command.lookup;

import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import dev.keyledger.kernel.id.SecretId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * When secrets, public keys and federated credentials last authenticated, as the token endpoint's issuance log records it (visible within
 * seconds).
 */
public interface SecretUsage {

    Optional<Instant> lastUsedAt(SecretId secretId);

    Map<SecretId, Instant> lastUsedAt(Collection<SecretId> secretIds);

    Optional<Instant> lastUsedAt(ClientKeyId keyId);

    Map<ClientKeyId, Instant> keysLastUsedAt(Collection<ClientKeyId> keyIds);

    Map<FederatedCredentialId, Instant> federatedLastUsedAt(Collection<FederatedCredentialId> credentialIds);

    /** How recently a secret or key may have been used for its deletion to need {@code force}. */
    Duration deleteGuard();
}
