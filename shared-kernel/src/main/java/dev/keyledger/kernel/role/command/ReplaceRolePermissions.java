package dev.keyledger.kernel.role.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.role.RoleStream;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** Replaces the whole permission set of a role. */
public record ReplaceRolePermissions(RoleName name, Set<Permission> permissions, Long expectedVersion)
        implements VersionedCommand {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return RoleStream.idOf(name);
    }
}
