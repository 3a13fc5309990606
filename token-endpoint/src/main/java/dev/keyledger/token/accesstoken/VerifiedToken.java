package dev.keyledger.token.accesstoken;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The claims of an access token whose signature, issuer, type and lifetime have been checked.
 *
 * @param kid the published key that signed it (checked again by whoever remembers the token past this check)
 */
public record VerifiedToken(
        String clientId,
        String jti,
        String issuer,
        List<String> audience,
        Set<String> scope,
        List<String> roles,
        Instant issuedAt,
        Instant notBefore,
        Instant expiresAt,
        String kid) {

    public String scopeString() {
        return scope.isEmpty() ? null : String.join(" ", new TreeSet<>(scope));
    }
}
