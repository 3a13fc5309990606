package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.client.key.ClientKey;
import dev.keyledger.kernel.id.ClientId;
import org.axonframework.serialization.Revision;

/** A public key was registered; assertions signed by its private key authenticate the client from now on. */
@Revision("1")
public record ClientKeyAdded(ClientId clientId, ClientKey key) implements ClientEvent {
}
