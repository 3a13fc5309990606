package dev.keyledger.kernel.role.event;

import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;
import org.axonframework.serialization.Revision;

import java.util.Set;

/** The permission set of a role was replaced; {@code added} and {@code removed} name what changed. */
@Revision("1")
public record RolePermissionsReplaced(
        RoleName name,
        Set<Permission> permissions,
        Set<Permission> added,
        Set<Permission> removed) implements RoleEvent {
}
