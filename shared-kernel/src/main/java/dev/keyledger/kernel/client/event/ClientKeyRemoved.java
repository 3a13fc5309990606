package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.ClientKeyId;
import org.axonframework.serialization.Revision;

/** A public key was removed and no longer authenticates. */
@Revision("1")
public record ClientKeyRemoved(ClientId clientId, ClientKeyId keyId) implements ClientEvent {
}
