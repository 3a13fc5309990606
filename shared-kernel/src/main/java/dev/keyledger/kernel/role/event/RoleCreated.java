package dev.keyledger.kernel.role.event;

import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;
import org.axonframework.serialization.Revision;

import java.util.Set;

/** A role was created (or re-created after a deletion) with its permissions. */
@Revision("1")
public record RoleCreated(RoleName name, String description, Set<Permission> permissions) implements RoleEvent {
}
