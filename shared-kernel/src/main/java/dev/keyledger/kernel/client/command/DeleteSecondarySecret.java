package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.SecretId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes the secondary secret: the last step of a rotation. The primary can never be deleted. */
public record DeleteSecondarySecret(
        @TargetAggregateIdentifier ClientId clientId,
        SecretId secretId,
        Long expectedVersion) implements VersionedCommand {
}
