package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.secret.HashedSecret;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stages a new secret beside the primary: the first step of a rotation without a gap. */
public record AddSecondarySecret(
        @TargetAggregateIdentifier ClientId clientId,
        HashedSecret secret,
        Long expectedVersion) implements VersionedCommand {
}
