package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import org.axonframework.serialization.Revision;

/** A role was taken from a client, by an operator or (actor {@code system}) because the role was deleted. */
@Revision("1")
public record RoleUnassigned(ClientId clientId, RoleName role) implements ClientEvent {
}
