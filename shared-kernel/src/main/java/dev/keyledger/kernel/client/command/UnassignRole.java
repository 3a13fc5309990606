package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a role from a client; taking a role it does not hold changes nothing. */
public record UnassignRole(
        @TargetAggregateIdentifier ClientId clientId,
        RoleName role,
        Long expectedVersion) implements VersionedCommand {
}
