package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.SecretId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Deletes the secondary secret: the last step of a rotation. The primary can never be deleted. Unless
 * {@code force}, a secret that authenticated recently is kept: someone still uses it.
 */
public record DeleteSecondarySecret(
        @TargetAggregateIdentifier ClientId clientId,
        SecretId secretId,
        boolean force,
        Long expectedVersion) implements VersionedCommand {
}
