package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.id.ClientId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.net.URI;
import java.util.List;

/** Changes the descriptive settings of a client; a {@code null} field stays as it is. */
public record ChangeClientDetails(
        @TargetAggregateIdentifier ClientId clientId,
        String name,
        String description,
        Integer accessTokenTtlSeconds,
        List<URI> allowedAudiences,
        Long expectedVersion) implements VersionedCommand {
}
