package dev.keyledger.kernel.client.state;

import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A client as its events leave it: what a write answers with, what the client view and the client auth view
 * show, secrets with their hashes. Effective permissions are not part of it: they depend on the roles' state.
 *
 * @param description nullable: absent, or cleared
 * @param secondary   nullable
 * @param keys        the public keys for private_key_jwt, oldest first (at most two)
 * @param federatedCredentials the workload identities it trusts, oldest first
 * @param version     the sequence number of the last event folded in, from 0
 */
public record ClientState(
        ClientId clientId,
        String name,
        String description,
        ClientStatus status,
        SortedSet<RoleName> roles,
        int accessTokenTtlSeconds,
        List<URI> allowedAudiences,
        SecretState primary,
        SecretState secondary,
        List<ClientKeyState> keys,
        List<FederatedCredentialState> federatedCredentials,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public ClientState {
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
        allowedAudiences = List.copyOf(allowedAudiences);
        keys = List.copyOf(keys);
        federatedCredentials = List.copyOf(federatedCredentials);
    }

    /** The secrets, primary first. */
    public List<SecretState> secrets() {
        return secondary == null ? List.of(primary) : List.of(primary, secondary);
    }

    /** Whether an event with this sequence number is news to this state (and not a redelivery). */
    public boolean isBefore(long sequence) {
        return sequence > version;
    }
}
