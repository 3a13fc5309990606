package dev.keyledger.token.authentication;

import dev.keyledger.kernel.client.ClientStatus;

import java.util.List;
import java.util.Set;

/**
 * A client as the token endpoint knows it: one row of the query side's client auth view, in memory.
 *
 * @param secondary {@code null} when the client has none
 * @param revision  the view row's revision; a newer row replaces an older one
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
        long revision) {
}
