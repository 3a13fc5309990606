package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.ClientId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a client for good: it never authenticates again, and its history stays. */
public record DeleteClient(@TargetAggregateIdentifier ClientId clientId, Long expectedVersion) implements VersionedCommand {
}
