package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;
import org.axonframework.serialization.Revision;

/** The client was deleted for good: it never authenticates again and accepts no further change. */
@Revision("1")
public record ClientDeleted(ClientId clientId) implements ClientEvent {
}
