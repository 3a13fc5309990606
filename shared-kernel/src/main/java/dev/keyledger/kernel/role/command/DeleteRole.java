package dev.keyledger.kernel.role.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.role.RoleStream;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a role; every client holding it is unassigned, and the name may be used again. */
public record DeleteRole(RoleName name, Long expectedVersion) implements VersionedCommand {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return RoleStream.idOf(name);
    }
}
