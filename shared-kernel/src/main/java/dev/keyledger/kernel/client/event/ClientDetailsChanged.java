package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;
import org.axonframework.serialization.Revision;

import java.net.URI;
import java.util.List;

/**
 * Some descriptive settings of a client changed. Only the fields that changed are present; the others are
 * {@code null}. An empty description means it was cleared.
 */
@Revision("1")
public record ClientDetailsChanged(
        ClientId clientId,
        String name,
        String description,
        Integer accessTokenTtlSeconds,
        List<URI> allowedAudiences) implements ClientEvent {
}
