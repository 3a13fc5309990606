package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.SecretId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Swaps the slots: the named secondary becomes primary, the former primary becomes secondary. */
public record PromoteSecondarySecret(
        @TargetAggregateIdentifier ClientId clientId,
        SecretId secretId,
        Long expectedVersion) implements VersionedCommand {
}
