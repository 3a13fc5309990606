package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.ClientKeyId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Removes a public key. Unless {@code force}, a key that authenticated recently is kept: someone still signs with it.
 */
public record RemoveClientKey(
        @TargetAggregateIdentifier ClientId clientId,
        ClientKeyId keyId,
        boolean force,
        Long expectedVersion) implements VersionedCommand {
}
