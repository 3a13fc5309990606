package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a client an existing role; assigning a role it already holds changes nothing. */
public record AssignRole(
        @TargetAggregateIdentifier ClientId clientId,
        RoleName role,
        Long expectedVersion) implements VersionedCommand {
}
