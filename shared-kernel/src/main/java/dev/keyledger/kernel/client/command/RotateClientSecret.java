package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.secret.HashedSecret;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One-step rotation: a new secret becomes primary at once and the former primary becomes secondary. */
public record RotateClientSecret(
        @TargetAggregateIdentifier ClientId clientId,
        HashedSecret newPrimary,
        Long expectedVersion) implements VersionedCommand {
}
