package dev.keyledger.kernel.role.command;

import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.role.RoleStream;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** Creates a role, or re-creates one whose name was deleted (the stream of that name continues). */
public record CreateRole(RoleName name, String description, Set<Permission> permissions) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return RoleStream.idOf(name);
    }
}
