package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.ClientId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops all token issuance for a client until it is enabled again. */
public record DisableClient(@TargetAggregateIdentifier ClientId clientId, Long expectedVersion) implements VersionedCommand {
}
