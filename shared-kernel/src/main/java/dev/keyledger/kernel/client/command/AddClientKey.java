package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.client.key.ClientKey;
import dev.keyledger.kernel.id.ClientId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a public key for {@code private_key_jwt}; a client holds at most two, so that keys rotate with no gap. */
public record AddClientKey(
        @TargetAggregateIdentifier ClientId clientId,
        ClientKey key,
        Long expectedVersion) implements VersionedCommand {
}
