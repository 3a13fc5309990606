package dev.keyledger.kernel.client.command;

import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.client.Audience;
import dev.keyledger.kernel.client.ClientDescription;
import dev.keyledger.kernel.client.ClientName;
import dev.keyledger.kernel.client.TokenLifetime;
import dev.keyledger.kernel.id.ClientId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Changes the descriptive settings of a client; a {@code null} field stays as it is, {@link ClientDescription#NONE}
 * clears the description.
 */
public record ChangeClientDetails(
        @TargetAggregateIdentifier ClientId clientId,
        ClientName name,
        ClientDescription description,
        TokenLifetime accessTokenLifetime,
        List<Audience> allowedAudiences,
        Long expectedVersion) implements VersionedCommand {

    public ChangeClientDetails {
        allowedAudiences = allowedAudiences == null ? null : List.copyOf(allowedAudiences);
    }
}
