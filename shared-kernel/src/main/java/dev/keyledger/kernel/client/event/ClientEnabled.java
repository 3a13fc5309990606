package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;
import org.axonframework.serialization.Revision;

/** The client may obtain tokens again. */
@Revision("1")
public record ClientEnabled(ClientId clientId) implements ClientEvent {
}
