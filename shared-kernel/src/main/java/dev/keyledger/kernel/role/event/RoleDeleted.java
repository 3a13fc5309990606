package dev.keyledger.kernel.role.event;

import dev.keyledger.kernel.id.RoleName;
import org.axonframework.serialization.Revision;

/** A role was deleted; clients that held it are unassigned by events of their own. */
@Revision("1")
public record RoleDeleted(RoleName name) implements RoleEvent {
}
