package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops trusting a workload identity. */
public record RemoveFederatedCredential(
        @TargetAggregateIdentifier ClientId clientId,
        FederatedCredentialId credentialId,
        Long expectedVersion) implements VersionedCommand {
}
