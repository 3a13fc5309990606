package dev.keyledger.kernel.client.view;

import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/**
 * The client representation of API.md §2, answered by writes (command side) and reads (query side) alike.
 * It never holds a secret, a secret's hash or a key.
 */
public record ClientView(
        ClientId clientId,
        String name,
        String description,
        ClientStatus status,
        SortedSet<RoleName> roles,
        SortedSet<Permission> permissions,
        int accessTokenTtlSeconds,
        List<URI> allowedAudiences,
        List<SecretView> secrets,
        List<ClientKeyView> keys,
        List<FederatedCredentialView> federatedCredentials,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
