package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.client.federation.FederatedCredential;
import dev.keyledger.kernel.id.ClientId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Trusts a workload identity: tokens matching the rule authenticate the client. */
public record AddFederatedCredential(
        @TargetAggregateIdentifier ClientId clientId,
        FederatedCredential credential,
        Long expectedVersion) implements VersionedCommand {
}
