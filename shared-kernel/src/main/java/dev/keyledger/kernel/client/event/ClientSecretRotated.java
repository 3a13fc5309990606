package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.secret.HashedSecret;
import org.axonframework.serialization.Revision;

/** A new primary secret was issued in one step; the former primary became secondary and still authenticates. */
@Revision("1")
public record ClientSecretRotated(ClientId clientId, HashedSecret newPrimary, SecretId demotedSecretId)
        implements ClientEvent {
}
