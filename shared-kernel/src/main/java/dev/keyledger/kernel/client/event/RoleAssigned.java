package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import org.axonframework.serialization.Revision;

/** A client was given a role; its tokens carry that role's permissions from now on. */
@Revision("1")
public record RoleAssigned(ClientId clientId, RoleName role) implements ClientEvent {
}
