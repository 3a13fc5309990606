package dev.keyledger.token.authentication;

import dev.keyledger.kernel.client.ClientStatus;

import java.util.List;
import java.util.Set;

/**
 * A client as the token endpoint knows it: one row of the query side's client auth view, in memory.
 *
 * @param secondary {@code null} when the client has none
 * @param revision  the view row's revision; a newer row replaces an older one
 * @param keys      the public keys that verify its private_key_jwt assertions
 * @param federated the workload identities it trusts
 */
public record ClientAuthEntry(
        String clientId,
        ClientStatus status,
        StoredSecret primary,
        StoredSecret secondary,
        List<String> roles,
        Set<String> permissions,
        int accessTokenTtlSeconds,
        Set<String> allowedAudiences,
        long version,
        long revision,
        List<StoredKey> keys,
        List<FederatedRule> federated) {

    public ClientAuthEntry {
        keys = List.copyOf(keys);
        federated = List.copyOf(federated);
    }

    /** A client without public keys: one that authenticates with its secrets only. */
    public ClientAuthEntry(String clientId, ClientStatus status, StoredSecret primary, StoredSecret secondary,
                           List<String> roles, Set<String> permissions, int accessTokenTtlSeconds,
                           Set<String> allowedAudiences, long version, long revision) {
        this(clientId, status, primary, secondary, roles, permissions, accessTokenTtlSeconds, allowedAudiences,
                version, revision, List.of(), List.of());
    }
}
