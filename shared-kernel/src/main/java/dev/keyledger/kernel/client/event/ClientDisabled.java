package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;
import org.axonframework.serialization.Revision;

/** The client may not obtain tokens until it is enabled again. */
@Revision("1")
public record ClientDisabled(ClientId clientId) implements ClientEvent {
}
