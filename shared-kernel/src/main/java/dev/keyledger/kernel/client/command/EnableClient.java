package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.ClientId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Resumes token issuance for a disabled client. */
public record EnableClient(@TargetAggregateIdentifier ClientId clientId, Long expectedVersion) implements VersionedCommand {
}
