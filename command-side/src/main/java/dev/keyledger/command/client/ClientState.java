package dev.keyledger.command.client;

import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/**
 * A client's state right after a command, as the aggregate knows it: what a write answers with. The secrets hold
 * hashes, so this record stays inside the command side; the web layer renders it without them.
 *
 * @param version the sequence number of the client's last event, from 0
 */
public record ClientState(
        ClientId clientId,
        String name,
        String description,
        ClientStatus status,
        SortedSet<RoleName> roles,
        int accessTokenTtlSeconds,
        List<URI> allowedAudiences,
        List<SecretEntry> secrets,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
