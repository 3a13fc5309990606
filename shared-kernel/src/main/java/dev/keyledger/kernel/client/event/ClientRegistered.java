package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.secret.HashedSecret;
import org.axonframework.serialization.Revision;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** A client came into being with its initial roles and its primary secret (held as a hash). */
@Revision("1")
public record ClientRegistered(
        ClientId clientId,
        String name,
        String description,
        Set<RoleName> roles,
        int accessTokenTtlSeconds,
        List<URI> allowedAudiences,
        HashedSecret primarySecret) implements ClientEvent {
}
