package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.secret.HashedSecret;
import org.axonframework.serialization.Revision;

/** A secondary secret was staged beside the primary; both authenticate from now on. */
@Revision("1")
public record SecondarySecretAdded(ClientId clientId, HashedSecret secret) implements ClientEvent {
}
